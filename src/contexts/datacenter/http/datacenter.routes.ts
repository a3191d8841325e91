import type { App } from '../../../platform/http/server.js';
import { backupsRoutes } from './backups.routes.js';
import { hostingRequestsRoutes } from './hosting-requests.routes.js';
import { registryRoutes } from './registry.routes.js';

/** Every route of the Pusat Data, under /api/v1/datacenter. */
export function datacenterRoutes(app: App) {
  hostingRequestsRoutes(app);
  registryRoutes(app);
  backupsRoutes(app);
}
