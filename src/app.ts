import { applicationPermissions, applicationsRoutes } from './contexts/applications/index.js';
import { compliancePermissions, complianceRoutes } from './contexts/compliance/index.js';
import { dataPermissions, satuDataRoutes } from './contexts/data/index.js';
import { datacenterPermissions, datacenterRoutes } from './contexts/datacenter/index.js';
import { evaluationPermissions, evaluationRoutes } from './contexts/evaluation/index.js';
import {
  authRoutes,
  identityPermissions,
  oidcRoutes,
  resolveActor,
  SESSION_COOKIE,
  usersRoutes,
} from './contexts/identity/index.js';
import { interopPermissions, interopRoutes, oauth2Routes } from './contexts/interop/index.js';
import { organizationPermissions, organizationRoutes } from './contexts/organization/index.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import type { PermissionsOf } from './platform/auth/actor.js';
import { calendarRoutes } from './platform/calendar/calendar.routes.js';
import type { Config } from './platform/config.js';
import type { SecretBox } from './platform/crypto/secrets.js';
import type { Database } from './platform/db/client.js';
import { createFileStoreFromEnv } from './platform/files/file-store-from-env.js';
import { filesPlugin } from './platform/files/files.routes.js';
import { createHttpServer } from './platform/http/server.js';
import { notificationsRoutes } from './platform/notifications/notifications.routes.js';

export interface AppOptions {
  config: Config;
  database: Database;
  secrets: SecretBox;
  logger?: boolean | object;
}

/** What the console may offer: every context's permission names, joined. */
const permissionsOf: PermissionsOf = (actor) => [
  ...organizationPermissions(actor),
  ...dataPermissions(actor),
  ...identityPermissions(actor),
  ...applicationPermissions(actor),
  ...datacenterPermissions(actor),
  ...evaluationPermissions(actor),
  ...compliancePermissions(actor),
  ...interopPermissions(actor),
];

/**
 * The composition root: the HTTP platform plus every context's routes. Reads as the table of
 * contents of the HTTP surface.
 */
export function buildApp({ config, database, secrets, logger }: AppOptions) {
  return createHttpServer({
    config,
    database,
    secrets,
    logger,
    authenticate: (request) => {
      const auth = request.headers.authorization;
      return resolveActor(database.db, {
        bearer: auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined,
        sessionToken: request.cookies[SESSION_COOKIE],
      });
    },
    routes: async (app) => {
      authRoutes(app, config, permissionsOf);
      oidcRoutes(app, config);
      usersRoutes(app);
      organizationRoutes(app);
      applicationsRoutes(app);
      datacenterRoutes(app);
      evaluationRoutes(app);
      complianceRoutes(app);
      interopRoutes(app);
      oauth2Routes(app);
      auditRoutes(app);
      calendarRoutes(app);
      await filesPlugin(app, { store: createFileStoreFromEnv(process.env, config.dataDir) });
      notificationsRoutes(app);
      satuDataRoutes(app, config);
    },
  });
}
