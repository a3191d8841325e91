#!/usr/bin/env node
// `npm test`: everything CI checks, in order — lint and format, types, the unit/use-case/HTTP
// suite on PGlite, the same suite on a PostgreSQL server when TEST_DATABASE_URL is set, then the
// browser journeys against the built app in Debian's Chromium (installed here when missing).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'simpul-test-report-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

/** Vitest with its usual output plus a JSON report, whose counts add up to the closing line. */
function vitest(title, args, env) {
  const file = join(reports, `${title.replace(/\W+/g, '-')}.json`);
  run(
    title,
    'npx',
    [
      'vitest',
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    env,
    () => {
      const report = JSON.parse(readFileSync(file, 'utf8'));
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests;
      totals.skipped += report.numPendingTests + report.numTodoTests;
    },
  );
}

function run(title, command, args, env = process.env, after = () => {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  try {
    after();
  } catch {
    // A run that crashed before writing its report is reported by its exit code below.
  }
  if (result.status !== 0) {
    console.error(`${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
    console.error(`✖ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const npx = 'npx';
const { TEST_DATABASE_URL, ...withoutPg } = process.env;

run('lint and format (biome)', npx, ['biome', 'check', '.']);
run('types (tsc)', 'npm', ['run', '--silent', 'typecheck']);
vitest('unit, use-case and HTTP tests on PGlite', [], withoutPg);
if (TEST_DATABASE_URL) {
  vitest('the same tests on PostgreSQL (TEST_DATABASE_URL)', [], process.env);
} else {
  console.log('\nTEST_DATABASE_URL is not set: the PostgreSQL run is left out.');
}
run('Chromium for the browser journeys', 'bash', ['scripts/ensure-chromium.sh']);
run('build', 'npm', ['run', '--silent', 'build']);
vitest('browser journeys (Playwright + Chromium)', ['--config', 'e2e/vitest.config.ts'], withoutPg);

console.log(
  `\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
