import type { Me } from './session';

/**
 * What the console offers a user, from their role grants. The server decides again on every
 * call; these only keep the screens from offering what would be refused. A role is always granted
 * for one agency; the Diskominfo admin and the oversight roles act for the whole regency.
 */
type Grants = Pick<Me, 'roles'>;

export const OVERSIGHT_ROLES = ['coordination_team', 'internal_assessor', 'auditor'] as const;

/** Whether the user holds `role`, for `agencyId` when one is given. */
export function holdsRole(me: Grants, role: string, agencyId?: string | null): boolean {
  return me.roles.some(
    (grant) =>
      grant.role === role &&
      (agencyId === undefined || agencyId === null || grant.agencyId === agencyId),
  );
}

export const isKominfoAdmin = (me: Grants) => holdsRole(me, 'kominfo_admin');

export const isOversight = (me: Grants) => OVERSIGHT_ROLES.some((role) => holdsRole(me, role));

/** Reads every agency's records (the Dinas and the oversight roles). */
export const readsWholeRegency = (me: Grants) => isKominfoAdmin(me) || isOversight(me);

/** The agency's own operator or head: the people who act for a Perangkat Daerah. */
export function actsForAgency(me: Grants, agencyId: string): boolean {
  return holdsRole(me, 'agency_operator', agencyId) || holdsRole(me, 'agency_head', agencyId);
}

export interface ActingAgency {
  id: string;
  name: string;
}

/** The agencies the user acts for as operator or head, each once, in grant order. */
export function agenciesActedFor(me: Grants): ActingAgency[] {
  const seen = new Map<string, ActingAgency>();
  for (const grant of me.roles) {
    if (grant.role !== 'agency_operator' && grant.role !== 'agency_head') continue;
    if (!grant.agencyId || seen.has(grant.agencyId)) continue;
    seen.set(grant.agencyId, { id: grant.agencyId, name: grant.agencyName ?? grant.agencyId });
  }
  return [...seen.values()];
}
