import { join } from 'node:path';
import {
  authRoutes,
  oidcRoutes,
  resolveActor,
  SESSION_COOKIE,
  usersRoutes,
} from './contexts/identity/index.js';
import { organizationRoutes } from './contexts/organization/index.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import type { Config } from './platform/config.js';
import type { SecretBox } from './platform/crypto/secrets.js';
import type { Database } from './platform/db/client.js';
import { filesPlugin } from './platform/files/files.routes.js';
import { createHttpServer } from './platform/http/server.js';
import { notificationsRoutes } from './platform/notifications/notifications.routes.js';

export interface AppOptions {
  config: Config;
  database: Database;
  secrets: SecretBox;
  logger?: boolean | object;
}

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
      authRoutes(app, config);
      oidcRoutes(app, config);
      usersRoutes(app);
      organizationRoutes(app);
      auditRoutes(app);
      await filesPlugin(app, { rootDir: join(config.dataDir, 'files') });
      notificationsRoutes(app);
    },
  });
}
