import type { JWK } from 'jose';

/**
 * What the gateway needs to route and authorize, as the control plane publishes it
 * (`loadGatewaySnapshot` in the interop context). The types mirror the contract between the two
 * halves of the Sistem Penghubung Layanan; the gateway only ever reads them.
 */
export interface GatewaySnapshot {
  version: number;
  routes: GatewayRoute[];
  /** Key: SHA-256 hex of the presented X-API-Key. */
  apiKeys: Map<string, GatewayKey>;
  /** Key: `${consumerId}:${apiId}`; active subscriptions only. */
  subscriptions: Map<string, GatewaySubscription>;
  /** Public keys (JWK) of the control plane's POST /oauth2/token. */
  jwt: { issuer: string; audience: string; keys: JWK[] };
}

export interface GatewayRoute {
  apiId: string;
  agencyCode: string;
  slug: string;
  version: string;
  /** Base URL; the rest of the request path is appended. */
  upstreamUrl: string;
  /** The upstream credential, decrypted: injected into every forwarded request, never logged. */
  upstreamHeaders: Record<string, string>;
  timeoutMs: number;
  maxRequestBytes: number;
  operations: { method: string; path: string; operationId: string; scope: string | null }[];
}

export interface GatewayKey {
  credentialId: string;
  consumerId: string;
  expiresAt: string | null;
}

export interface GatewaySubscription {
  id: string;
  consumerId: string;
  apiId: string;
  scopes: string[] | null;
  plan: { ratePerMinute: number; dailyQuota: number | null; monthlyQuota: number | null };
}

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
