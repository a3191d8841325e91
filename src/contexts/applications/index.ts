/** Applications: the Aplikasi SPBE registry, its required documents, lifecycle and audit dates. */

export { applicationsComplianceChecks } from './compliance.js';
export { applicationDocuments, applications, nationalApplications } from './db/tables.js';
export { applicationsRoutes } from './http/applications.routes.js';
export { applicationLifecycle } from './lifecycle.js';
export {
  APPLICATION_KINDS,
  type ApplicationKind,
  DATA_CLASSIFICATIONS,
  type DataClassification,
  DOCUMENT_KINDS,
  type DocumentKind,
  HOSTING_LOCATIONS,
  type HostingLocation,
  STAGES,
  type Stage,
} from './model.js';
export { applicationPermissions } from './policies.js';
export { type SeedApplicationsDemoOptions, seedApplicationsDemo } from './seed-demo.js';
export { createApplication } from './use-cases/create-application.js';
export { getApplication } from './use-cases/get-application.js';
