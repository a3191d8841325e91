import type { Static } from 'typebox';
import type { WorkflowInstance } from '../../../platform/workflow/definition.js';
import type {
  AgencyRef,
  BackupPolicyRow,
  DeviceRow,
  HostingAllocationRow,
  HostingRequestRow,
  HostingTestRow,
} from '../db/queries.js';
import type {
  accessAuthorities,
  activityRecords,
  backupReports,
  restoreTests,
} from '../db/tables.js';
import type { HostingState } from '../hosting-workflow.js';
import type { BackupPolicy, BackupReport, RestoreTest } from './backups.schemas.js';
import type { Allocation, HostingRequestSummary, HostingTest } from './hosting-requests.schemas.js';
import type { AccessAuthority, ActivityRecord, Device } from './registry.schemas.js';

const iso = (value: string) => new Date(value).toISOString();
const isoOrNull = (value: string | null) => (value ? iso(value) : null);

/** Presents an agency that is known to exist (a foreign key) or a placeholder never shown. */
export const agencyOf = (refs: Map<string, AgencyRef>, id: string): AgencyRef =>
  refs.get(id) ?? { id, code: '', name: '' };

export function presentHostingSummary(
  row: HostingRequestRow,
  instance: WorkflowInstance,
  agency: AgencyRef,
  now = new Date(),
): Static<typeof HostingRequestSummary> {
  return {
    id: row.id,
    agency,
    serviceType: row.serviceType,
    applicationName: row.applicationName,
    applicationId: row.applicationId,
    dataClassification: row.dataClassification,
    state: instance.state as HostingState,
    stateEnteredAt: iso(instance.stateEnteredAt),
    dueAt: isoOrNull(instance.dueAt),
    overdue: instance.dueAt !== null && new Date(instance.dueAt) < now,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The request's own fields, as the audit trail records them. */
export function hostingRequestFields(row: HostingRequestRow) {
  return {
    agencyId: row.agencyId,
    serviceType: row.serviceType,
    applicationName: row.applicationName,
    applicationId: row.applicationId,
    description: row.description,
    vcpu: row.vcpu,
    ramGb: row.ramGb,
    storageGb: row.storageGb,
    bandwidthMbps: row.bandwidthMbps,
    operatingSystem: row.operatingSystem,
    domain: row.domain,
    dataClassification: row.dataClassification,
    backupPlan: row.backupPlan,
    disasterRecoveryPlan: row.disasterRecoveryPlan,
    lastRestoreTestOn: row.lastRestoreTestOn,
  };
}

export function presentHostingTest(row: HostingTestRow): Static<typeof HostingTest> {
  return {
    round: row.round,
    checklist: row.checklist.map((c) => ({ item: c.item, result: c.result, notes: c.notes })),
    findings: row.findings,
    attachmentIds: row.attachmentIds,
    recordedBy: row.recordedBy,
    recordedByName: row.recordedByName,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentAllocation(row: HostingAllocationRow): Static<typeof Allocation> {
  return {
    hostName: row.hostName,
    ipAddress: row.ipAddress,
    deviceId: row.deviceId,
    vcpu: row.vcpu,
    ramGb: row.ramGb,
    storageGb: row.storageGb,
    bandwidthMbps: row.bandwidthMbps,
    allocatedOn: row.allocatedOn,
    notes: row.notes,
    recordedBy: row.recordedBy,
    createdAt: iso(row.createdAt),
  };
}

export function presentDevice(row: DeviceRow, agency: AgencyRef): Static<typeof Device> {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    brand: row.brand,
    model: row.model,
    serialNumber: row.serialNumber,
    location: row.location,
    rack: row.rack,
    agency,
    status: row.status,
    acquiredOn: row.acquiredOn,
    notes: row.notes,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

type AuthorityRow = typeof accessAuthorities.$inferSelect;

/** Active: granted and not (yet) revoked. Review due: its review date has come. */
export function presentAccessAuthority(
  row: AuthorityRow,
  agency: AgencyRef | null,
  today: string,
): Static<typeof AccessAuthority> {
  const active = row.grantedOn <= today && (row.revokedOn === null || row.revokedOn > today);
  return {
    id: row.id,
    personName: row.personName,
    agency,
    affiliation: row.affiliation,
    position: row.position,
    system: row.system,
    deviceId: row.deviceId,
    applicationId: row.applicationId,
    authority: row.authority,
    grantedBy: row.grantedBy,
    grantedOn: row.grantedOn,
    reviewOn: row.reviewOn,
    revokedOn: row.revokedOn,
    notes: row.notes,
    active,
    reviewDue: active && row.reviewOn !== null && row.reviewOn <= today,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

type ActivityRow = typeof activityRecords.$inferSelect;

export function presentActivityRecord(
  row: ActivityRow,
  agency: AgencyRef | null,
): Static<typeof ActivityRecord> {
  return {
    id: row.id,
    startedAt: iso(row.startedAt),
    endedAt: isoOrNull(row.endedAt),
    personName: row.personName,
    agency,
    affiliation: row.affiliation,
    purpose: row.purpose,
    deviceIds: row.deviceIds,
    notes: row.notes,
    recordedBy: row.recordedBy,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentBackupPolicy(
  row: BackupPolicyRow,
  agency: AgencyRef,
): Static<typeof BackupPolicy> {
  return {
    id: row.id,
    agency,
    systemName: row.systemName,
    applicationId: row.applicationId,
    frequency: row.frequency,
    location: row.location,
    offsiteCopy: row.offsiteCopy,
    offsiteLocation: row.offsiteLocation,
    retentionDays: row.retentionDays,
    notes: row.notes,
    status: row.status,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentBackupReport(
  row: typeof backupReports.$inferSelect,
): Static<typeof BackupReport> {
  return {
    id: row.id,
    policyId: row.policyId,
    backupOn: row.backupOn,
    result: row.result,
    sizeBytes: row.sizeBytes,
    notes: row.notes,
    recordedBy: row.recordedBy,
    createdAt: iso(row.createdAt),
  };
}

export function presentRestoreTest(
  row: typeof restoreTests.$inferSelect,
): Static<typeof RestoreTest> {
  return {
    id: row.id,
    policyId: row.policyId,
    testedOn: row.testedOn,
    result: row.result,
    durationMinutes: row.durationMinutes,
    notes: row.notes,
    attachmentIds: row.attachmentIds,
    recordedBy: row.recordedBy,
    createdAt: iso(row.createdAt),
  };
}
