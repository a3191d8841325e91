import { type Actor, hasRole, isKominfoAdmin } from '../../platform/auth/actor.js';

/** Fields of an agency that its own head and operators keep up to date (contacts). */
export const AGENCY_CONTACT_FIELDS = [
  'headName',
  'headNip',
  'email',
  'phone',
  'address',
  'website',
] as const;

/** The Pemda profile is set by the Diskominfo admin. */
export const canUpdateGovernment = (actor: Actor | null) => isKominfoAdmin(actor);

/** Registering a Perangkat Daerah is the Diskominfo admin's job. */
export const canCreateAgency = (actor: Actor | null) => isKominfoAdmin(actor);

/**
 * The Diskominfo admin edits any field of any agency; an agency's own head or operator edits its
 * contact fields only.
 */
export function canUpdateAgency(actor: Actor | null, agencyId: string, fields: string[]): boolean {
  if (isKominfoAdmin(actor)) return true;
  const own =
    hasRole(actor, 'agency_head', agencyId) || hasRole(actor, 'agency_operator', agencyId);
  return own && fields.every((f) => (AGENCY_CONTACT_FIELDS as readonly string[]).includes(f));
}

/** The permission names this context contributes to `GET /auth/me`, for the console. */
export function organizationPermissions(actor: Actor | null): string[] {
  const out: string[] = [];
  if (canUpdateGovernment(actor)) out.push('government:update');
  if (canCreateAgency(actor)) out.push('agency:create');
  if (isKominfoAdmin(actor) || hasRole(actor, 'agency_head') || hasRole(actor, 'agency_operator')) {
    out.push('agency:update');
  }
  return out;
}
