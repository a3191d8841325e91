import type { Static } from 'typebox';
import type { Actor } from '../../../platform/auth/actor.js';
import type {
  AgencyRef,
  ApiRow,
  ConsumerRow,
  CredentialRow,
  SubscriptionRow,
} from '../db/queries.js';
import { canManageApi, canSubscribeFor, inScope } from '../policies.js';
import type { SubscriptionState } from '../subscription-workflow.js';
import type { ApiDetail, ApiSummary, Credential, SubscriptionSummary } from './interop.schemas.js';

const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);

export const gatewayPath = (agencyCode: string, api: Pick<ApiRow, 'slug' | 'version'>) =>
  `/${agencyCode}/${api.slug}/${api.version}`;

export function presentApiSummary(api: ApiRow, agency: AgencyRef): Static<typeof ApiSummary> {
  return {
    id: api.id,
    agency,
    name: api.name,
    slug: api.slug,
    version: api.version,
    description: api.description,
    visibility: api.visibility,
    dataClassification: api.dataClassification,
    status: api.status,
    gatewayPath: gatewayPath(agency.code, api),
    operationCount: api.operations.length,
    publishedAt: iso(api.publishedAt),
    updatedAt: new Date(api.updatedAt).toISOString(),
  };
}

export function presentApiDetail(
  api: ApiRow,
  agency: AgencyRef,
  actor: Actor | null,
): Static<typeof ApiDetail> {
  // The upstream stays with the provider and the Dinas: consumers reach it only through the gateway.
  const insider = actor !== null && inScope(actor, api.agencyId);
  return {
    ...presentApiSummary(api, agency),
    operations: api.operations,
    openapiVersion: api.openapiVersion,
    upstreamUrl: insider ? api.upstreamUrl : null,
    upstreamHeaderName: insider ? api.upstreamHeaderName : null,
    timeoutMs: api.timeoutMs,
    maxRequestBytes: api.maxRequestBytes,
    canManage: canManageApi(actor, api.agencyId),
    canSubscribe:
      api.status === 'published' &&
      actor?.type === 'user' &&
      actor.roles.some((g) => canSubscribeFor(actor, g.agencyId)),
  };
}

/** Fields of an API for the audit trail (never the sealed credential). */
export function apiAuditFields(api: ApiRow) {
  const { openapi: _doc, upstreamHeaderSealed: _secret, ...rest } = api;
  return { ...rest, hasUpstreamCredential: Boolean(_secret) };
}

export function presentSubscriptionSummary(
  sub: SubscriptionRow,
  api: ApiRow,
  consumer: ConsumerRow,
  agencies: { provider: AgencyRef; consumer: AgencyRef },
  instance: { state: string; dueAt: string | null },
): Static<typeof SubscriptionSummary> {
  return {
    id: sub.id,
    api: {
      id: api.id,
      name: api.name,
      version: api.version,
      gatewayPath: gatewayPath(agencies.provider.code, api),
      agency: agencies.provider,
    },
    consumer: {
      id: consumer.id,
      applicationId: consumer.applicationId,
      name: consumer.name,
      agency: agencies.consumer,
    },
    purpose: sub.purpose,
    scopes: sub.scopes ?? null,
    plan: {
      ratePerMinute: sub.ratePerMinute,
      dailyQuota: sub.dailyQuota,
      monthlyQuota: sub.monthlyQuota,
    },
    state: instance.state as SubscriptionState,
    dueAt: iso(instance.dueAt),
    createdAt: new Date(sub.createdAt).toISOString(),
  };
}

export function presentCredential(
  row: CredentialRow,
  consumer: ConsumerRow,
): Static<typeof Credential> {
  return {
    id: row.id,
    consumerId: row.consumerId,
    applicationId: consumer.applicationId,
    kind: row.kind,
    label: row.label,
    clientId: row.clientId,
    prefix: row.prefix,
    expiresAt: iso(row.expiresAt),
    revokedAt: iso(row.revokedAt),
    lastRotatedAt: iso(row.lastRotatedAt),
    previous: previousSecret(row),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/**
 * The replaced secret while it still works: until its grace period ends, or the credential's own
 * expiry if that comes first; never once the credential is revoked.
 */
export function previousSecret(
  row: CredentialRow,
  now = Date.now(),
): { prefix: string; expiresAt: string } | null {
  if (row.revokedAt || !row.previousSecretHash || !row.previousPrefix || !row.previousExpiresAt) {
    return null;
  }
  let until = new Date(row.previousExpiresAt).getTime();
  if (row.expiresAt) until = Math.min(until, new Date(row.expiresAt).getTime());
  if (until <= now) return null;
  return { prefix: row.previousPrefix, expiresAt: new Date(until).toISOString() };
}

/** Fields of a credential for the audit trail (no hash either). */
export function credentialAuditFields(row: CredentialRow) {
  const { secretHash: _hash, previousSecretHash: _previous, ...rest } = row;
  return rest;
}
