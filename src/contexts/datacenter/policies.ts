import {
  type Actor,
  hasRole,
  isKominfoAdmin,
  readableAgencies,
} from '../../platform/auth/actor.js';
import { OVERSIGHT_ROLES } from '../../platform/auth/roles.js';

/** Whether a record of `agencyId` is within the actor's reading scope (outside it: 404). */
export function inScope(actor: Actor | null, agencyId: string): boolean {
  const scope = readableAgencies(actor);
  return scope === 'all' || scope.includes(agencyId);
}

const isOversight = (actor: Actor | null) => OVERSIGHT_ROLES.some((r) => hasRole(actor, r));

/** The agency's own operator or head: the people who act for a Perangkat Daerah. */
export const actsForAgency = (actor: Actor | null, agencyId: string) =>
  hasRole(actor, 'agency_operator', agencyId) || hasRole(actor, 'agency_head', agencyId);

/**
 * A hosting request is drafted, edited and submitted by the applicant agency's operator or head
 * (Perbup Tabanan 44/2022 Pasal 14 ayat (10) huruf a: "PD mengajukan permohonan"). The Dinas tests
 * and decides but does not write the application for the agency.
 */
export const canDraftHostingRequest = actsForAgency;

/** The security and feasibility test is the Dinas's (Tabanan 14(10) huruf b). */
export const canRecordHostingTest = (actor: Actor | null) => isKominfoAdmin(actor);

/**
 * The registries of the Pusat Data itself — devices, users and authorities, activity records
 * (Tabanan 14(6) huruf b–d) — are kept by the Dinas, which manages the Pusat Data (Tabanan 14(1),
 * Purbalingga 45/2024 Pasal 14 ayat (3), OKU Timur 2022 Pasal 13 ayat (2)).
 */
export const canManageRegistry = (actor: Actor | null) => isKominfoAdmin(actor);

/** The activity logbook is a Dinas record: the Dinas and the oversight roles read it. */
export const canReadActivities = (actor: Actor | null) =>
  isKominfoAdmin(actor) || isOversight(actor);

/**
 * Backups are the owner agency's duty (OKU Timur 2022 Pasal 15 ayat (1), Sragen 41/2019 Pasal 14
 * ayat (6)); the Dinas coordinates and supervises (Purbalingga 45/2024 Pasal 14 ayat (14), OKU
 * Timur 15(2)) and may record on the agency's behalf.
 */
export const canManageBackups = (actor: Actor | null, agencyId: string) =>
  isKominfoAdmin(actor) || actsForAgency(actor, agencyId);

/** The permission names this context could contribute to `GET /auth/me`, for the console. */
export function datacenterPermissions(actor: Actor | null): string[] {
  const out: string[] = [];
  if (hasRole(actor, 'agency_operator') || hasRole(actor, 'agency_head')) {
    out.push('hostingRequest:create', 'backup:manage');
  }
  if (isKominfoAdmin(actor)) {
    out.push('hostingRequest:decide', 'datacenterRegistry:manage', 'backup:manage');
  }
  if (canReadActivities(actor)) out.push('datacenterActivity:read');
  return [...new Set(out)];
}

/** A record that may name no agency (a vendor's engineer): without one, only the regency-wide roles see it. */
export function inScopeOrRegencyWide(actor: Actor | null, agencyId: string | null): boolean {
  return agencyId === null ? readableAgencies(actor) === 'all' : inScope(actor, agencyId);
}
