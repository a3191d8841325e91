import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../app.js';
import { type Ctx, systemCtx } from '../auth/actor.js';
import { loadConfig } from '../config.js';
import { createSecretBox, type SecretBox } from '../crypto/secrets.js';
import type { Database } from '../db/client.js';
import type { App } from '../http/server.js';
import { createTestDatabase } from './test-database.js';

export interface TestApp {
  app: App;
  database: Database;
  secrets: SecretBox;
  /** A system context for factories (acts as Simpul itself, audited as such). */
  ctx: Ctx;
  close(): Promise<void>;
}

/** The whole application in process (no port), on a database of its own. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const secrets = createSecretBox(randomBytes(32));
  // Uploaded files land in a temporary data directory of the test's own.
  const dataDir = mkdtempSync(join(tmpdir(), 'simpul-test-data-'));
  const config = loadConfig({ SIMPUL_DATA_DIR: dataDir, ...env });
  const app = await buildApp({ config, database, secrets, logger: false });
  await app.ready();
  return {
    app,
    database,
    secrets,
    ctx: systemCtx(database.db, secrets, 'test'),
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
