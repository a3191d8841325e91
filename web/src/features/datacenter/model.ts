/** The vocabularies of the Pusat Data (src/contexts/datacenter/vocabulary.ts). */

export const SERVICE_TYPES = ['hosting', 'colocation', 'vps'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const DATA_CLASSIFICATIONS = ['publik', 'terbatas', 'rahasia'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** States of the hosting workflow (Perbup Tabanan 44/2022 Pasal 14 ayat (10)), in order. */
export const HOSTING_STATES = [
  'draft',
  'submitted',
  'testing',
  'analysis',
  'returned',
  'accepted',
] as const;
export type HostingState = (typeof HOSTING_STATES)[number];

export const HOSTING_TRANSITIONS = [
  'start',
  'submit',
  'resubmit',
  'start_test',
  'complete_test',
  'accept',
  'return',
] as const;

export const CHECK_RESULTS = ['pass', 'fail', 'na'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const DEVICE_KINDS = ['server', 'storage', 'network', 'rack', 'other'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const DEVICE_STATUSES = ['active', 'spare', 'maintenance', 'retired'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

export const ACCESS_AUTHORITIES = ['root', 'admin', 'operator', 'read'] as const;
export type AccessAuthorityLevel = (typeof ACCESS_AUTHORITIES)[number];

export const BACKUP_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];

export const BACKUP_RESULTS = ['success', 'failed'] as const;
export type BackupResult = (typeof BACKUP_RESULTS)[number];

export const RESTORE_RESULTS = ['success', 'partial', 'failed'] as const;
export type RestoreResult = (typeof RESTORE_RESULTS)[number];

export const POLICY_STATUSES = ['active', 'retired'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];
