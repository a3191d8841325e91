import type { Config } from './platform/config.js';
import { createSecretBox, loadSecretKey, type SecretBox } from './platform/crypto/secrets.js';
import { type Database, openDatabase } from './platform/db/client.js';

export interface Runtime {
  database: Database;
  secrets: SecretBox;
}

/** Opens the database (migrated) and the instance key: what every command needs. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const secrets = createSecretBox(loadSecretKey(config.secretKey, config.dataDir));
  return { database, secrets };
}
