import { desc, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { exchangeRecords } from '../../contexts/interop/db/exchange-log.tables.js';
import type { Db } from '../../platform/db/client.js';
import { type ExchangeRecord, GENESIS_HASH, hashRecord } from './chain.js';
import {
  appendDurably,
  closeSegment,
  openSegment,
  orphanSegments,
  readSegment,
  removeSegment,
  type Segment,
} from './journal.js';

// Serialises chain appends across every gateway node sharing the database.
const CHAIN_LOCK = 7_340_211_804;

export interface ExchangeLogOptions {
  db: Db;
  /** Directory of the node's local journal (`DATA_DIR/gateway-spool/`). */
  spoolDir: string;
  /** Most records per database transaction of the shipper. */
  maxBatch?: number;
  /** A journal file takes this many records, then the next one is opened. */
  segmentRecords?: number;
  /** Unshipped records kept in memory; beyond, closed journal files are read again to ship. */
  maxInMemory?: number;
  /** A database write slower than this counts as failed (it is retried, without duplicates). */
  writeTimeoutMs?: number;
  /** How often the shipper retries a failed database and looks for files left by dead nodes. */
  drainIntervalMs?: number;
  /** The shipper waits this long before a small batch, so records ship in larger transactions. */
  shipDelayMs?: number;
  onFlush?: (info: { records: number; spooled: boolean; ms: number }) => void;
  onShip?: (info: { records: number; ms: number }) => void;
  onError?: (error: unknown, phase: 'write' | 'drain') => void;
}

interface Pending {
  record: ExchangeRecord;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The exchange log of one gateway node, durable first (X-Road's per-server message log): a
 * record is appended to the node's local journal (`gateway-spool/journal-*.jsonl`) and the
 * caller's promise resolves once its line is fdatasynced: one fdatasync per group of records
 * that arrived together (the next group gathers while one syncs). A shipper then moves journal
 * records, in order, into the hash-chained `exchange_records` table (chain lock, head, insert:
 * see appendChained) and removes a journal file once every record in it is committed. Shipping
 * is idempotent: under the chain lock, request ids already in the table are skipped, so a crash
 * between the commit and the file's removal adds no duplicate when the file is shipped again.
 * At start the node ships what a previous run (or a dead node on this host) left behind. If the
 * journal cannot be written, the promise rejects and the exchange is not acknowledged.
 */
export class ExchangeLog {
  private queue: Pending[] = [];
  private writeInFlight: Promise<void> | null = null;
  private writeScheduled = false;
  private active: Segment | null = null;
  private activeOpenedAt = 0;
  /** Oldest first; the active segment, when open, is the last. */
  private readonly segments: Segment[] = [];
  private shipping: Promise<void> | null = null;
  private shipTimer: NodeJS.Timeout | null = null;
  private databaseDownUntil = 0;
  private inMemory = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly maxBatch: number;
  private readonly segmentRecords: number;
  private readonly maxInMemory: number;
  private readonly writeTimeoutMs: number;
  private readonly shipDelayMs: number;
  /** Records committed to the database by this process. */
  shippedTotal = 0;

  constructor(private readonly options: ExchangeLogOptions) {
    this.maxBatch = options.maxBatch ?? 5000;
    this.segmentRecords = options.segmentRecords ?? 16_384;
    this.maxInMemory = options.maxInMemory ?? 50_000;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 5000;
    this.shipDelayMs = options.shipDelayMs ?? 1000;
    this.adoptLeftovers();
  }

  /** Journal files holding records not yet in the database (shown on /health). */
  get pendingSpoolFiles(): number {
    return this.segments.filter((s) => s.records === null || s.shipped < s.count).length;
  }

  /** Durable records not yet in the database. */
  get unshipped(): number {
    let n = 0;
    for (const s of this.segments) n += s.records === null ? 1 : s.count - s.shipped;
    return n;
  }

  private hasUnshipped(): boolean {
    return this.segments.some((s) => s.records === null || s.shipped < s.count);
  }

  get queued() {
    return this.queue.length;
  }

  /** Starts the shipper's timer and ships what a previous run left behind. */
  start() {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.adoptLeftovers();
      this.kickShip(0);
    }, this.options.drainIntervalMs ?? 1000);
    this.timer.unref();
    this.kickShip(0);
  }

  /** Resolves once the record is durable in the local journal. */
  append(record: ExchangeRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      if (!this.writeScheduled && !this.writeInFlight) {
        this.writeScheduled = true;
        // Everything appended in this turn of the event loop goes in one write + fdatasync.
        setImmediate(() => {
          this.writeScheduled = false;
          this.startWrite();
        });
      }
    });
  }

  /** Journal files of processes no longer running (a crash, an earlier run) are shipped too. */
  private adoptLeftovers() {
    let orphans: string[];
    try {
      orphans = orphanSegments(this.options.spoolDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const known = new Set(this.segments.map((s) => s.path));
    const found: Segment[] = [];
    for (const file of orphans) {
      const path = `${this.options.spoolDir}/${file}`;
      if (known.has(path)) continue;
      found.push({
        path,
        fd: null,
        count: 0,
        shipped: 0,
        records: null,
        closed: true,
        uncertain: true,
      });
    }
    if (found.length > 0) this.segments.unshift(...found);
  }

  private startWrite() {
    if (this.writeInFlight || this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.writeInFlight = this.writeBatch(batch).finally(() => {
      this.writeInFlight = null;
      if (this.queue.length > 0) this.startWrite();
    });
  }

  private async writeBatch(batch: Pending[]) {
    const started = performance.now();
    let segment: Segment;
    try {
      if (
        !this.active ||
        this.active.closed ||
        this.active.fd === null ||
        this.active.count >= this.segmentRecords
      ) {
        if (this.active && !this.active.closed) closeSegment(this.active);
        this.active = openSegment(this.options.spoolDir);
        this.activeOpenedAt = Date.now();
        this.segments.push(this.active);
      }
      segment = this.active;
      let text = '';
      for (const p of batch) text += `${JSON.stringify(p.record)}\n`;
      await appendDurably(segment.fd as number, text);
    } catch (error) {
      this.options.onError?.(error, 'write');
      // A partly written file is not appended to again; the next group opens a fresh one.
      if (this.active) closeSegment(this.active);
      for (const p of batch) p.reject(error);
      return;
    }
    segment.count += batch.length;
    if (segment.records) for (const p of batch) segment.records.push(p.record);
    this.inMemory += batch.length;
    this.options.onFlush?.({
      records: batch.length,
      spooled: true,
      ms: performance.now() - started,
    });
    for (const p of batch) p.resolve();
    this.releaseMemory();
    this.kickShip(this.shipDelayMs);
  }

  /** While the database is away, closed files beyond the memory budget are read back later. */
  private releaseMemory() {
    if (this.inMemory <= this.maxInMemory) return;
    for (const s of this.segments.slice(1)) {
      if (this.inMemory <= this.maxInMemory) break;
      if (!s.closed || s.records === null) continue;
      this.inMemory -= s.count - s.shipped;
      s.records = null;
    }
  }

  private kickShip(delayMs: number) {
    if (this.shipping || this.shipTimer) return;
    if (Date.now() < this.databaseDownUntil) return;
    const run = () => {
      this.shipTimer = null;
      if (this.shipping) return;
      this.shipping = this.ship(false).then(() => {
        this.shipping = null;
        // Records that became durable while this round finished.
        if (this.hasUnshipped()) this.kickShip(this.shipDelayMs);
      });
    };
    if (delayMs > 0) {
      this.shipTimer = setTimeout(run, delayMs);
      this.shipTimer.unref();
    } else run();
  }

  /**
   * Ships journal records into the database until none is left (or the database fails: then it
   * is tried again by the timer). Returns how many records were added.
   */
  private async ship(throwErrors: boolean): Promise<number> {
    let added = 0;
    for (;;) {
      const segment = this.segments[0];
      if (!segment) return added;
      try {
        if (segment.records === null) {
          const records = readSegment(segment.path);
          segment.records = records;
          segment.count = records.length;
          this.inMemory += records.length - segment.shipped;
        }
        if (segment.shipped < segment.count) {
          const from = segment.shipped;
          const batch = segment.records.slice(from, from + this.maxBatch);
          const started = performance.now();
          let committed: number;
          try {
            committed = await withTimeout(
              appendChained(this.options.db, batch, segment.uncertain),
              this.writeTimeoutMs,
            );
          } catch (error) {
            // A timed-out or broken commit may still have happened: check before the retry.
            segment.uncertain = true;
            throw error;
          }
          added += committed;
          // Never counts a range twice, even if another round shipped it meanwhile.
          if (segment.shipped === from) {
            segment.shipped = from + batch.length;
            this.inMemory -= batch.length;
          }
          this.shippedTotal += batch.length;
          this.databaseDownUntil = 0;
          this.options.onShip?.({ records: batch.length, ms: performance.now() - started });
          continue;
        }
        if (segment.closed) {
          removeSegment(segment);
          this.segments.splice(this.segments.indexOf(segment), 1);
          continue;
        }
        // The active file, all shipped: removed when idle for a second (no churn of new files).
        if (
          segment === this.active &&
          !this.writeInFlight &&
          this.queue.length === 0 &&
          Date.now() - this.activeOpenedAt > 1000
        ) {
          removeSegment(segment);
          this.segments.splice(this.segments.indexOf(segment), 1);
          this.active = null;
        }
        return added;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && segment.fd === null) {
          // Another process shipped and removed this file meanwhile.
          this.segments.splice(this.segments.indexOf(segment), 1);
          continue;
        }
        if (Date.now() >= this.databaseDownUntil) this.options.onError?.(error, 'drain');
        this.databaseDownUntil = Date.now() + 1000;
        if (throwErrors) throw error;
        return added;
      }
    }
  }

  private async settleWrites() {
    while (this.writeInFlight || this.queue.length > 0) {
      if (!this.writeInFlight) this.startWrite();
      await this.writeInFlight;
    }
  }

  /**
   * Everything appended so far into the database now, and the journal files removed (the
   * active one too). Rejects if the database refuses; the journal keeps the records.
   */
  async drainSpool(): Promise<number> {
    while (this.draining) await this.draining.catch(() => {});
    const running = this.drainOnce();
    this.draining = running;
    try {
      return await running;
    } finally {
      this.draining = null;
    }
  }

  private draining: Promise<number> | null = null;

  private async drainOnce(): Promise<number> {
    await this.settleWrites();
    if (this.shipTimer) {
      clearTimeout(this.shipTimer);
      this.shipTimer = null;
    }
    while (this.shipping) await this.shipping;
    if (this.active && !this.writeInFlight) {
      closeSegment(this.active);
      this.active = null;
    }
    this.databaseDownUntil = 0;
    const running = this.ship(true);
    this.shipping = running.then(
      () => {},
      () => {},
    );
    try {
      return await running;
    } finally {
      this.shipping = null;
    }
  }

  /** Writes what is queued, ships what it can, stops the timer; unshipped files stay on disk. */
  async close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.drainSpool().catch(() => {});
    if (this.shipTimer) clearTimeout(this.shipTimer);
    this.shipTimer = null;
    for (const s of this.segments) closeSegment(s);
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
// The batch travels as one JSON parameter, unpacked by the server into typed columns and inserted
// in the batch's order (the identity `seq` must follow the chain).
const INSERT_BATCH =
  `insert into exchange_records (${COLUMNS}) select ${COLUMNS} from rows from (` +
  'json_to_recordset($1::json) as (request_id text, api_id uuid, consumer_id uuid, ' +
  'subscription_id uuid, operation text, method text, path text, status integer, ' +
  'latency_ms float8, request_bytes integer, response_bytes integer, request_digest text, ' +
  'response_digest text, started_at timestamptz, recorded_at timestamptz, node_id text, ' +
  `prev_hash text, hash text)) with ordinality as r(${COLUMNS}, n) order by n`;

/**
 * The same transaction on a PostgreSQL server in three round trips, whatever the batch size:
 * `begin; lock; read head` is one simple query (each statement takes its own snapshot, so the
 * head is read after the lock is held), then the batch as one JSON parameter, then `commit`.
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
    }
    if (batch.length > 0) {
      let prevHash = results[2]?.rows[0]?.hash ?? GENESIS_HASH;
      const rows = batch.map((r) => {
        const hash = hashRecord(r, prevHash);
        const row = {
          request_id: r.requestId,
          api_id: r.apiId,
          consumer_id: r.consumerId,
          subscription_id: r.subscriptionId,
          operation: r.operation,
          method: r.method,
          path: r.path,
          status: r.status,
          latency_ms: r.latencyMs,
          request_bytes: r.requestBytes,
          response_bytes: r.responseBytes,
          request_digest: r.requestDigest,
          response_digest: r.responseDigest,
          started_at: r.startedAt,
          recorded_at: r.recordedAt,
          node_id: r.nodeId,
          prev_hash: prevHash,
          hash,
        };
        prevHash = hash;
        return row;
      });
      await client.query(INSERT_BATCH, [JSON.stringify(rows)]);
    }
    await client.query('commit');
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
