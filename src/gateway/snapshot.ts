import type { GatewaySnapshot } from '../contexts/interop/index.js';

/**
 * What the gateway routes and authorizes by is the control plane's `GatewaySnapshot`
 * (`loadGatewaySnapshot` in the interop context); the gateway only ever reads it.
 */
export type {
  GatewayKey,
  GatewayRoute,
  GatewaySnapshot,
  GatewaySubscription,
} from '../contexts/interop/index.js';

/** Where the gateway gets its configuration: polled for a new version every second. */
export interface SnapshotSource {
  version(): Promise<number>;
  load(): Promise<GatewaySnapshot>;
}

/** A fixed snapshot (tests, benchmarks). `set` swaps it, as a control-plane change would. */
export function staticSnapshotSource(initial: GatewaySnapshot): SnapshotSource & {
  set(next: GatewaySnapshot): void;
} {
  let current = initial;
  return {
    version: async () => current.version,
    load: async () => current,
    set(next) {
      current = next;
    },
  };
}
