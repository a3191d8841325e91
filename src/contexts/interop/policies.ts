import {
  type Actor,
  hasRole,
  isKominfoAdmin,
  readableAgencies,
} from '../../platform/auth/actor.js';
import type { ApiRow } from './db/queries.js';
import { ROUTED_STATUSES } from './model.js';

/** Whether a record of `agencyId` is within the actor's reading scope (outside it: 404). */
export function inScope(actor: Actor | null, agencyId: string): boolean {
  const scope = readableAgencies(actor);
  return scope === 'all' || scope.includes(agencyId);
}

/** The agency's own operator or head: the people who act for a Perangkat Daerah. */
export const actsForAgency = (actor: Actor | null, agencyId: string) =>
  hasRole(actor, 'agency_operator', agencyId) || hasRole(actor, 'agency_head', agencyId);

/**
 * Every Perangkat Daerah provides the APIs of its SPBE services (Perbup Purbalingga 45/2024
 * Pasal 19 ayat (2)): the provider agency registers, describes and publishes its own APIs.
 */
export const canManageApi = (actor: Actor | null, agencyId: string) =>
  actsForAgency(actor, agencyId);

/**
 * Who sees an API in the catalogue: anonymous visitors only published public APIs (the portal);
 * every signed-in user of the regency the published and deprecated ones of any visibility; the
 * provider (and the regency-wide roles) also its drafts and retired ones.
 */
export function canSeeApi(
  actor: Actor | null,
  api: Pick<ApiRow, 'agencyId' | 'status' | 'visibility'>,
) {
  const routed = ROUTED_STATUSES.includes(api.status);
  if (!actor) return api.status === 'published' && api.visibility === 'public';
  return routed || inScope(actor, api.agencyId);
}

/** A consumer application subscribes by the operator or head of the agency that owns it. */
export const canSubscribeFor = (actor: Actor | null, consumerAgencyId: string) =>
  actsForAgency(actor, consumerAgencyId);

/** A subscription is seen by both sides (consumer and provider agency) and the regency-wide roles. */
export const canSeeSubscription = (
  actor: Actor | null,
  consumerAgencyId: string,
  providerAgencyId: string,
) => inScope(actor, consumerAgencyId) || inScope(actor, providerAgencyId);

/** The plan (rate and quotas) is set by the provider agency or the Dinas that runs the gateway. */
export const canSetPlan = (actor: Actor | null, providerAgencyId: string) =>
  isKominfoAdmin(actor) || actsForAgency(actor, providerAgencyId);

/** Credentials are the consumer agency's: issued, rotated and revoked by its operator or head. */
export const canManageCredentials = (actor: Actor | null, consumerAgencyId: string) =>
  actsForAgency(actor, consumerAgencyId);

/** The permission names this context contributes to `GET /auth/me`, for the console. */
export function interopPermissions(actor: Actor | null): string[] {
  const out: string[] = [];
  if (hasRole(actor, 'agency_operator') || hasRole(actor, 'agency_head')) {
    out.push('interopApi:manage', 'interopSubscription:create', 'interopCredential:manage');
  }
  if (isKominfoAdmin(actor)) out.push('interopSubscription:decide', 'interopPlan:manage');
  if (actor) out.push('interopUsage:read');
  return [...new Set(out)];
}
