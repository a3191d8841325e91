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
  /** Calls `onChange` as soon as the configuration changes; resolves to the function that stops. */
  watch?(onChange: () => void): Promise<() => Promise<void>>;
}

/** A fixed snapshot (tests, benchmarks). `set` swaps it and notifies, as a control-plane change would. */
export function staticSnapshotSource(initial: GatewaySnapshot): SnapshotSource & {
  set(next: GatewaySnapshot): void;
} {
  let current = initial;
  const watchers = new Set<() => void>();
  return {
    version: async () => current.version,
    load: async () => current,
    async watch(onChange) {
      watchers.add(onChange);
      return async () => {
        watchers.delete(onChange);
      };
    },
    set(next) {
      current = next;
      for (const w of watchers) w();
    },
  };
}
