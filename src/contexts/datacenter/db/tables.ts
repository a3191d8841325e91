import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../identity/index.js';
import { agencies } from '../../organization/index.js';
import type {
  AccessAuthority,
  BackupFrequency,
  BackupResult,
  ChecklistItem,
  DataClassification,
  DeviceKind,
  DeviceStatus,
  PolicyStatus,
  RestoreResult,
  ServiceType,
} from '../vocabulary.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * A request to place an Aplikasi SPBE on hosting, a server in colocation, or a VPS in the Pusat
 * Data (Perbup Tabanan 44/2022 Pasal 14 ayat (1) and (10); OKU Timur 2022 Pasal 13 ayat (3)–(4)).
 * Its state lives in the workflow engine (`workflow_instances`, subject type `hosting_request`).
 */
export const hostingRequests = pgTable(
  'hosting_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The applicant Perangkat Daerah (Tabanan 14(10) huruf a). */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    serviceType: text('service_type').$type<ServiceType>().notNull(),
    applicationName: text('application_name').notNull(),
    /**
     * The Aplikasi SPBE in the applications registry, when it is registered there. No foreign key:
     * the registry is another context and a request may precede the registration.
     */
    applicationId: uuid('application_id'),
    description: text('description'),
    vcpu: integer('vcpu'),
    ramGb: integer('ram_gb'),
    storageGb: integer('storage_gb'),
    bandwidthMbps: integer('bandwidth_mbps'),
    operatingSystem: text('operating_system'),
    /** Public domain or subdomain, e.g. `sikesda.tabanankab.go.id`. */
    domain: text('domain'),
    dataClassification: text('data_classification').$type<DataClassification>().notNull(),
    backupPlan: text('backup_plan'),
    disasterRecoveryPlan: text('disaster_recovery_plan'),
    lastRestoreTestOn: day('last_restore_test_on'),
    /** How many times the request entered testing: the round the current test record belongs to. */
    testRound: integer('test_round').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('hosting_requests_agency_idx').on(t.agencyId),
    index('hosting_requests_application_idx').on(t.applicationId),
  ],
);

/**
 * The security and feasibility test of one round (Tabanan 14(10) huruf b): a checklist, findings
 * and attachments. A request returned and resubmitted is tested again in a new round.
 */
export const hostingTests = pgTable(
  'hosting_tests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => hostingRequests.id),
    round: integer('round').notNull(),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull(),
    findings: text('findings'),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hosting_tests_round_key').on(t.requestId, t.round)],
);

/** What the Dinas allocated when it accepted a request (Tabanan 14(10) huruf d angka 1). */
export const hostingAllocations = pgTable('hosting_allocations', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => hostingRequests.id),
  /** Host or virtual machine name. */
  hostName: text('host_name').notNull(),
  ipAddress: text('ip_address'),
  /** The physical server or rack in the device catalogue, when known. */
  deviceId: uuid('device_id').references(() => devices.id),
  vcpu: integer('vcpu'),
  ramGb: integer('ram_gb'),
  storageGb: integer('storage_gb'),
  bandwidthMbps: integer('bandwidth_mbps'),
  allocatedOn: day('allocated_on').notNull(),
  notes: text('notes'),
  recordedBy: uuid('recorded_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Katalog perangkat of the Pusat Data (Tabanan 14(6) huruf b). */
export const devices = pgTable(
  'datacenter_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<DeviceKind>().notNull(),
    brand: text('brand'),
    model: text('model'),
    serialNumber: text('serial_number'),
    /** Room or site, e.g. `Ruang Server Lt. 2`. */
    location: text('location'),
    /** Rack and units, e.g. `R02 U10–U12`. */
    rack: text('rack'),
    /** Who owns it: the Dinas, or the agency whose server sits in colocation. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    status: text('status').$type<DeviceStatus>().notNull().default('active'),
    acquiredOn: day('acquired_on'),
    notes: text('notes'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('datacenter_devices_agency_idx').on(t.agencyId),
    index('datacenter_devices_kind_idx').on(t.kind),
  ],
);

/** Katalog pengguna dan kewenangan (Tabanan 14(6) huruf c): who may access what, with which authority. */
export const accessAuthorities = pgTable(
  'datacenter_access_authorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personName: text('person_name').notNull(),
    /** The person's Perangkat Daerah; null for a third party (vendor), named in `affiliation`. */
    agencyId: uuid('agency_id').references(() => agencies.id),
    affiliation: text('affiliation'),
    position: text('position'),
    /** The system or device, in words (`Hypervisor cluster`, `SIMPEG database`). */
    system: text('system').notNull(),
    deviceId: uuid('device_id').references(() => devices.id),
    applicationId: uuid('application_id'),
    authority: text('authority').$type<AccessAuthority>().notNull(),
    grantedBy: text('granted_by').notNull(),
    grantedOn: day('granted_on').notNull(),
    reviewOn: day('review_on'),
    revokedOn: day('revoked_on'),
    notes: text('notes'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('datacenter_access_authorities_agency_idx').on(t.agencyId),
    index('datacenter_access_authorities_device_idx').on(t.deviceId),
  ],
);

/** Rekaman aktivitas (Tabanan 14(6) huruf d): the logbook of work done in the Pusat Data. */
export const activityRecords = pgTable(
  'datacenter_activity_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
    personName: text('person_name').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    affiliation: text('affiliation'),
    purpose: text('purpose').notNull(),
    deviceIds: jsonb('device_ids').$type<string[]>().notNull().default([]),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('datacenter_activity_records_started_idx').on(t.startedAt)],
);

/**
 * How a system's data is backed up (Purbalingga 45/2024 Pasal 14 ayat (13); OKU Timur 2022 Pasal
 * 15 ayat (1); Sragen 41/2019 Pasal 14 ayat (6) and Pasal 17 ayat (4)).
 */
export const backupPolicies = pgTable(
  'backup_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    systemName: text('system_name').notNull(),
    applicationId: uuid('application_id'),
    frequency: text('frequency').$type<BackupFrequency>().notNull(),
    /** Where the backups are kept, e.g. `Server backup Pusat Data`. */
    location: text('location').notNull(),
    offsiteCopy: boolean('offsite_copy').notNull().default(false),
    offsiteLocation: text('offsite_location'),
    retentionDays: integer('retention_days'),
    notes: text('notes'),
    status: text('status').$type<PolicyStatus>().notNull().default('active'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('backup_policies_agency_idx').on(t.agencyId)],
);

/** A backup run, reported by the owner agency (OKU Timur 2022 Pasal 15 ayat (1)). */
export const backupReports = pgTable(
  'backup_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => backupPolicies.id),
    backupOn: day('backup_on').notNull(),
    result: text('result').$type<BackupResult>().notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('backup_reports_policy_idx').on(t.policyId, t.backupOn)],
);

/** A restore test: a backup brought back and checked (Sragen 41/2019 Pasal 17 ayat (4) huruf b). */
export const restoreTests = pgTable(
  'restore_tests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => backupPolicies.id),
    testedOn: day('tested_on').notNull(),
    result: text('result').$type<RestoreResult>().notNull(),
    durationMinutes: integer('duration_minutes'),
    notes: text('notes'),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('restore_tests_policy_idx').on(t.policyId, t.testedOn)],
);
