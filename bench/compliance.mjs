#!/usr/bin/env node
// Compliance evaluation benchmark: how long one evaluation of a whole profile takes for the demo
// regency (~40 agencies), and for the same regency with ten times as many agencies, side by side,
// on embedded PGlite. An evaluation built as agencies × obligations round trips would grow about
// tenfold; a set-based one grows with the rows it reads, not with the round trips.
//
//   npm run build:server && node bench/compliance.mjs [--runs 9]
//
// Plain Node ESM: it measures the built server code (dist/server).

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(root, 'dist', 'server', p);
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 50) {
  console.error('--runs must be a whole number from 1 to 50');
  process.exit(2);
}

const { openDatabase } = await import(dist('platform/db/client.js'));
const { systemCtx } = await import(dist('platform/auth/actor.js'));
const { createSecretBox } = await import(dist('platform/crypto/secrets.js'));
const { seedDemo } = await import(dist('demo/seed-demo.js'));
const { createAgency } = await import(dist('contexts/organization/index.js'));
const { evaluateProfile, SHIPPED_PROFILES } = await import(dist('contexts/compliance/index.js'));
const { loadProfile } = await import(dist('contexts/compliance/profiles.js'));

const dir = mkdtempSync(join(os.tmpdir(), 'simpul-bench-compliance-'));
const database = await openDatabase({ dataDir: dir });
try {
  await database.migrate();
  const ctx = systemCtx(database.db, createSecretBox(Buffer.alloc(32, 7)), 'bench');
  await seedDemo(ctx);
  const today = new Date().toISOString().slice(0, 10);

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  async function measure() {
    const out = {};
    for (const id of Object.keys(SHIPPED_PROFILES)) {
      const profile = await loadProfile(database.db, id);
      await evaluateProfile(database.db, profile, today); // warm-up
      const times = [];
      let cells = 0;
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const result = await evaluateProfile(database.db, profile, today);
        times.push(performance.now() - started);
        cells = result.obligations.reduce((n, o) => n + o.parties.length, 0);
      }
      out[id] = { ms: median(times), cells };
    }
    return out;
  }

  await measure(); // JIT and cache warm-up over every profile
  const small = await measure();
  const [{ count: before }] = (
    await database.db.execute('select count(*)::int as count from agencies')
  ).rows;
  for (let i = 0; i < before * 9; i++) {
    await createAgency(ctx, {
      code: `BENCH-${i}`,
      name: `Perangkat Daerah Uji ${i}`,
      kind: 'lainnya',
    });
  }
  const large = await measure();

  console.log(
    `compliance evaluation, PGlite, median of ${RUNS} runs (node ${process.version}, ${os.cpus().length} CPUs)`,
  );
  console.log(`agencies: ${before} vs ${before * 10}`);
  console.log(
    'profile               | cells (small) | ms (small) | cells (x10) | ms (x10) | time ratio',
  );
  for (const id of Object.keys(SHIPPED_PROFILES)) {
    const s = small[id];
    const l = large[id];
    console.log(
      `${id.padEnd(21)} | ${String(s.cells).padStart(13)} | ${s.ms.toFixed(1).padStart(10)} | ${String(l.cells).padStart(11)} | ${l.ms.toFixed(1).padStart(8)} | ${(l.ms / s.ms).toFixed(2)}`,
    );
  }
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
