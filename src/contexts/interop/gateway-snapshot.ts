import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { JWK } from 'jose';
import type { SecretBox } from '../../platform/crypto/secrets.js';
import type { Db, Executor, Tx } from '../../platform/db/client.js';
import { workflowInstances } from '../../platform/workflow/tables.js';
import { agencies } from '../organization/index.js';
import {
  interopApis,
  interopConfigVersion,
  interopCredentials,
  interopSigningKeys,
  interopSubscriptions,
} from './db/tables.js';
import { ROUTED_STATUSES, TOKEN_AUDIENCE, TOKEN_ISSUER } from './model.js';
import {
  ACTIVE_SUBSCRIPTION_STATE,
  SUBSCRIPTION_SUBJECT,
  SUBSCRIPTION_WORKFLOW_ID,
} from './subscription-constants.js';

/**
 * What the gateway (src/gateway) routes by: the contract between the control plane and the data
 * plane. Built from the database in one read; the gateway polls
 * `currentConfigVersion` and reloads this when it changes.
 */
export interface GatewaySnapshot {
  version: number;
  /** Only published (and deprecated, still served) APIs. */
  routes: GatewayRoute[];
  /**
   * Key: sha256 hex of the presented X-API-Key. Revoked keys are absent. A key replaced by a
   * rotation appears under its old hash too, with the end of its grace period as `expiresAt`,
   * until that has passed.
   */
  apiKeys: Map<string, GatewayKey>;
  /** Key: `${consumerId}:${apiId}`, active subscriptions only. */
  subscriptions: Map<string, GatewaySubscription>;
  /** Public keys (JWK, with `kid` and `alg`) of the tokens of POST /oauth2/token. */
  jwt: { issuer: string; audience: string; keys: JWK[] };
}
export interface GatewayRoute {
  apiId: string;
  agencyCode: string;
  slug: string;
  version: string;
  upstreamUrl: string;
  /** Injected credential, decrypted (never logged). */
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

/** The version of the gateway configuration; 0 before any change. */
export async function currentConfigVersion(db: Executor): Promise<number> {
  const [row] = await db
    .select({ version: interopConfigVersion.version })
    .from(interopConfigVersion)
    .where(eq(interopConfigVersion.id, 1));
  return row ? Number(row.version) : 0;
}

/** Running gateways LISTEN here: a NOTIFY carries each new configuration version. */
export const GATEWAY_CONFIG_CHANNEL = 'simpul_gateway_config';

/**
 * Bumps the configuration version. Call it in the same transaction as the change, so a gateway
 * that sees the new version also sees the change; the notification goes out at commit.
 */
export async function bumpConfigVersion(tx: Tx): Promise<number> {
  const [row] = await tx
    .insert(interopConfigVersion)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({
      target: interopConfigVersion.id,
      set: { version: sql`${interopConfigVersion.version} + 1`, updatedAt: sql`now()` },
    })
    .returning({ version: interopConfigVersion.version });
  const version = Number(row?.version ?? 0);
  await tx.execute(sql`select pg_notify(${GATEWAY_CONFIG_CHANNEL}, ${String(version)})`);
  return version;
}

/** Reads everything the gateway needs, consistently, in one transaction. */
export async function loadGatewaySnapshot(db: Db, secrets: SecretBox): Promise<GatewaySnapshot> {
  return db.transaction(async (tx) => {
    const version = await currentConfigVersion(tx);
    const apiRows = await tx
      .select({ api: interopApis, agencyCode: agencies.code })
      .from(interopApis)
      .innerJoin(agencies, eq(agencies.id, interopApis.agencyId))
      .where(inArray(interopApis.status, [...ROUTED_STATUSES]));
    const routes: GatewayRoute[] = apiRows.map(({ api, agencyCode }) => ({
      apiId: api.id,
      agencyCode,
      slug: api.slug,
      version: api.version,
      upstreamUrl: api.upstreamUrl,
      upstreamHeaders:
        api.upstreamHeaderName && api.upstreamHeaderSealed
          ? { [api.upstreamHeaderName]: secrets.open(api.upstreamHeaderSealed) }
          : {},
      timeoutMs: api.timeoutMs,
      maxRequestBytes: api.maxRequestBytes,
      operations: api.operations.map((op) => ({
        method: op.method.toUpperCase(),
        path: op.path,
        operationId: op.operationId,
        scope: op.scope,
      })),
    }));

    const keyRows = await tx
      .select({
        id: interopCredentials.id,
        consumerId: interopCredentials.consumerId,
        secretHash: interopCredentials.secretHash,
        expiresAt: interopCredentials.expiresAt,
        previousSecretHash: interopCredentials.previousSecretHash,
        previousExpiresAt: interopCredentials.previousExpiresAt,
      })
      .from(interopCredentials)
      .where(and(eq(interopCredentials.kind, 'api_key'), isNull(interopCredentials.revokedAt)));
    const apiKeys = new Map<string, GatewayKey>();
    const now = Date.now();
    for (const k of keyRows) {
      const expires = k.expiresAt ? new Date(k.expiresAt).getTime() : null;
      apiKeys.set(k.secretHash, {
        credentialId: k.id,
        consumerId: k.consumerId,
        expiresAt: expires === null ? null : new Date(expires).toISOString(),
      });
      if (k.previousSecretHash && k.previousExpiresAt) {
        // The replaced key works until its grace period ends, never past the key's own expiry.
        const until = Math.min(new Date(k.previousExpiresAt).getTime(), expires ?? Infinity);
        if (until > now) {
          apiKeys.set(k.previousSecretHash, {
            credentialId: k.id,
            consumerId: k.consumerId,
            expiresAt: new Date(until).toISOString(),
          });
        }
      }
    }

    const subRows = await tx
      .select({ sub: interopSubscriptions })
      .from(interopSubscriptions)
      .innerJoin(
        workflowInstances,
        and(
          eq(workflowInstances.subjectId, interopSubscriptions.id),
          eq(workflowInstances.subjectType, SUBSCRIPTION_SUBJECT),
          eq(workflowInstances.workflowId, SUBSCRIPTION_WORKFLOW_ID),
        ),
      )
      .where(
        and(
          eq(workflowInstances.state, ACTIVE_SUBSCRIPTION_STATE),
          isNull(interopSubscriptions.endedAt),
        ),
      );
    const subscriptions = new Map<string, GatewaySubscription>();
    for (const { sub } of subRows) {
      subscriptions.set(`${sub.consumerId}:${sub.apiId}`, {
        id: sub.id,
        consumerId: sub.consumerId,
        apiId: sub.apiId,
        scopes: sub.scopes ?? null,
        plan: {
          ratePerMinute: sub.ratePerMinute,
          dailyQuota: sub.dailyQuota,
          monthlyQuota: sub.monthlyQuota,
        },
      });
    }

    const keys = await tx
      .select({ publicJwk: interopSigningKeys.publicJwk })
      .from(interopSigningKeys)
      .where(isNull(interopSigningKeys.retiredAt));
    return {
      version,
      routes,
      apiKeys,
      subscriptions,
      jwt: {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        keys: keys.map((k) => k.publicJwk as JWK),
      },
    };
  });
}
