/** Identity: accounts, role grants, sign-in (password, TOTP, OIDC), sessions and API tokens. */
export { identityComplianceChecks } from './compliance.js';
export { apiTokens, roleAssignments, sessions, users } from './db/tables.js';
export { authRoutes } from './http/auth.routes.js';
export { OIDC_COOKIE, oidcRoutes } from './http/oidc.routes.js';
export { usersRoutes } from './http/users.routes.js';
export { hashPassword } from './passwords.js';
export { identityPermissions } from './policies.js';
export { createAdmin, hasAnyAdmin } from './use-cases/create-admin.js';
export { createUser } from './use-cases/create-user.js';
export { completeOidcLogin, startOidcLogin } from './use-cases/oidc-login.js';
export { resolveActor } from './use-cases/resolve-actor.js';
export { SESSION_COOKIE } from './use-cases/sessions.js';
