import { currentConfigVersion, loadGatewaySnapshot } from '../contexts/interop/index.js';
import type { SecretBox } from '../platform/crypto/secrets.js';
import type { Db } from '../platform/db/client.js';
import type { SnapshotSource } from './snapshot.js';

/**
 * The gateway's configuration from the interop context's catalogue, subscriptions and
 * credentials. Polled every second by the gateway; a changed version reloads the snapshot, so
 * changes reach every running gateway within seconds, without restart.
 */
export function controlPlaneSource(db: Db, secrets: SecretBox): SnapshotSource {
  return {
    version: () => currentConfigVersion(db),
    load: () => loadGatewaySnapshot(db, secrets),
  };
}
