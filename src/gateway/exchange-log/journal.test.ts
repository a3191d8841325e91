import { spawn } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeRecords } from '../../contexts/interop/db/exchange-log.tables.js';
import type { Database } from '../../platform/db/client.js';
import { createTestDatabase } from '../../platform/testing/test-database.js';
import type { ExchangeRecord } from './chain.js';
import { verifyExchangeLog } from './verify.js';
import { ExchangeLog } from './writer.js';

const root = new URL('../../../', import.meta.url).pathname;
let database: Database;
const dirs: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'simpul-journal-'));
  dirs.push(dir);
  return dir;
}

const journalFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.jsonl'));

/** A node that made `count` records durable in its journal, then was killed before shipping. */
function crashedNode(dir: string, prefix: string, count: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/gateway/testing/journal-child.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        JOURNAL_DIR: dir,
        JOURNAL_PREFIX: prefix,
        JOURNAL_COUNT: String(count),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr?.on('data', (d) => {
      err += d.toString();
    });
    child.stdout?.on('data', (d) => {
      if (d.toString().includes('DURABLE')) {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }
    });
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`journal child exited (${code}): ${err}`));
    });
  });
}

async function countsOf(prefix: string) {
  const rows = await database.db
    .select({ requestId: exchangeRecords.requestId, n: sql<number>`count(*)::int` })
    .from(exchangeRecords)
    .where(like(exchangeRecords.requestId, `${prefix}-%`))
    .groupBy(exchangeRecords.requestId);
  return new Map(rows.map((r) => [r.requestId, Number(r.n)]));
}

function record(requestId: string): ExchangeRecord {
  const now = new Date().toISOString();
  return {
    requestId,
    apiId: null,
    consumerId: null,
    subscriptionId: null,
    operation: null,
    method: 'POST',
    path: '/dinkes/faskes/v1/patients',
    status: 201,
    latencyMs: 2.25,
    requestBytes: 3,
    responseBytes: 4,
    requestDigest: 'sha-256=AAAA',
    responseDigest: 'sha-256=BBBB',
    startedAt: now,
    recordedAt: now,
    nodeId: 'journal-test',
  };
}

describe('exchange journal', () => {
  it('makes a record durable on disk before the append resolves, one fdatasync per group', async () => {
    const dir = tempDir();
    const flushes: number[] = [];
    // The shipper waits an hour: what is checked is the journal alone.
    const log = new ExchangeLog({
      db: database.db,
      spoolDir: dir,
      shipDelayMs: 3_600_000,
      onFlush: ({ records }) => flushes.push(records),
    });
    const ids = Array.from({ length: 200 }, (_, i) => `group-${i}`);
    await Promise.all(ids.map((id) => log.append(record(id))));
    const lines = journalFiles(dir).flatMap((f) =>
      readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean),
    );
    expect(lines.map((l) => (JSON.parse(l) as ExchangeRecord).requestId)).toEqual(ids);
    // Appended in one turn of the event loop: far fewer fdatasyncs than records.
    expect(flushes.reduce((a, b) => a + b, 0)).toBe(200);
    expect(flushes.length).toBeLessThan(10);
    expect((await countsOf('group')).size).toBe(0);
    await log.drainSpool();
    expect([...(await countsOf('group')).values()]).toEqual(ids.map(() => 1));
    expect(journalFiles(dir)).toEqual([]);
    await log.close();
  });

  it('ships, on start, what a node killed between the fdatasync and the shipper left', async () => {
    const dir = tempDir();
    await crashedNode(dir, 'crashed', 300);
    expect(journalFiles(dir).length).toBeGreaterThan(0);
    expect((await countsOf('crashed')).size).toBe(0);
    // A torn last line (the process died mid-write, so that exchange was never answered).
    const [file] = journalFiles(dir);
    appendFileSync(join(dir, file as string), '{"requestId":"crashed-torn","apiI');

    const restarted = new ExchangeLog({ db: database.db, spoolDir: dir });
    expect(restarted.pendingSpoolFiles).toBeGreaterThan(0);
    restarted.start();
    for (let i = 0; i < 100 && restarted.pendingSpoolFiles > 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await restarted.close();
    const counts = await countsOf('crashed');
    expect(counts.size).toBe(300);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(counts.has('crashed-torn')).toBe(false);
    expect(journalFiles(dir)).toEqual([]);
    expect((await verifyExchangeLog(database.db)).ok).toBe(true);
  });

  it('adds no duplicate when a shipped file comes back (crash between commit and removal)', async () => {
    const dir = tempDir();
    const aside = tempDir();
    await crashedNode(dir, 'twice', 120);
    const files = journalFiles(dir);
    for (const f of files) copyFileSync(join(dir, f), join(aside, f));

    const first = new ExchangeLog({ db: database.db, spoolDir: dir });
    expect(await first.drainSpool()).toBe(120);
    await first.close();
    expect(journalFiles(dir)).toEqual([]);

    // The node died after the commit, before the files were removed: they are still there,
    // beside a newer file of records never shipped.
    for (const f of files) copyFileSync(join(aside, f), join(dir, f));
    await crashedNode(dir, 'fresh', 30);
    const second = new ExchangeLog({ db: database.db, spoolDir: dir });
    expect(await second.drainSpool()).toBe(30);
    await second.close();
    const twice = await countsOf('twice');
    expect(twice.size).toBe(120);
    expect([...twice.values()].every((n) => n === 1)).toBe(true);
    expect((await countsOf('fresh')).size).toBe(30);
    expect(journalFiles(dir)).toEqual([]);
    expect((await verifyExchangeLog(database.db)).ok).toBe(true);
  });

  it('ships an earlier run’s file even under the same pid (pid 1 in a container)', async () => {
    const dir = tempDir();
    const earlier = `journal-000001700000000-${process.pid}-0badf00d-0.jsonl`;
    writeFileSync(
      join(dir, earlier),
      `${['samepid-1', 'samepid-2'].map((id) => JSON.stringify(record(id))).join('\n')}\n`,
    );
    const log = new ExchangeLog({ db: database.db, spoolDir: dir });
    expect(log.pendingSpoolFiles).toBe(1);
    expect(await log.drainSpool()).toBe(2);
    await log.close();
    expect((await countsOf('samepid')).size).toBe(2);
    expect(journalFiles(dir)).toEqual([]);
  });

  it('keeps the journal while the database refuses, and ships it once it answers', async () => {
    const dir = tempDir();
    const log = new ExchangeLog({ db: database.db, spoolDir: dir, drainIntervalMs: 50 });
    log.start();
    await database.db.execute(sql`alter table exchange_records rename to exchange_records_away`);
    try {
      await Promise.all(['away-1', 'away-2', 'away-3'].map((id) => log.append(record(id))));
      await expect(log.drainSpool()).rejects.toThrow();
      expect(log.unshipped).toBe(3);
      expect(journalFiles(dir).length).toBe(1);
    } finally {
      await database.db.execute(sql`alter table exchange_records_away rename to exchange_records`);
    }
    for (let i = 0; i < 100 && log.unshipped > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(log.unshipped).toBe(0);
    await log.close();
    expect((await countsOf('away')).size).toBe(3);
    expect(journalFiles(dir)).toEqual([]);
  });
});
