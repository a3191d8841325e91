import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { migrationsDir } from '../paths.js';

/** The database handle every use case receives. One PostgreSQL dialect, two drivers. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** A transaction opened by a use case; passed explicitly to everything that writes. */
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>>;
/** Either: for read helpers that work inside or outside a transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Runs pending migrations (forward-only), serialised across nodes by an advisory lock. */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /**
   * Calls `onMessage` for every NOTIFY on `channel` (PostgreSQL LISTEN; a lost server connection
   * is re-established every second). Resolves, once listening, to the function that stops.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (tests start from a migrated copy). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** PostgreSQL server URL. When absent, PGlite is used. */
  url?: string;
  /** PGlite data directory; `undefined` means in memory. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (used by tests to skip migrations). */
  loadDataDir?: Blob;
  poolSize?: number;
}

// Any 64-bit number will do, as long as it is Simpul's own.
const MIGRATION_LOCK = 7_340_211_802;

/** Opens the database: a PostgreSQL server when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    pool.on('error', () => {
      // An idle client died (server restart); the pool replaces it. Queries report their own errors.
    });
    const db = drizzleNodePg(pool);
    return {
      db: db as unknown as Db,
      driver: 'postgres',
      async migrate() {
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
          await migrateNodePg(drizzleNodePg(client), { migrationsFolder: migrationsDir });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
          client.release();
        }
      },
      async ping() {
        await db.execute(sql`select 1`);
      },
      listen: (channel, onMessage) => listenPg(options.url as string, channel, onMessage),
      close: () => pool.end(),
    };
  }
  let dataDir: string | undefined;
  let release = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    dataDir = join(options.dataDir, 'pgdata');
    release = lockDataDir(options.dataDir);
  }
  // PGlite's default 128 MB of shared buffers is more than a regency's registry needs; 16 MB
  // keeps an idle node well under 300 MB resident (docs/performance.md).
  const client = new PGlite({
    dataDir,
    loadDataDir: options.loadDataDir,
    postgresqlconf: 'shared_buffers = 16MB',
  });
  try {
    await client.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzlePglite(client);
  return {
    db: db as unknown as Db,
    driver: 'pglite',
    // One process owns a PGlite directory, so no lock is needed.
    migrate: () => migratePglite(db, { migrationsFolder: migrationsDir }),
    async ping() {
      await client.query('select 1');
    },
    listen: (channel, onMessage) => client.listen(channel, onMessage),
    async close() {
      await client.close();
      release();
    },
    dumpDataDir: async () => (await client.dumpDataDir('gzip')) as Blob,
  };
}

/** A dedicated server connection for LISTEN (a pooled one would be handed to other queries). */
async function listenPg(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const again = () => {
    if (!stopped) retry = setTimeout(() => void connect().catch(again), 1000).unref();
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '');
    });
    c.on('error', () => {
      // The server went away: end this connection and listen again on a new one.
      void c.end().catch(() => {});
      if (client === c) {
        client = null;
        again();
      }
    });
    try {
      await c.connect();
      await c.query(`listen ${c.escapeIdentifier(channel)}`);
    } catch (error) {
      void c.end().catch(() => {});
      throw error;
    }
    client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

/**
 * One process at a time may open an embedded data directory: PGlite has no server to arbitrate,
 * and a second writer would corrupt it. A lock file holds the owner's pid; a stale one (its
 * process gone) is taken over.
 */
function lockDataDir(dir: string): () => void {
  const file = join(dir, 'simpul.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `The data directory ${dir} is in use by process ${pid}. Stop that Simpul first ` +
            '(or, with several nodes, use a PostgreSQL server via DATABASE_URL).',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Cannot lock the data directory ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
