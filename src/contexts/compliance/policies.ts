import {
  type Actor,
  hasRole,
  isKominfoAdmin,
  readableAgencies,
} from '../../platform/auth/actor.js';
import type { Party } from '../../platform/compliance/check-provider.js';

/**
 * Who sees and does what in the compliance view. Every signed-in user reads it within their
 * scope: an agency sees its own duties (its to-do list); the Dinas, the Tim Koordinasi and the
 * auditors see the whole regency. Duties of the Dinas and the named bodies belong to the Dinas's
 * scope.
 */
export function partyVisible(actor: Actor | null, party: Pick<Party, 'agencyId'>): boolean {
  const scope = readableAgencies(actor);
  if (scope === 'all') return true;
  return party.agencyId !== null && scope.includes(party.agencyId);
}

/** Profiles (copy, edit, import, choose the active one) are the Dinas admin's. */
export const canManageProfiles = (actor: Actor | null) => isKominfoAdmin(actor);

/** A snapshot on demand: the Dinas admin and the Tim Koordinasi. */
export const canTakeSnapshot = (actor: Actor | null) =>
  isKominfoAdmin(actor) || hasRole(actor, 'coordination_team');

/**
 * Who may submit or attest for a party: an agency's own operator or head for its duties; the
 * Dinas admin for every party (it keeps the records of the Dinas, the Bupati and the regency);
 * a member of the Tim Koordinasi for the team's duties.
 */
export function canRecordEvidence(actor: Actor | null, party: Party): boolean {
  if (isKominfoAdmin(actor)) return true;
  // An agency's duties, and the Dinas's own (its Kepala Dinas and operators act for it).
  if ((party.kind === 'agency' || party.kind === 'kominfo') && party.agencyId) {
    return (
      hasRole(actor, 'agency_operator', party.agencyId) ||
      hasRole(actor, 'agency_head', party.agencyId)
    );
  }
  if (party.kind === 'coordination_team') return hasRole(actor, 'coordination_team');
  return false;
}

export function compliancePermissions(actor: Actor | null): string[] {
  if (!actor) return [];
  const out = ['compliance:read'];
  if (canManageProfiles(actor)) out.push('complianceProfile:manage');
  if (canTakeSnapshot(actor)) out.push('complianceSnapshot:create');
  if (
    isKominfoAdmin(actor) ||
    hasRole(actor, 'agency_operator') ||
    hasRole(actor, 'agency_head') ||
    hasRole(actor, 'coordination_team')
  ) {
    out.push('complianceEvidence:record');
  }
  return out;
}
