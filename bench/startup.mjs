#!/usr/bin/env node
// Startup and memory benchmark for `simpul serve`: time to ready (fresh data directory with and
// without --demo, second start of the same directory) and resident memory (idle, and after 200
// authenticated requests), for embedded PGlite and, when a server answers, PostgreSQL.
//
//   npm run bench                      build, then run with the defaults (3 runs)
//   node bench/startup.mjs --runs 5    more runs
//   node bench/startup.mjs --write     also update the startup section of docs/performance.md
//   node bench/startup.mjs --no-pg     PGlite only
//   node bench/startup.mjs --pg URL    PostgreSQL admin URL (default postgres://postgres@127.0.0.1:5432/postgres)
//
// Plain Node ESM on purpose: it measures the built server (dist/server) as an operator runs it.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'server', 'cli', 'main.js');
const bin = join(root, 'bin', 'simpul.js');
const docFile = join(root, 'docs', 'performance.md');

const AIMS = { freshMs: 10_000, existingMs: 2_000, idleRssMb: 300 };
const DEMO_LOGIN = { email: 'admin@tabanankab.go.id', password: 'Simpul-Demo-2026' };
const REQUESTS = 200;
const IDLE_WAIT_MS = 5_000;
const READY_TIMEOUT_MS = 90_000;
const KILL_GRACE_MS = 5_000;
const POLL_MS = 20;

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const opts = {
    runs: 3,
    write: false,
    pg: true,
    pgUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') opts.runs = Number(argv[++i]);
    else if (arg.startsWith('--runs=')) opts.runs = Number(arg.slice(7));
    else if (arg === '--write') opts.write = true;
    else if (arg === '--no-pg') opts.pg = false;
    else if (arg === '--pg') opts.pgUrl = argv[++i];
    else if (arg.startsWith('--pg=')) opts.pgUrl = arg.slice(5);
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node bench/startup.mjs [--runs N] [--write] [--no-pg] [--pg URL]');
      process.exit(0);
    } else {
      console.error(`unknown argument: ${arg}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.runs) || opts.runs < 1 || opts.runs > 20) {
    console.error('--runs must be a whole number from 1 to 20');
    process.exit(2);
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Bookkeeping: every child and temp directory is registered so `cleanup` can undo it all.

const children = new Set();
const tempDirs = new Set();
const databases = new Set();
let pgAdmin; // { url, Client }

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tempDir(label) {
  const dir = mkdtempSync(join(os.tmpdir(), `simpul-bench-${label}-`));
  tempDirs.add(dir);
  return dir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** SIGTERM, then SIGKILL after KILL_GRACE_MS. Resolves with the ms the child took to exit. */
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    children.delete(child);
    return 0;
  }
  const started = performance.now();
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const graceful = await Promise.race([
    exited.then(() => true),
    sleep(KILL_GRACE_MS).then(() => false),
  ]);
  if (!graceful) {
    child.kill('SIGKILL');
    await Promise.race([exited, sleep(2_000)]);
  }
  children.delete(child);
  return graceful ? performance.now() - started : Number.NaN;
}

async function cleanup() {
  await Promise.all([...children].map((c) => stop(c).catch(() => {})));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
  for (const name of databases) await dropDatabase(name).catch(() => {});
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (through the `pg` package, a dependency of Simpul anyway)

async function pgAvailable(url) {
  let pg;
  try {
    pg = (await import('pg')).default;
  } catch {
    return { ok: false, note: 'the `pg` package is not installed' };
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const { rows } = await client.query('show server_version');
    pgAdmin = { url, Client: pg.Client };
    return { ok: true, version: rows[0].server_version };
  } catch (error) {
    return {
      ok: false,
      note: `no PostgreSQL server answered at ${redactUrl(url)} (${error.code ?? error.message})`,
    };
  } finally {
    await client.end().catch(() => {});
  }
}

function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

async function adminQuery(sql) {
  const client = new pgAdmin.Client({
    connectionString: pgAdmin.url,
    connectionTimeoutMillis: 5_000,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

async function createDatabase() {
  const name = `simpul_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  databases.add(name);
  const u = new URL(pgAdmin.url);
  u.pathname = `/${name}`;
  return { name, url: u.toString() };
}

async function dropDatabase(name) {
  try {
    await adminQuery(`drop database if exists ${name} with (force)`);
  } catch {
    await adminQuery(`drop database if exists ${name}`); // PostgreSQL < 13
  }
  databases.delete(name);
}

// ---------------------------------------------------------------------------------------------
// One server process

function childEnv(extra) {
  const env = { ...process.env };
  // Nothing from the caller's Simpul configuration may leak into the measurement.
  for (const key of Object.keys(env)) {
    if (
      key.startsWith('SIMPUL_') ||
      key === 'DATABASE_URL' ||
      key === 'PORT' ||
      key === 'LOG_LEVEL'
    ) {
      delete env[key];
    }
  }
  return { ...env, SIMPUL_LOG_LEVEL: 'info', ...extra };
}

async function getStatus(url, timeoutMs = 1_000) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/**
 * Spawns `simpul serve`, polls /api/ready every POLL_MS and resolves once it answers 200.
 * Returns the running server and the time from spawn to that first 200.
 */
async function start({ dataDir, demo, databaseUrl }) {
  const [port, gatewayPort] = [await freePort(), await freePort()];
  const args = [
    bin,
    'serve',
    '--data',
    dataDir,
    '--port',
    String(port),
    '--gateway-port',
    String(gatewayPort),
    '--host',
    '127.0.0.1',
  ];
  if (demo) args.push('--demo');
  const env = childEnv(databaseUrl ? { DATABASE_URL: databaseUrl } : {});
  const log = [];
  let readyMs;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let buffer = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      log.push(line);
      if (log.length > 200) log.shift();
      if (line.includes('"Simpul siap"')) {
        try {
          readyMs = JSON.parse(line).readyMs;
        } catch {
          // not JSON after all; the breakdown shows — for this start
        }
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk) => log.push(chunk.trimEnd()));

  const base = `http://127.0.0.1:${port}`;
  const deadline = t0 + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `simpul serve exited (${child.exitCode ?? child.signalCode}) before ready:\n${log.slice(-20).join('\n')}`,
      );
    }
    if ((await getStatus(`${base}/api/ready`, 500)) === 200) break;
    if (performance.now() > deadline) {
      await stop(child);
      throw new Error(
        `not ready after ${READY_TIMEOUT_MS / 1000} s:\n${log.slice(-20).join('\n')}`,
      );
    }
    await sleep(POLL_MS);
  }
  const toReadyMs = performance.now() - t0;
  // The log line follows the listen by microseconds; give the pipe a moment to deliver it.
  for (let i = 0; i < 50 && readyMs === undefined; i++) await sleep(10);
  return { child, base, toReadyMs, readyMs };
}

/** Logs in as the demo admin and sends REQUESTS sequential GET /api/v1/agencies. */
async function exercise(base) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_LOGIN),
    signal: AbortSignal.timeout(10_000),
  });
  const cookies = res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? ''];
  await res.arrayBuffer();
  const session = cookies.map((c) => c.split(';')[0]).find((c) => c.startsWith('simpul_session='));
  if (res.status !== 200 || !session) throw new Error(`login failed: HTTP ${res.status}`);
  const times = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    const r = await fetch(`${base}/api/v1/agencies`, {
      headers: { cookie: session },
      signal: AbortSignal.timeout(10_000),
    });
    const body = await r.json();
    times.push(performance.now() - t);
    if (r.status !== 200 || !Array.isArray(body.items))
      throw new Error(`GET /api/v1/agencies: HTTP ${r.status}`);
  }
  return { requestMs: median(times) };
}

// ---------------------------------------------------------------------------------------------
// One run for one engine

async function runEngine(engine) {
  const m = {};
  let fresh;
  let demoDb;
  try {
    // 1. Fresh, no demo data: migrations only.
    {
      const dataDir = tempDir(`${engine}-plain`);
      const db = engine === 'postgres' ? await createDatabase() : undefined;
      const s = await start({ dataDir, demo: false, databaseUrl: db?.url });
      m.freshPlain = s.toReadyMs;
      m.freshPlainReadyMs = s.readyMs;
      await stop(s.child);
      if (db) await dropDatabase(db.name);
      rmSync(dataDir, { recursive: true, force: true });
      tempDirs.delete(dataDir);
    }
    // 2. Fresh with --demo: migrations + the demo regency (40 agencies, 18 users).
    const dataDir = tempDir(`${engine}-demo`);
    demoDb = engine === 'postgres' ? await createDatabase() : undefined;
    fresh = await start({ dataDir, demo: true, databaseUrl: demoDb?.url });
    m.freshDemo = fresh.toReadyMs;
    m.freshDemoReadyMs = fresh.readyMs;
    await sleep(IDLE_WAIT_MS);
    m.rssIdleFirst = rssMb(fresh.child.pid);
    m.requestMsFirst = (await exercise(fresh.base)).requestMs;
    m.rssLoadedFirst = rssMb(fresh.child.pid);
    m.stopMs = await stop(fresh.child);
    // 3. Second start of the same data directory (same command, demo already loaded).
    const again = await start({ dataDir, demo: true, databaseUrl: demoDb?.url });
    m.existing = again.toReadyMs;
    m.existingReadyMs = again.readyMs;
    await sleep(IDLE_WAIT_MS);
    m.rssIdle = rssMb(again.child.pid);
    m.requestMs = (await exercise(again.base)).requestMs;
    m.rssLoaded = rssMb(again.child.pid);
    await stop(again.child);
    return m;
  } finally {
    if (demoDb) await dropDatabase(demoDb.name).catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and output

function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function summary(values) {
  const v = values.filter(Number.isFinite);
  return { median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length };
}

const fmt = {
  s: (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '—'),
  mb: (mb) => (Number.isFinite(mb) ? `${Math.round(mb)} MB` : '—'),
  ms: (ms) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : '—'),
};

function cell(values, unit, runs) {
  if (!values) return 'skipped';
  const s = summary(values);
  if (!s.n) return '—';
  if (runs === 1) return fmt[unit](s.median);
  const num = (x) => fmt[unit](x).replace(/ (s|MB|ms)$/, '');
  return `${fmt[unit](s.median)} (${num(s.min)}–${num(s.max)})`;
}

function ratio(values, aim) {
  if (!values || aim === undefined) return '';
  const r = median(values) / aim;
  if (!Number.isFinite(r)) return '—';
  return `${r.toFixed(2)}× ${r <= 1 ? '✓' : '✗'}`;
}

const ROWS = [
  {
    key: 'freshPlain',
    label: 'Fresh data directory → ready, without `--demo` (migrations)',
    unit: 's',
    aim: AIMS.freshMs,
    aimText: '< 10 s',
  },
  {
    key: 'freshDemo',
    label: 'Fresh data directory → ready, `--demo` (migrations + demo seed)',
    unit: 's',
    aim: AIMS.freshMs,
    aimText: '< 10 s',
  },
  {
    key: 'existing',
    label: 'Existing data directory → ready (second start, `--demo`)',
    unit: 's',
    aim: AIMS.existingMs,
    aimText: '< 2 s',
  },
  {
    key: 'rssIdle',
    label: 'RSS idle, 5 s after ready (second start, demo data)',
    unit: 'mb',
    aim: AIMS.idleRssMb,
    aimText: '< 300 MB',
  },
  {
    key: 'rssLoaded',
    label: `RSS after ${REQUESTS} authenticated GET /api/v1/agencies (second start)`,
    unit: 'mb',
    aim: AIMS.idleRssMb,
    aimText: '(< 300 MB)',
  },
  {
    key: 'rssIdleFirst',
    label: 'RSS idle, 5 s after ready (first start, fresh + demo)',
    unit: 'mb',
    aim: AIMS.idleRssMb,
    aimText: '< 300 MB',
  },
  {
    key: 'rssLoadedFirst',
    label: `RSS after ${REQUESTS} GET /api/v1/agencies (first start)`,
    unit: 'mb',
    aim: AIMS.idleRssMb,
    aimText: '(< 300 MB)',
  },
  {
    key: 'requestMs',
    label: 'GET /api/v1/agencies (40 agencies), median latency, second start',
    unit: 'ms',
  },
  { key: 'stopMs', label: 'SIGTERM → process exit', unit: 's' },
];

const BREAKDOWN = [
  ['freshPlain', 'freshPlainReadyMs', 'Fresh, without `--demo`'],
  ['freshDemo', 'freshDemoReadyMs', 'Fresh, `--demo`'],
  ['existing', 'existingReadyMs', 'Existing directory'],
];

function collect(results, key) {
  return results ? results.map((r) => r[key]) : undefined;
}

function renderMarkdown({ runs, results, pgInfo, machine, date, skippedNote }) {
  const pgl = results.pglite;
  const pgs = results.postgres;
  const lines = [];
  lines.push(
    `Measured ${date} on ${machine.cpus} × ${machine.model}, ${machine.memGb} GB RAM, ` +
      `${machine.os}, Node.js ${process.version}; ${runs} run${runs > 1 ? 's' : ''} each, ` +
      `median (min–max). PostgreSQL: ${pgInfo.ok ? `server ${pgInfo.version} on the same machine` : `skipped — ${pgInfo.note}`}. ` +
      `Load average (1 min) ${machine.loadBefore} before and ${machine.loadAfter} after the runs; ` +
      'timings on a busy machine are slower and vary more.',
  );
  lines.push('');
  lines.push(
    '| Measurement | PGlite (embedded) | PostgreSQL server | Aim | PGlite ÷ aim | PostgreSQL ÷ aim |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const row of ROWS) {
    const a = collect(pgl, row.key);
    const b = collect(pgs, row.key);
    lines.push(
      `| ${row.label} | ${cell(a, row.unit, runs)} | ${cell(b, row.unit, runs)} | ${row.aimText ?? '—'} | ` +
        `${ratio(a, row.aim)} | ${pgs ? ratio(b, row.aim) : ''} |`,
    );
  }
  lines.push('');
  lines.push(
    'Where the start-up time goes (medians): `readyMs` is what the server itself logs with ' +
      '"Simpul siap" (from the start of `serve()` to listening: open the database, migrate, ' +
      'build the HTTP app, demo seed); the rest is starting Node.js and loading the modules, ' +
      'plus up to one poll interval (20 ms).',
  );
  lines.push('');
  lines.push(
    '| Start | Engine | spawn → ready | in-process `readyMs` | Node.js start + module loading |',
  );
  lines.push('|---|---|---:|---:|---:|');
  for (const [engine, res] of [
    ['PGlite', pgl],
    ['PostgreSQL', pgs],
  ]) {
    if (!res) continue;
    for (const [total, inner, label] of BREAKDOWN) {
      const t = median(collect(res, total));
      const r = median(collect(res, inner));
      lines.push(`| ${label} | ${engine} | ${fmt.s(t)} | ${fmt.s(r)} | ${fmt.s(t - r)} |`);
    }
    const seed = median(res.map((m) => m.freshDemoReadyMs - m.freshPlainReadyMs));
    lines.push(
      `| ≈ demo seed (fresh \`--demo\` − fresh without, in-process) | ${engine} | | ${fmt.s(seed)} | |`,
    );
  }
  lines.push('');
  lines.push(
    "RSS is the `simpul serve` process only (VmRSS from /proc); with PostgreSQL the database server's " +
      'own memory is not included. The 300 MB aim is for idle memory; the rows after requests are compared ' +
      'with it for reference.',
  );
  if (skippedNote) lines.push('', skippedNote);
  return lines.join('\n');
}

const INTRO = `# Performance

Measurements of Simpul as an operator runs it: the built server (\`dist/server\`) started with
\`node bin/simpul.js serve\`, on the embedded database (PGlite, in the data directory) and on a
PostgreSQL server (\`DATABASE_URL\`).

## Start-up and memory

\`bench/startup.mjs\` starts \`simpul serve\` as a child process and measures:

- **fresh → ready**: from spawning the process on an empty data directory (and, for PostgreSQL, an
  empty database) to the first \`200\` from \`GET /api/ready\`, with and without \`--demo\` (the demo
  regency: 40 agencies and 18 users, each created through the use cases, so with argon2id hashing and
  audit events);
- **existing → ready**: the second start of the same data directory;
- **resident memory** (VmRSS of the server process) 5 s after ready with the demo data loaded, and
  after ${REQUESTS} sequential authenticated \`GET /api/v1/agencies\` requests (one sign-in, the session
  cookie reused).

Aims: fresh → ready under 10 s, existing → ready under 2 s, idle RSS under 300 MB.

Reproduce: \`npm run bench\` (builds first), or \`node bench/startup.mjs --runs 5\` on an existing build;
\`--write\` updates the section below; PostgreSQL is measured when a server answers at
127.0.0.1:5432 (user \`postgres\`, trust authentication; \`--pg URL\` for another, \`--no-pg\` to skip).
Temporary databases are named \`simpul_bench_*\` and dropped afterwards.

`;

function writeDoc(section) {
  const begin = '<!-- startup:begin -->';
  const end = '<!-- startup:end -->';
  const block = `${begin}\n${section}\n${end}`;
  let text = existsSync(docFile) ? readFileSync(docFile, 'utf8') : `${INTRO}${begin}\n${end}\n`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) text = text.slice(0, i) + block + text.slice(j + end.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  mkdirSync(dirname(docFile), { recursive: true });
  writeFileSync(docFile, text);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(entry)) {
    console.error(`Simpul is not built (${entry} is missing): run npm run build first.`);
    process.exitCode = 1;
    return;
  }
  if (process.platform !== 'linux') {
    console.error('This benchmark reads memory from /proc and needs Linux.');
    process.exitCode = 1;
    return;
  }

  const loadBefore = os.loadavg()[0].toFixed(1);
  const pgInfo = opts.pg
    ? await pgAvailable(opts.pgUrl)
    : { ok: false, note: 'not requested (--no-pg)' };
  const engines = pgInfo.ok ? ['pglite', 'postgres'] : ['pglite'];
  const results = { pglite: [], postgres: pgInfo.ok ? [] : undefined };

  // Bounded: each engine run takes well under a minute on a slow machine; a hard stop past that.
  const budgetMs = opts.runs * engines.length * 4 * 60_000 + 60_000;
  const watchdog = setTimeout(async () => {
    console.error(`\nbench: gave up after ${Math.round(budgetMs / 60_000)} min; cleaning up.`);
    await cleanup();
    process.exit(1);
  }, budgetMs);
  watchdog.unref();

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, async () => {
      console.error(`\nbench: ${signal}, cleaning up.`);
      await cleanup();
      process.exit(130);
    });
  }

  try {
    for (let run = 1; run <= opts.runs; run++) {
      // Alternate the order so neither engine always runs on a warmer machine.
      const order = run % 2 ? engines : [...engines].reverse();
      for (const engine of order) {
        process.stderr.write(`run ${run}/${opts.runs} ${engine} … `);
        const t = performance.now();
        const m = await runEngine(engine);
        results[engine].push(m);
        process.stderr.write(
          `fresh ${fmt.s(m.freshPlain)}, fresh+demo ${fmt.s(m.freshDemo)}, existing ${fmt.s(m.existing)}, ` +
            `idle ${fmt.mb(m.rssIdle)} (${fmt.s(performance.now() - t)})\n`,
        );
      }
    }
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }

  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    model: (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim(),
    memGb: (os.totalmem() / 1024 ** 3).toFixed(1),
    os: `${os.type()} ${os.release()}`,
    loadBefore,
    loadAfter: os.loadavg()[0].toFixed(1),
  };
  const date = new Date().toISOString().slice(0, 10);
  const section = renderMarkdown({ runs: opts.runs, results, pgInfo, machine, date });
  console.log(section);
  if (opts.write) {
    writeDoc(section);
    console.error(`\nbench: updated ${docFile}`);
  }
}

main().catch(async (error) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
