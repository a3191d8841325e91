import { changedFields, omitBlank } from '../../../platform/ui/formValues';
import type {
  AllocationInput,
  HostingRequest,
  HostingRequestFields,
  HostingTestInput,
} from '../api';
import type { CheckResult, DataClassification, ServiceType } from '../model';

/** A number field: empty while not filled. */
export type Amount = number | '';

export interface HostingFormValues {
  agencyId: string | null;
  serviceType: ServiceType;
  applicationId: string | null;
  applicationName: string;
  description: string;
  vcpu: Amount;
  ramGb: Amount;
  storageGb: Amount;
  bandwidthMbps: Amount;
  operatingSystem: string;
  domain: string;
  dataClassification: DataClassification;
  backupPlan: string;
  disasterRecoveryPlan: string;
  lastRestoreTestOn: string;
}

const amount = (value: number | null | undefined): Amount => value ?? '';

export function hostingFormValues(
  request?: HostingRequest,
  agencyId: string | null = null,
): HostingFormValues {
  return {
    agencyId: request?.agency.id ?? agencyId,
    serviceType: request?.serviceType ?? 'hosting',
    applicationId: request?.applicationId ?? null,
    applicationName: request?.applicationName ?? '',
    description: request?.description ?? '',
    vcpu: amount(request?.vcpu),
    ramGb: amount(request?.ramGb),
    storageGb: amount(request?.storageGb),
    bandwidthMbps: amount(request?.bandwidthMbps),
    operatingSystem: request?.operatingSystem ?? '',
    domain: request?.domain ?? '',
    dataClassification: request?.dataClassification ?? 'terbatas',
    backupPlan: request?.backupPlan ?? '',
    disasterRecoveryPlan: request?.disasterRecoveryPlan ?? '',
    lastRestoreTestOn: request?.lastRestoreTestOn ?? '',
  };
}

/** The create request: blank fields left out; the agency only when one was chosen. */
export function hostingCreateInput({
  agencyId,
  ...values
}: HostingFormValues): HostingRequestFields & { agencyId?: string } {
  return {
    ...(omitBlank(values) as HostingRequestFields),
    ...(agencyId ? { agencyId } : {}),
  };
}

/** The update request: only what changed, emptied fields as null (the agency is fixed). */
export function hostingUpdateInput(
  initial: HostingFormValues,
  values: HostingFormValues,
): Partial<HostingRequestFields> {
  const { agencyId: _fixed, ...changes } = changedFields(initial, values);
  return changes as Partial<HostingRequestFields>;
}

// ---- The security and feasibility test -----------------------------------------------------

export interface ChecklistRow {
  item: string;
  result: CheckResult | null;
  notes: string;
}

/**
 * The checklist to start from: this round's record when it was saved before; otherwise the items
 * of the previous round (results to be given again); otherwise the suggested items.
 */
export function initialChecklist(
  request: Pick<HostingRequest, 'testRound' | 'tests' | 'checklistTemplate'>,
): ChecklistRow[] {
  const current = request.tests.find((test) => test.round === request.testRound);
  if (current) {
    return current.checklist.map((row) => ({
      item: row.item,
      result: row.result,
      notes: row.notes ?? '',
    }));
  }
  const previous = request.tests[0];
  const items = previous ? previous.checklist.map((row) => row.item) : request.checklistTemplate;
  return items.map((item) => ({ item, result: null, notes: '' }));
}

/** The test record as the server takes it: empty rows dropped, text trimmed. */
export function hostingTestInput(values: {
  checklist: ChecklistRow[];
  findings: string;
  attachmentIds: string[];
}): HostingTestInput {
  const findings = values.findings.trim();
  return {
    checklist: values.checklist
      .filter((row) => row.item.trim())
      .map((row) => ({
        item: row.item.trim(),
        result: row.result ?? 'na',
        ...(row.notes.trim() ? { notes: row.notes.trim() } : {}),
      })),
    ...(findings ? { findings } : {}),
    ...(values.attachmentIds.length ? { attachmentIds: values.attachmentIds } : {}),
  };
}

/** Counts of a checklist's results, for the summary above a recorded test. */
export function checklistSummary(rows: readonly { result: CheckResult | null }[]) {
  return {
    pass: rows.filter((row) => row.result === 'pass').length,
    fail: rows.filter((row) => row.result === 'fail').length,
    na: rows.filter((row) => row.result === 'na').length,
    open: rows.filter((row) => row.result === null).length,
  };
}

// ---- The allocation on acceptance ----------------------------------------------------------

export interface AllocationValues {
  hostName: string;
  ipAddress: string;
  deviceId: string | null;
  vcpu: Amount;
  ramGb: Amount;
  storageGb: Amount;
  bandwidthMbps: Amount;
  allocatedOn: string;
  notes: string;
}

/** The allocation form, starting from what was asked for. */
export function allocationValues(
  request: Pick<HostingRequest, 'vcpu' | 'ramGb' | 'storageGb' | 'bandwidthMbps' | 'domain'>,
  today: string,
): AllocationValues {
  return {
    hostName: request.domain ?? '',
    ipAddress: '',
    deviceId: null,
    vcpu: amount(request.vcpu),
    ramGb: amount(request.ramGb),
    storageGb: amount(request.storageGb),
    bandwidthMbps: amount(request.bandwidthMbps),
    allocatedOn: today,
    notes: '',
  };
}

export function allocationInput(values: AllocationValues): AllocationInput {
  return omitBlank({ ...values, hostName: values.hostName.trim() }) as AllocationInput;
}
