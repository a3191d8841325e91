import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore } from '../../../platform/files/file-store.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { users } from '../../identity/index.js';
import { buildUser } from '../../identity/testing/factories.js';
import { ensureKominfo } from '../../organization/testing/factories.js';
import { evaluationStatusByYear } from '../use-cases/evaluation-status.js';
import { findEvaluations } from '../use-cases/find-evaluations.js';
import { seedEvaluationDemo } from './seed-evaluation-demo.js';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'simpul-eval-demo-'));
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seedEvaluationDemo', () => {
  it('loads 2025 done with external results and an open 2026, once', async () => {
    await ensureKominfo(t.ctx);
    const domain = 'demo.uji.go.id';
    for (const [local, roles] of [
      ['sekda', ['coordination_team']],
      ['asesor', ['internal_assessor']],
      ['admin', ['kominfo_admin']],
      ['operator.bappeda', ['agency_operator']],
      ['operator.dinkes', ['agency_operator']],
    ] as const) {
      const u = await buildUser(t.ctx, { roles: [...roles] });
      await t.database.db
        .update(users)
        .set({ email: `${local}@${domain}` })
        .where(eq(users.id, u.id));
    }
    const result = await seedEvaluationDemo(t.ctx, { domain, fileStore: createFileStore(dir) });
    expect(result).toEqual({ evaluations: 2 });
    const status = await evaluationStatusByYear(t.database.db);
    expect(status.map((s) => [s.year, s.stage, s.done])).toEqual([
      [2025, 'completed', true],
      [2026, 'self_assessment', false],
    ]);
    const list = (await findEvaluations(t.ctx)).items;
    const y2025 = list.find((e) => e.year === 2025);
    expect(y2025?.external?.missing).toBe(0);
    expect(y2025?.external?.index).toBeLessThanOrEqual(y2025?.validated?.index ?? 0);
    const y2026 = list.find((e) => e.year === 2026);
    expect(y2026?.self?.missing).toBe(4);
    expect(await seedEvaluationDemo(t.ctx, { domain })).toBeNull();
  });
});
