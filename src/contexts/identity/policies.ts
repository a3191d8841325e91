import { canReadAudit } from '../../platform/audit/policies.js';
import {
  type Actor,
  hasRole,
  isKominfoAdmin,
  readableAgencies,
} from '../../platform/auth/actor.js';
import { OVERSIGHT_ROLES } from '../../platform/auth/roles.js';

/** Reading people: the Diskominfo admin, oversight roles, and an agency's head and operators. */
export function canReadUsers(actor: Actor | null): boolean {
  return (
    isKominfoAdmin(actor) ||
    OVERSIGHT_ROLES.some((r) => hasRole(actor, r)) ||
    hasRole(actor, 'agency_head') ||
    hasRole(actor, 'agency_operator')
  );
}

/** Creating accounts, granting roles, resetting credentials: the Diskominfo admin only. */
export const canManageUsers = (actor: Actor | null) => isKominfoAdmin(actor);

/** Whether a user of `agencyId` is within the actor's reading scope. */
export function canSeeUserOf(actor: Actor | null, agencyId: string | null): boolean {
  const scope = readableAgencies(actor);
  return scope === 'all' || (agencyId !== null && scope.includes(agencyId));
}

export function identityPermissions(actor: Actor | null): string[] {
  const out: string[] = [];
  if (canReadUsers(actor)) out.push('user:read');
  if (canManageUsers(actor)) out.push('user:create', 'user:update');
  if (canReadAudit(actor)) out.push('audit:read');
  return out;
}
