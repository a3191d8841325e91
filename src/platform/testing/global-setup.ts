import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.js';
import { adminUrl, withDatabaseName } from './pg-urls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string | null;
    pgliteDumpFile: string | null;
  }
}

/**
 * Migrates once per run: into a template database on the PostgreSQL server when
 * TEST_DATABASE_URL is set (each test file then clones it), else into a PGlite dump that each
 * test file loads. Either way every file gets a database of its own, migrated by the same files
 * as production.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `simpul_template_${process.pid}`;
    const admin = await openDatabase({ url: adminUrl(url), poolSize: 1 });
    await admin.db.execute(sql.raw(`drop database if exists ${name}`));
    await admin.db.execute(sql.raw(`create database ${name}`));
    const template = await openDatabase({ url: withDatabaseName(url, name), poolSize: 1 });
    await template.migrate();
    await template.close();
    project.provide('pgTemplate', name);
    project.provide('pgliteDumpFile', null);
    return async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    };
  }
  const pglite = await openDatabase({});
  await pglite.migrate();
  const dump = await pglite.dumpDataDir?.();
  await pglite.close();
  if (!dump) throw new Error('PGlite dump unavailable');
  const dir = mkdtempSync(join(tmpdir(), 'simpul-test-'));
  const file = join(dir, 'migrated.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgTemplate', null);
  project.provide('pgliteDumpFile', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
