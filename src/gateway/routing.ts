import Router from 'find-my-way';
import type { GatewayRoute, GatewaySnapshot } from './snapshot.js';
import type { Upstream, Upstreams } from './upstream.js';

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  scope: string | null;
}

export interface CompiledRoute {
  route: GatewayRoute;
  /** `agency/slug/version`, the metric label. */
  label: string;
  upstream: Upstream;
  /** Injected headers, lower-cased names. */
  inject: [string, string][];
  /** Their names: a client's field of the same name is not forwarded. */
  injectNames: Set<string>;
  /** Null when the API describes no operations: every path is forwarded. */
  findOperation: ((method: string, path: string) => Operation | null) | null;
}

export interface CompiledSnapshot {
  snapshot: GatewaySnapshot;
  routes: Map<string, CompiledRoute>;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** OpenAPI path templates (`/patients/{nik}`) become find-my-way patterns (`/patients/:nik`). */
function operationMatcher(operations: Operation[]) {
  const router = Router({ ignoreTrailingSlash: true, caseSensitive: true });
  for (const op of operations) {
    const method = op.method.toUpperCase();
    if (!(METHODS as readonly string[]).includes(method)) continue;
    const pattern = op.path.replace(
      /\{([^}/]+)\}/g,
      (_, name: string) => `:${name.replace(/[^A-Za-z0-9_]/g, '_')}`,
    );
    try {
      router.on(method as (typeof METHODS)[number], pattern, () => {}, op);
    } catch {
      // A duplicate or unusable path template: the first one wins.
    }
  }
  return (method: string, path: string): Operation | null => {
    const found = router.find(method as (typeof METHODS)[number], path);
    return found ? (found.store as Operation) : null;
  };
}

export function compileSnapshot(snapshot: GatewaySnapshot, upstreams: Upstreams): CompiledSnapshot {
  const routes = new Map<string, CompiledRoute>();
  for (const route of snapshot.routes) {
    const label = `${route.agencyCode}/${route.slug}/${route.version}`;
    const inject = Object.entries(route.upstreamHeaders).map(
      ([k, v]) => [k.toLowerCase(), v] as [string, string],
    );
    routes.set(label, {
      route,
      label,
      upstream: upstreams.get(route.upstreamUrl),
      inject,
      injectNames: new Set(inject.map(([k]) => k)),
      findOperation: route.operations.length > 0 ? operationMatcher(route.operations) : null,
    });
  }
  upstreams.retain(snapshot.routes.map((r) => r.upstreamUrl));
  return { snapshot, routes };
}
