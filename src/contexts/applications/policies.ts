import {
  type Actor,
  hasRole,
  isKominfoAdmin,
  readableAgencies,
} from '../../platform/auth/actor.js';

/**
 * Who may read an agency's applications: its own people and, for the whole regency, the
 * Diskominfo admin and the oversight roles (Tim Koordinasi, Asesor Internal, Auditor). Outside
 * that scope an application does not exist (404).
 */
export function canReadApplicationsOf(actor: Actor | null, agencyId: string): boolean {
  const scope = readableAgencies(actor);
  return scope === 'all' || scope.includes(agencyId);
}

/**
 * Registering and keeping an application up to date (documents included): the owner agency's
 * operator or head, and the Diskominfo admin for any agency — the Dinas documents every
 * application in the repository (Perbup Tabanan 44/2022 Pasal 7 ayat (5)).
 */
export function canManageApplicationsOf(actor: Actor | null, agencyId: string): boolean {
  return (
    isKominfoAdmin(actor) ||
    hasRole(actor, 'agency_operator', agencyId) ||
    hasRole(actor, 'agency_head', agencyId)
  );
}

/** The permission names this context contributes to `GET /auth/me`, for the console. */
export function applicationPermissions(actor: Actor | null): string[] {
  const out = ['application:read'];
  if (isKominfoAdmin(actor) || hasRole(actor, 'agency_operator') || hasRole(actor, 'agency_head')) {
    out.push('application:create', 'application:update');
  }
  return actor ? out : [];
}
