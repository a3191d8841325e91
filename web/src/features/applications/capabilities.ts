import { actsForAgency, agenciesActedFor, isKominfoAdmin } from '../../platform/auth/capabilities';
import type { Me } from '../../platform/auth/session';

type User = Pick<Me, 'roles' | 'permissions'>;

/**
 * Registering applications: the Diskominfo admin for any agency, an operator or head for their
 * own (src/contexts/applications/policies.ts). `application:create` counts too once `/auth/me`
 * lists it.
 */
export function canRegisterApplications(me: User): boolean {
  return (
    me.permissions.includes('application:create') ||
    isKominfoAdmin(me) ||
    agenciesActedFor(me).length > 0
  );
}

/** Keeping one agency's applications up to date (fields, documents). */
export function canManageApplicationsOf(me: User, agencyId: string): boolean {
  return isKominfoAdmin(me) || actsForAgency(me, agencyId);
}
