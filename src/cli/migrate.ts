import type { Config } from '../platform/config.js';
import { openRuntime } from '../runtime.js';

/** `simpul migrate`: applies pending migrations (serve does this too at start). */
export async function migrate(config: Config) {
  const { database } = await openRuntime(config);
  await database.close();
  console.log(`Migrasi selesai (${database.driver}).`);
}
