/**
 * Compliance: regulation profiles (the obligations of the regency's Perbup, shipped or its own),
 * checks as data evaluated per obligation and bound party from the modules' records, recurring
 * submissions and attestations, history, reports and deadline reminders.
 */
export { complianceEvidence, complianceProfiles, complianceSnapshots } from './db/tables.js';
export { seedComplianceDemo } from './demo/seed-compliance-demo.js';
export { evaluateProfile } from './evaluate.js';
export { complianceRoutes } from './http/compliance.routes.js';
export { complianceReminderJob, remindDeadlines } from './jobs/deadline-reminder.js';
export { compliancePermissions } from './policies.js';
export { SHIPPED_PROFILES } from './profiles.js';
export { COMPLIANCE_PROVIDERS } from './providers.js';
export { complianceReport } from './use-cases/export-reports.js';
export { complianceSnapshotJob, takeSnapshot } from './use-cases/snapshots.js';
