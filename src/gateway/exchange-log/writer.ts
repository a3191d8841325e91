import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { desc, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { exchangeRecords } from '../../contexts/interop/db/exchange-log.tables.js';
import type { Db } from '../../platform/db/client.js';
import { type ExchangeRecord, GENESIS_HASH, hashRecord } from './chain.js';

// Serialises chain appends across every gateway node sharing the database.
const CHAIN_LOCK = 7_340_211_804;

export interface ExchangeLogOptions {
  db: Db;
  /** Directory of the disk spool used while the database is unavailable. */
  spoolDir: string;
  /** Most records per group commit. */
  maxBatch?: number;
  /** Group commits in flight at once (they serialise on the chain lock). */
  maxInFlight?: number;
  /** A database write slower than this counts as failed; the batch goes to the spool. */
  writeTimeoutMs?: number;
  /** How often the spool is drained back into the database. */
  drainIntervalMs?: number;
  onFlush?: (info: { records: number; spooled: boolean; ms: number }) => void;
  onError?: (error: unknown, phase: 'write' | 'drain') => void;
}

interface Pending {
  record: ExchangeRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Appends exchange records durably before the gateway answers (group commit): records queued
 * while a write is in flight go together in the next transaction. When the database fails, the
 * batch is appended to a spool file and fsynced instead, and a timer drains the spool back into
 * the chain once the database answers again. A caller's promise resolves only once its record
 * is on disk in one place or the other; if both fail it rejects, and the exchange is not
 * acknowledged.
 */
export class ExchangeLog {
  private queue: Pending[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly maxInFlight: number;
  private databaseDownUntil = 0;
  private spoolFd: number | null = null;
  private spoolCounter = 0;
  private drainRunning: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly maxBatch: number;
  private readonly writeTimeoutMs: number;
  pendingSpoolFiles = 0;

  constructor(private readonly options: ExchangeLogOptions) {
    this.maxBatch = options.maxBatch ?? 512;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 3000;
    this.maxInFlight = options.maxInFlight ?? 2;
    mkdirSync(options.spoolDir, { recursive: true });
    this.pendingSpoolFiles = this.spoolFiles().length;
  }

  /** Starts the drain timer (and drains what a previous run left behind). */
  start() {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.drainRunning || (this.pendingSpoolFiles === 0 && this.spoolFd === null)) return;
      void this.drainSpool().catch(() => {});
    }, this.options.drainIntervalMs ?? 1000);
    this.timer.unref();
    void this.drainSpool().catch(() => {});
  }

  /** Resolves once the record is durable (database or fsynced spool). */
  append(record: ExchangeRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.kick();
    });
  }

  private kick() {
    // Up to `maxInFlight` group commits at once: the next one waits on the chain lock while the
    // previous one commits, so its begin/lock/read-head round trip overlaps the fsync.
    while (this.inFlight.size < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      const running: Promise<void> = this.flushBatch(batch).finally(() => {
        this.inFlight.delete(running);
        this.kick();
      });
      this.inFlight.add(running);
    }
  }

  get queued() {
    return this.queue.length;
  }

  private async flushBatch(batch: Pending[]) {
    const started = performance.now();
    let spooled = false;
    try {
      if (Date.now() < this.databaseDownUntil) throw new Error('database marked down');
      await withTimeout(
        appendChained(
          this.options.db,
          batch.map((p) => p.record),
          false,
        ),
        this.writeTimeoutMs,
      );
    } catch (error) {
      if (Date.now() >= this.databaseDownUntil) this.options.onError?.(error, 'write');
      // Stop trying the database for every batch; the drain timer probes it.
      this.databaseDownUntil = Date.now() + 1000;
      try {
        this.spoolWrite(batch.map((p) => p.record));
        spooled = true;
      } catch (spoolError) {
        for (const p of batch) p.reject(spoolError);
        return;
      }
    }
    this.options.onFlush?.({ records: batch.length, spooled, ms: performance.now() - started });
    for (const p of batch) p.resolve();
  }

  private spoolFiles(): string[] {
    return readdirSync(this.options.spoolDir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  }

  /** Appends and fsyncs (synchronously: the rare path, and a write must not interleave). */
  private spoolWrite(records: ExchangeRecord[]) {
    if (this.spoolFd === null) {
      const name = `spool-${Date.now()}-${process.pid}-${this.spoolCounter++}.jsonl`;
      this.spoolFd = openSync(join(this.options.spoolDir, name), 'a', 0o600);
      // The new directory entry must survive a crash too.
      const dirFd = openSync(this.options.spoolDir, 'r');
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
      this.pendingSpoolFiles += 1;
    }
    const text = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
    writeSync(this.spoolFd, text);
    fsyncSync(this.spoolFd);
  }

  /**
   * Moves spooled records into the chain, oldest file first; a record already in the database
   * (its write outlived the timeout) is not added twice. Returns how many records were added.
   */
  async drainSpool(): Promise<number> {
    while (this.drainRunning) await this.drainRunning;
    const running = this.drainOnce();
    this.drainRunning = running;
    try {
      return await running;
    } finally {
      this.drainRunning = null;
    }
  }

  private async drainOnce(): Promise<number> {
    let added = 0;
    try {
      // Close the current spool file: new failures go to a fresh one while this one drains.
      if (this.spoolFd !== null) {
        closeSync(this.spoolFd);
        this.spoolFd = null;
      }
      const files = this.spoolFiles();
      this.pendingSpoolFiles = files.length;
      for (const file of files) {
        const path = join(this.options.spoolDir, file);
        const records: ExchangeRecord[] = [];
        for (const line of readFileSync(path, 'utf8').split('\n')) {
          if (!line) continue;
          try {
            records.push(JSON.parse(line) as ExchangeRecord);
          } catch {
            // A torn last line from a crash mid-write: never fsynced, so never acknowledged.
          }
        }
        for (let i = 0; i < records.length; i += this.maxBatch) {
          added += await appendChained(this.options.db, records.slice(i, i + this.maxBatch), true);
        }
        unlinkSync(path);
        this.pendingSpoolFiles -= 1;
      }
      this.databaseDownUntil = 0;
    } catch (error) {
      this.options.onError?.(error, 'drain');
    }
    return added;
  }

  /** Waits for every queued record, drains the spool once more, stops the timer. */
  async close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    if (this.pendingSpoolFiles > 0 || this.spoolFd !== null) await this.drainSpool();
    if (this.spoolFd !== null) {
      closeSync(this.spoolFd);
      this.spoolFd = null;
    }
  }
}

/** One transaction: take the chain lock, read the head, chain and insert the batch. */
async function appendChained(
  db: Db,
  records: ExchangeRecord[],
  skipExisting: boolean,
): Promise<number> {
  if (records.length === 0) return 0;
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) return appendChainedPg(client, records, skipExisting);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    let batch = records;
    if (skipExisting) {
      const present = await tx
        .select({ requestId: exchangeRecords.requestId })
        .from(exchangeRecords)
        .where(
          inArray(
            exchangeRecords.requestId,
            records.map((r) => r.requestId),
          ),
        );
      const seen = new Set(present.map((p) => p.requestId));
      batch = records.filter((r) => !seen.has(r.requestId));
      if (batch.length === 0) return 0;
    }
    const [head] = await tx
      .select({ hash: exchangeRecords.hash })
      .from(exchangeRecords)
      .orderBy(desc(exchangeRecords.seq))
      .limit(1);
    let prevHash = head?.hash ?? GENESIS_HASH;
    const rows = batch.map((r) => {
      const hash = hashRecord(r, prevHash);
      const row = { ...r, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await tx.insert(exchangeRecords).values(rows);
    return rows.length;
  });
}

const COLUMNS =
  'request_id, api_id, consumer_id, subscription_id, operation, method, path, status, latency_ms, ' +
  'request_bytes, response_bytes, request_digest, response_digest, started_at, recorded_at, ' +
  'node_id, prev_hash, hash';

/**
 * The same transaction on a PostgreSQL server in two round trips instead of five: the hot path of
 * every gateway answer. `begin; lock; read head` is one simple query (each statement takes its
 * own snapshot, so the head is read after the lock is held); `insert …; commit` the other, with
 * every value escaped as a literal by the driver.
 */
async function appendChainedPg(
  pool: pg.Pool,
  records: ExchangeRecord[],
  skipExisting: boolean,
): Promise<number> {
  const client = await pool.connect();
  // Until committed, an error must roll back: the connection returns to the pool clean.
  let open = true;
  try {
    const results = (await client.query(
      `begin; select pg_advisory_xact_lock(${CHAIN_LOCK}); ` +
        'select hash from exchange_records order by seq desc limit 1',
    )) as unknown as pg.QueryResult<{ hash: string }>[];
    let batch = records;
    if (skipExisting) {
      const present = await client.query<{ request_id: string }>(
        'select request_id from exchange_records where request_id = any($1::text[])',
        [records.map((r) => r.requestId)],
      );
      const seen = new Set(present.rows.map((p) => p.request_id));
      batch = records.filter((r) => !seen.has(r.requestId));
      if (batch.length === 0) {
        await client.query('commit');
        open = false;
        return 0;
      }
    }
    let prevHash = results[2]?.rows[0]?.hash ?? GENESIS_HASH;
    const lit = (v: string | null) => (v === null ? 'null' : client.escapeLiteral(v));
    const num = (v: number) => {
      if (!Number.isFinite(v)) throw new Error('not a finite number');
      return String(v);
    };
    const values = batch.map((r) => {
      const hash = hashRecord(r, prevHash);
      const row =
        `(${lit(r.requestId)}, ${lit(r.apiId)}::uuid, ${lit(r.consumerId)}::uuid, ` +
        `${lit(r.subscriptionId)}::uuid, ${lit(r.operation)}, ${lit(r.method)}, ${lit(r.path)}, ` +
        `${num(r.status)}, ${num(r.latencyMs)}, ${num(r.requestBytes)}, ${num(r.responseBytes)}, ` +
        `${lit(r.requestDigest)}, ${lit(r.responseDigest)}, ${lit(r.startedAt)}::timestamptz, ` +
        `${lit(r.recordedAt)}::timestamptz, ${lit(r.nodeId)}, ${lit(prevHash)}, ${lit(hash)})`;
      prevHash = hash;
      return row;
    });
    await client.query(
      `insert into exchange_records (${COLUMNS}) values ${values.join(', ')}; commit`,
    );
    open = false;
    return batch.length;
  } catch (error) {
    if (open) await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`database write took over ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
