/**
 * Datacenter (Pusat Data): hosting/colocation/VPS requests on the workflow engine, the device,
 * user-and-authority and activity registries, backups and restore tests with the Dinas's
 * supervision.
 */
export {
  BACKUP_MAX_AGE_DAYS,
  RESTORE_TEST_MAX_AGE_DAYS,
} from './backup-status.js';
export { datacenterComplianceChecks } from './compliance.js';
export {
  accessAuthorities,
  activityRecords,
  backupPolicies,
  backupReports,
  devices,
  hostingAllocations,
  hostingRequests,
  hostingTests,
  restoreTests,
} from './db/tables.js';
export { seedDatacenterDemo } from './demo/seed-datacenter-demo.js';
export { HOSTING_STATES, type HostingState, hostingWorkflow } from './hosting-workflow.js';
export { datacenterRoutes } from './http/datacenter.routes.js';
export { backupOverdueReminderJob, remindOverdueBackups } from './jobs/backup-overdue-reminder.js';
export { datacenterPermissions } from './policies.js';
