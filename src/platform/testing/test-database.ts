import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../db/client.js';
import { adminUrl, withDatabaseName } from './pg-urls.js';

/**
 * A migrated database of the test file's own: a clone of the template on the PostgreSQL server
 * (TEST_DATABASE_URL), or an in-memory PGlite loaded from the migrated dump.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    const name = `simpul_test_${randomBytes(6).toString('hex')}`;
    const admin = await openDatabase({ url: adminUrl(url), poolSize: 1 });
    await admin.db.execute(sql.raw(`create database ${name} template ${template}`));
    const database = await openDatabase({ url: withDatabaseName(url, name), poolSize: 5 });
    return {
      ...database,
      async close() {
        await database.close();
        await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
        await admin.close();
      },
    };
  }
  const file = inject('pgliteDumpFile');
  if (!file) throw new Error('No migrated PGlite dump: run the tests through vitest');
  return openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
}
