/**
 * The gateway as a separate process for the crash test (gateway.kill.test.ts): a static
 * snapshot from KILL_SNAPSHOT, the database from KILL_DATABASE_URL or the PGlite directory in
 * KILL_DATA_DIR. Prints `PORT <n>` once listening.
 */

import { createSecretBox } from '../../platform/crypto/secrets.js';
import { openDatabase } from '../../platform/db/client.js';
import { startGateway } from '../server.js';
import { type GatewaySnapshot, staticSnapshotSource } from '../snapshot.js';

const dataDir = process.env.KILL_DATA_DIR ?? '';
const plain = JSON.parse(process.env.KILL_SNAPSHOT ?? '{}');
const snapshot: GatewaySnapshot = {
  ...plain,
  apiKeys: new Map(plain.apiKeys),
  subscriptions: new Map(plain.subscriptions),
};
const database = await openDatabase({ url: process.env.KILL_DATABASE_URL || undefined, dataDir });
await database.migrate();
const running = await startGateway({
  db: database.db,
  secrets: createSecretBox(Buffer.alloc(32, 9)),
  dataDir,
  source: staticSnapshotSource(snapshot),
  port: 0,
  host: '127.0.0.1',
  nodeId: `kill-child:${process.pid}`,
  logger: { info() {}, warn() {}, error: (o, m) => console.error(m, o) },
});
// `on`, not `once`: tsx's own signal relay ends the process when no listener is left, which
// would cut the graceful stop (and the shipping of the journal it inherited) short.
process.on('SIGTERM', async () => {
  await running.stop();
  await database.close();
  process.exit(0);
});
// Only now: the parent may send SIGTERM the moment it reads the port.
process.stdout.write(`PORT ${running.port}\n`);
