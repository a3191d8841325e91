import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { Agent, request } from 'undici';
import { afterAll, expect, inject, it } from 'vitest';
import { exchangeRecords } from '../contexts/interop/db/exchange-log.tables.js';
import { type Database, openDatabase } from '../platform/db/client.js';
import { adminUrl, withDatabaseName } from '../platform/testing/pg-urls.js';
import { verifyExchangeLog } from './exchange-log/verify.js';
import { buildWorld, startUpstream } from './testing/fixtures.js';

const root = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'simpul-gateway-kill-'));
let admin: Database | null = null;
let dbName: string | null = null;

afterAll(async () => {
  if (admin && dbName) {
    await admin.db.execute(sql.raw(`drop database if exists ${dbName} with (force)`));
    await admin.close();
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/gateway/testing/kill-child.ts')],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.stderr?.on('data', (d) => {
      err += d.toString();
    });
    child.once('exit', (code) => reject(new Error(`gateway exited (${code}): ${err}`)));
  });
}

it('loses no acknowledged exchange record when the gateway is killed mid-load', {
  timeout: 240_000,
}, async () => {
  const upstream = await startUpstream();
  const world = await buildWorld(upstream.url);
  const env: Record<string, string> = {
    KILL_DATA_DIR: dataDir,
    KILL_SNAPSHOT: JSON.stringify({
      ...world.snapshot,
      apiKeys: [...world.snapshot.apiKeys],
      subscriptions: [...world.snapshot.subscriptions],
    }),
  };
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    dbName = `simpul_kill_${randomBytes(6).toString('hex')}`;
    admin = await openDatabase({ url: adminUrl(url), poolSize: 1 });
    await admin.db.execute(sql.raw(`create database ${dbName} template ${template}`));
    env.KILL_DATABASE_URL = withDatabaseName(url, dbName);
  }

  const first = await startChild(env);
  const agent = new Agent({ connections: 16 });
  const acknowledged: string[] = [];
  let stop = false;
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      try {
        const res = await request(
          `http://127.0.0.1:${first.port}/dinkes/faskes/v1/patients/${w}-${i}`,
          {
            headers: { 'x-api-key': world.dukcapil.apiKey },
            dispatcher: agent,
          },
        );
        await res.body.dump();
        if (res.statusCode === 200) acknowledged.push(res.headers['x-request-id'] as string);
      } catch {
        return; // the gateway died under us: this exchange was not acknowledged
      }
    }
  };
  const load = Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
  // Mid-load: once a good number of exchanges were answered.
  while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL');
  await load;
  stop = true;
  await agent.close();
  expect(acknowledged.length).toBeGreaterThanOrEqual(300);

  // Restart (drains whatever the spool holds), then stop cleanly to read the database.
  const second = await startChild(env);
  await new Promise<void>((resolve) => {
    second.child.once('exit', () => resolve());
    second.child.kill('SIGTERM');
  });
  await upstream.close();

  const database = await openDatabase(
    env.KILL_DATABASE_URL ? { url: env.KILL_DATABASE_URL, poolSize: 1 } : { dataDir },
  );
  try {
    const found = new Set<string>();
    for (let i = 0; i < acknowledged.length; i += 500) {
      const rows = await database.db
        .select({ requestId: exchangeRecords.requestId })
        .from(exchangeRecords)
        .where(inArray(exchangeRecords.requestId, acknowledged.slice(i, i + 500)));
      for (const r of rows) found.add(r.requestId);
    }
    const lost = acknowledged.filter((id) => !found.has(id));
    expect(lost).toEqual([]);
    const verification = await verifyExchangeLog(database.db);
    expect(verification.ok).toBe(true);
    expect(verification.checked).toBeGreaterThanOrEqual(acknowledged.length);
    const [victim] = await database.db
      .select({ seq: exchangeRecords.seq })
      .from(exchangeRecords)
      .where(inArray(exchangeRecords.requestId, acknowledged.slice(100, 101)));
    if (!victim) throw new Error('no record to alter');

    // The operator's command, on the same database: intact, then altered.
    const cliEnv = {
      ...process.env,
      SIMPUL_DATA_DIR: dataDir,
      DATABASE_URL: env.KILL_DATABASE_URL ?? '',
    };
    const cli = () =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'gateway', 'verify-log'],
        {
          cwd: root,
          env: cliEnv,
          encoding: 'utf8',
        },
      );
    const closeForCli = async () => {
      // PGlite has one owner at a time: hand the directory to the command.
      if (!env.KILL_DATABASE_URL) await database.close();
    };
    await closeForCli();
    const intact = cli();
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toContain('utuh');

    const again = await openDatabase(
      env.KILL_DATABASE_URL ? { url: env.KILL_DATABASE_URL, poolSize: 1 } : { dataDir },
    );
    await again.db.execute(
      sql`update exchange_records set response_bytes = response_bytes + 1 where seq = ${victim.seq}`,
    );
    await again.close();
    const broken = cli();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`#${victim.seq} (altered)`);
  } finally {
    await database.close().catch(() => {});
  }
});
