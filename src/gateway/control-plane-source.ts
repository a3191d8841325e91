import {
  currentConfigVersion,
  GATEWAY_CONFIG_CHANNEL,
  loadGatewaySnapshot,
} from '../contexts/interop/index.js';
import type { SecretBox } from '../platform/crypto/secrets.js';
import type { Database } from '../platform/db/client.js';
import type { SnapshotSource } from './snapshot.js';

/**
 * The gateway's configuration from the interop context's catalogue, subscriptions and
 * credentials. Every change notifies the running gateways (LISTEN/NOTIFY, at commit), which
 * reload at once; polling the version every second catches what a lost connection missed, so
 * changes reach every gateway within seconds at worst, without restart.
 */
export function controlPlaneSource(database: Database, secrets: SecretBox): SnapshotSource {
  return {
    version: () => currentConfigVersion(database.db),
    load: () => loadGatewaySnapshot(database.db, secrets),
    watch: (onChange) => database.listen(GATEWAY_CONFIG_CHANNEL, onChange),
  };
}
