#!/usr/bin/env node
// Gateway benchmark (issue 4): one upstream, measured in one run
//   1. direct to the upstream,
//   2. through nginx as a plain reverse proxy (when /usr/sbin/nginx or `nginx` is installed),
//   3. through a minimal Node.js proxy (node:http + undici, no policy, no log): the platform's floor,
//   4. through the Simpul gateway with API-key auth + rate limit + durable exchange log on.
// For each: throughput at saturation (req/s, p50/p99, the proxy's CPU time per request) and
// latency at a moderate fixed rate (open loop, to the microsecond), then
// the ratios, the gateway's resident memory under load, and the last line
// `gateway/nginx throughput ratio: X.XX` (or `gateway/direct …` without nginx).
//
//   npm run bench:gateway                  build the server, then run
//   node bench/gateway.mjs --duration 8    seconds per saturation run (default 6)
//   node bench/gateway.mjs --rate 500      requests/s of the moderate-load run (default 500)
//   node bench/gateway.mjs --pglite        exchange log in embedded PGlite instead of PostgreSQL
//   node bench/gateway.mjs --pg URL        PostgreSQL admin URL (default postgres://postgres@127.0.0.1:5432/postgres)
//
// Plain Node ESM on purpose: it measures the built server (dist/server) in separate processes.

import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist', 'server');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};

const API_KEY = 'bench-key-0123456789';
const BODY = JSON.stringify({
  nik: '5102010101010001',
  nama: 'Ni Luh Putu Bench',
  faskes: 'Puskesmas Tabanan I',
  status: 'aktif',
});

// ---------------------------------------------------------------------------------------------
// Child roles

if (args[0] === '--child-upstream') {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(BODY),
      });
      res.end(BODY);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${server.address().port}\n`));
} else if (args[0] === '--child-node-proxy') {
  // The least a Node.js proxy does (node:http in, undici out, answer buffered): what the platform
  // itself costs, without any of the gateway's policy or its exchange log.
  const { Pool } = await import('undici');
  const pool = new Pool(process.env.BENCH_UPSTREAM, { connections: 128 });
  const server = createServer(async (req, res) => {
    try {
      const answer = await pool.request({ method: req.method, path: req.url });
      const body = Buffer.from(await answer.body.arrayBuffer());
      res.writeHead(answer.statusCode, {
        'content-type': answer.headers['content-type'],
        'content-length': body.length,
      });
      res.end(body);
    } catch {
      res.writeHead(502).end();
    }
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${server.address().port}\n`));
} else if (args[0] === '--child-gateway') {
  const { openDatabase } = await import(pathToFileURL(join(dist, 'platform/db/client.js')).href);
  const { createSecretBox } = await import(
    pathToFileURL(join(dist, 'platform/crypto/secrets.js')).href
  );
  const { startGateway } = await import(pathToFileURL(join(dist, 'gateway/server.js')).href);
  const { staticSnapshotSource } = await import(
    pathToFileURL(join(dist, 'gateway/snapshot.js')).href
  );
  const dataDir = process.env.BENCH_DATA_DIR;
  const database = await openDatabase({
    url: process.env.BENCH_DATABASE_URL || undefined,
    dataDir,
    poolSize: 10,
  });
  await database.migrate();
  const apiId = randomUUID();
  const consumerId = randomUUID();
  const subscriptionId = randomUUID();
  const snapshot = {
    version: 1,
    routes: [
      {
        apiId,
        agencyCode: 'dinkes',
        slug: 'faskes',
        version: 'v1',
        upstreamUrl: process.env.BENCH_UPSTREAM,
        upstreamHeaders: { authorization: 'Bearer provider-secret' },
        timeoutMs: 10_000,
        maxRequestBytes: 1024 * 1024,
        operations: [
          { method: 'GET', path: '/patients/{nik}', operationId: 'getPatient', scope: null },
        ],
      },
    ],
    apiKeys: new Map([
      [
        createHash('sha256').update(API_KEY).digest('hex'),
        { credentialId: randomUUID(), consumerId, expiresAt: null },
      ],
    ]),
    subscriptions: new Map([
      [
        `${consumerId}:${apiId}`,
        {
          id: subscriptionId,
          consumerId,
          apiId,
          scopes: null,
          plan: { ratePerMinute: 1_000_000_000, dailyQuota: null, monthlyQuota: null },
        },
      ],
    ]),
    jwt: { issuer: 'bench', audience: 'bench', keys: [] },
  };
  const running = await startGateway({
    db: database.db,
    secrets: createSecretBox(randomBytes(32)),
    dataDir,
    source: staticSnapshotSource(snapshot),
    port: 0,
    host: '127.0.0.1',
    nodeId: `bench:${process.pid}`,
    logger: {
      info() {},
      warn: (o, m) => process.env.BENCH_LOG && console.error(m, o),
      error: (o, m) => console.error(m, o),
    },
    redisUrl: process.env.REDIS_URL || undefined,
  });
  process.stdout.write(`PORT ${running.port}\n`);
  process.once('SIGTERM', async () => {
    await running.stop();
    const rows = await database.db.execute(
      (await import('drizzle-orm')).sql`select count(*)::int as n from exchange_records`,
    );
    process.stdout.write(`RECORDS ${(rows.rows ?? rows)[0].n}\n`);
    await database.close();
    process.exit(0);
  });
} else {
  await main();
}

// ---------------------------------------------------------------------------------------------

function startChild(role, env = {}) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), role], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const port = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}`)));
  });
  return { child, port, output: () => out };
}

async function freePort() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

function findNginx() {
  for (const p of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'])
    if (existsSync(p)) return p;
  const which = spawnSync('which', ['nginx'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

async function startNginx(upstreamPort) {
  const bin = findNginx();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'simpul-bench-nginx-'));
  const port = await freePort();
  // One worker, like the single gateway process it is compared with.
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream up { server 127.0.0.1:${upstreamPort}; keepalive 128; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://up;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }
}
`,
  );
  const child = spawn(
    bin,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/dinkes`);
      await res.arrayBuffer();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    pid: child.pid,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds (user + system) used so far by a process and its children's threads. */
function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone, or not Linux: no CPU figure.
    }
  }
  return ticks / 100;
}

/** nginx's worker processes (children of the master). */
function childPids(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
  } catch {
    return [];
  }
}

function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function load(autocannon, url, { connections, duration, rate, headers }) {
  const result = await autocannon({
    url,
    connections,
    duration,
    headers,
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

/**
 * Moderate load, measured to the microsecond: `rate` requests/s sent on a fixed schedule
 * (open loop: a slow answer does not delay the next request, so no latency is hidden), each
 * timed from its scheduled start. autocannon reports whole milliseconds, too coarse for a 2 ms aim.
 */
async function fixedRate(url, { rate, seconds, headers }) {
  const { Pool } = await import('undici');
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: 32 });
  const latencies = [];
  let errors = 0;
  const total = rate * seconds;
  const start = performance.now();
  const calls = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // Timers may fire up to a millisecond early: time from whichever is later.
    const sent = Math.max(due, performance.now());
    calls.push(
      pool
        .request({ method: 'GET', path: target.pathname + target.search, headers })
        .then(async (res) => {
          await res.body.dump();
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - sent);
        })
        .catch(() => errors++),
    );
  }
  await Promise.all(calls);
  await pool.close();
  latencies.sort((a, b) => a - b);
  const q = (x) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * x))] ?? 0;
  return { p50: q(0.5), p99: q(0.99), errors };
}

async function main() {
  if (!existsSync(join(dist, 'gateway', 'server.js'))) {
    console.error('Build the server first: npm run build:server (npm run bench:gateway does).');
    process.exit(1);
  }
  const { default: autocannon } = await import('autocannon');
  const duration = Number(opt('duration', '6'));
  const rate = Number(opt('rate', '500'));
  const connections = Number(opt('connections', '64'));

  // The exchange log's database: PostgreSQL when it answers (the scale-out setup), else PGlite.
  const pgAdmin = opt('pg', 'postgres://postgres@127.0.0.1:5432/postgres');
  let dbUrl = '';
  let dropDb = async () => {};
  if (!args.includes('--pglite')) {
    try {
      const pg = (await import('pg')).default;
      const admin = new pg.Client({ connectionString: pgAdmin });
      await admin.connect();
      const name = `simpul_bench_${randomBytes(4).toString('hex')}`;
      await admin.query(`create database ${name}`);
      const u = new URL(pgAdmin);
      u.pathname = `/${name}`;
      dbUrl = u.toString();
      dropDb = async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
    } catch {
      dbUrl = '';
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'simpul-bench-gateway-'));

  const upstream = startChild('--child-upstream');
  const upstreamPort = await upstream.port;
  const nginx = await startNginx(upstreamPort);
  const gateway = startChild('--child-gateway', {
    BENCH_DATA_DIR: dataDir,
    BENCH_DATABASE_URL: dbUrl,
    BENCH_UPSTREAM: `http://127.0.0.1:${upstreamPort}`,
  });
  const gatewayPort = await gateway.port;
  const nodeProxy = startChild('--child-node-proxy', {
    BENCH_UPSTREAM: `http://127.0.0.1:${upstreamPort}`,
  });
  const nodeProxyPort = await nodeProxy.port;

  const path = '/dinkes/faskes/v1/patients/5102010101010001';
  const targets = [
    ['direct', `http://127.0.0.1:${upstreamPort}${path}`, {}],
    ...(nginx ? [['nginx', `http://127.0.0.1:${nginx.port}${path}`, {}]] : []),
    ['node', `http://127.0.0.1:${nodeProxyPort}${path}`, {}],
    ['gateway', `http://127.0.0.1:${gatewayPort}${path}`, { 'x-api-key': API_KEY }],
  ];

  console.log(
    `Gateway benchmark: ${connections} connections × ${duration}s saturation, then ${rate} req/s moderate load; ` +
      `exchange log in ${dbUrl ? 'PostgreSQL' : 'PGlite'}${process.env.REDIS_URL ? ', rate limit in Redis' : ', rate limit in memory'}.`,
  );
  // Warm-up: connections, JIT, pools.
  for (const [, url, headers] of targets)
    await load(autocannon, url, { connections: 8, duration: 1, headers });

  const results = {};
  let peakRss = 0;
  for (const [name, url, headers] of targets) {
    const sampler =
      name === 'gateway'
        ? setInterval(() => {
            peakRss = Math.max(peakRss, rssMb(gateway.child.pid) ?? 0);
          }, 200)
        : null;
    // The proxy's own CPU time per request at saturation: steadier than req/s on a shared machine.
    const pids =
      name === 'gateway'
        ? [gateway.child.pid]
        : name === 'nginx'
          ? [nginx.pid, ...childPids(nginx.pid)]
          : name === 'node'
            ? [nodeProxy.child.pid]
            : [upstream.child.pid];
    const cpu0 = cpuSeconds(pids);
    const sat = await load(autocannon, url, { connections, duration, headers });
    sat.cpuPerRequestUs = ((cpuSeconds(pids) - cpu0) * 1e6) / sat.total;
    const mod = await fixedRate(url, { rate, seconds: Math.max(4, duration), headers });
    if (sampler) clearInterval(sampler);
    results[name] = { sat, mod };
  }

  const row = (name) => {
    const { sat, mod } = results[name];
    return (
      `${name.padEnd(8)} ${sat.rps.toFixed(0).padStart(8)} req/s  p50 ${String(sat.p50).padStart(3)} ms  ` +
      `p99 ${String(sat.p99).padStart(4)} ms  CPU ${sat.cpuPerRequestUs.toFixed(0).padStart(4)} µs/req | ` +
      `at ${rate}/s: p50 ${mod.p50.toFixed(2)} ms  p99 ${mod.p99.toFixed(2)} ms | errors ${sat.errors + mod.errors}`
    );
  };
  console.log('');
  for (const [name] of targets) console.log(row(name));
  console.log('');
  const g = results.gateway;
  const d = results.direct;
  console.log(
    `gateway p99 overhead at ${rate} req/s vs direct: ${(g.mod.p99 - d.mod.p99).toFixed(2)} ms` +
      (results.nginx ? ` (nginx: ${(results.nginx.mod.p99 - d.mod.p99).toFixed(2)} ms)` : ''),
  );
  console.log(`gateway resident memory under load: ${peakRss.toFixed(0)} MB (peak)`);

  gateway.child.kill('SIGTERM');
  await new Promise((r) => gateway.child.once('exit', r));
  const records = /RECORDS (\d+)/.exec(gateway.output())?.[1];
  if (records) console.log(`exchange records written: ${records} (every answered request)`);
  upstream.child.kill('SIGTERM');
  nodeProxy.child.kill('SIGTERM');
  await nginx?.stop();
  await dropDb();
  rmSync(dataDir, { recursive: true, force: true });

  console.log(
    `gateway/node-proxy throughput ratio: ${(g.sat.rps / results.node.sat.rps).toFixed(2)} ` +
      '(the cost of policy + exchange log over the bare platform)',
  );
  if (nginx)
    console.log(
      `node-proxy/nginx throughput ratio: ${(results.node.sat.rps / results.nginx.sat.rps).toFixed(2)}`,
    );
  console.log(`gateway/direct throughput ratio: ${(g.sat.rps / d.sat.rps).toFixed(2)}`);
  if (nginx)
    console.log(
      `gateway/nginx throughput ratio: ${(g.sat.rps / results.nginx.sat.rps).toFixed(2)}`,
    );
}
