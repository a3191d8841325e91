/** Organization: the Pemda profile and the registry of Perangkat Daerah. */
export { AGENCY_KINDS, type AgencyKind, REGULATION_PROFILES } from './agency-kinds.js';
export { findAgencyById, findKominfoAgency } from './db/queries.js';
export { agencies, government } from './db/tables.js';
export { organizationRoutes } from './http/organization.routes.js';
export { organizationPermissions } from './policies.js';
export { createAgency } from './use-cases/create-agency.js';
export { getGovernment } from './use-cases/get-government.js';
export { setRegulationProfile } from './use-cases/set-regulation-profile.js';
export { updateGovernment } from './use-cases/update-government.js';
