/**
 * Interop: the control plane of the Sistem Penghubung Layanan — API catalogue with OpenAPI
 * import, developer portal reads, subscriptions approved by provider and Dinas, credentials
 * (API keys, OAuth2 clients and /oauth2/token), plans, usage analytics — and the snapshot the
 * gateway (src/gateway) routes by.
 */
export { interopComplianceChecks } from './compliance.js';
export { exchangeRecords, exchangeSeals } from './db/exchange-log.tables.js';
export {
  interopApis,
  interopConfigVersion,
  interopConsumers,
  interopCredentials,
  interopSigningKeys,
  interopSubscriptions,
} from './db/tables.js';
export { seedInteropDemo } from './demo/seed-interop-demo.js';
export {
  bumpConfigVersion,
  currentConfigVersion,
  GATEWAY_CONFIG_CHANNEL,
  type GatewayKey,
  type GatewayRoute,
  type GatewaySnapshot,
  type GatewaySubscription,
  loadGatewaySnapshot,
} from './gateway-snapshot.js';
export { interopRoutes } from './http/interop.routes.js';
export { oauth2Routes } from './http/oauth2.routes.js';
export { TOKEN_AUDIENCE, TOKEN_ISSUER } from './model.js';
export { interopPermissions } from './policies.js';
export { subscriptionWorkflow } from './subscription-workflow.js';
