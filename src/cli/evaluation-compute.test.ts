import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../platform/paths.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'simpul-cli-evaluation-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real command, as an operator runs it, on its own embedded database. */
async function simpul(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', join(packageRoot, 'src/cli/main.ts'), ...args, '-d', join(dir, 'data')],
      { cwd: packageRoot, env: { ...process.env, SIMPUL_DEBUG: '' } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('simpul evaluation compute', () => {
  it('prints the index, rating, domains and aspects; refuses bad levels and unknown frameworks', async () => {
    const levels = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), 3]));
    Object.assign(levels, {
      '11': 3,
      '12': 4,
      '13': 3,
      '14': 2,
      '15': 4,
      '16': 4,
      '17': 4,
      '18': 4,
    });
    const good = join(dir, 'levels.json');
    writeFileSync(good, JSON.stringify(levels));
    const ok = await simpul(
      'evaluation',
      'compute',
      '--framework',
      'permenpanrb-59-2020',
      '--levels',
      good,
    );
    expect(ok.code, ok.stderr).toBe(0);
    const out = JSON.parse(ok.stdout);
    // Aspect 2 = 3,00 (Tabel 10); aspect 3 = 4,00; domain 2 = (30 + 40 + 15) / 25 = 3,40 (Tabel 11).
    expect(out.aspects.find((a: { no: number }) => a.no === 2).index).toBe(3);
    expect(out.domains.find((d: { no: number }) => d.no === 2).index).toBe(3.4);
    expect(out.index).toBe(3.1);
    expect(out.rating).toBe('Baik');

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...levels, '5': 6, '99': 2, '47': undefined }));
    const refused = await simpul(
      'evaluation',
      'compute',
      '--framework',
      'permenpanrb-59-2020',
      '--levels',
      bad,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('/levels/5: Tingkat harus bilangan bulat 1–5.');
    expect(refused.stderr).toContain('/levels/99: Indikator ini tidak ada');
    expect(refused.stderr).toContain('/levels/47: Tingkat indikator ini belum diisi.');

    const unknown = await simpul(
      'evaluation',
      'compute',
      '--framework',
      'pemdi-2099',
      '--levels',
      good,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Kerangka penilaian "pemdi-2099" tidak dikenal.');
  }, 120_000);
});
