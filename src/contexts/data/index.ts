/**
 * Satu Data: datasets of the producing agencies with Standar Data and metadata, table
 * resources validated against their data dictionary (Frictionless Table Schema), reference
 * code lists, the walidata's verification on the workflow engine, the yearly Daftar Data, and
 * the public side — the portal, CKAN's Action API and DCAT-AP.
 */
import type { Config } from '../../platform/config.js';
import type { App } from '../../platform/http/server.js';
import { ckanRoutes } from './ckan/ckan.routes.js';
import { dcatRoutes } from './ckan/dcat.js';
import { dataRoutes } from './http/data.routes.js';
import { portalRoutes } from './portal/portal.routes.js';

export { dataComplianceChecks } from './compliance.js';
export { DATASET_STATES, type DatasetState, datasetWorkflow } from './data-workflow.js';
export {
  dataComments,
  dataPlans,
  dataRequests,
  dataResources,
  dataReviews,
  dataRows,
  datasets,
  referenceCodes,
  referenceLists,
} from './db/tables.js';
export { seedDataDemo } from './demo/seed-data-demo.js';
export { dataPermissions } from './policies.js';

/** Every route of the context: console API, public portal, CKAN API, DCAT. */
export function satuDataRoutes(app: App, config: Config) {
  dataRoutes(app);
  ckanRoutes(app, config);
  dcatRoutes(app, config);
  portalRoutes(app, config);
}
