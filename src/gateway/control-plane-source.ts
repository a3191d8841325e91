import type { SecretBox } from '../platform/crypto/secrets.js';
import type { Db } from '../platform/db/client.js';
import type { SnapshotSource } from './snapshot.js';

/**
 * The gateway's configuration from the interop context's catalogue, subscriptions and
 * credentials. Polled every second by the gateway; a changed version reloads the snapshot.
 */
export function controlPlaneSource(_db: Db, _secrets: SecretBox): SnapshotSource {
  // Wired to loadGatewaySnapshot/currentConfigVersion once the control plane publishes them.
  return {
    version: async () => 0,
    load: async () => ({
      version: 0,
      routes: [],
      apiKeys: new Map(),
      subscriptions: new Map(),
      jwt: { issuer: '', audience: '', keys: [] },
    }),
  };
}
