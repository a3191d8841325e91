import {
  keepPreviousData,
  type QueryKey,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Page, type QueryParams } from '../../platform/api/client';
import type {
  AvailableTransition,
  TimelineEvent,
  TransitionInput,
} from '../../platform/workflow/types';
import type {
  AccessAuthorityLevel,
  BackupFrequency,
  BackupResult,
  CheckResult,
  DataClassification,
  DeviceKind,
  DeviceStatus,
  HostingState,
  PolicyStatus,
  RestoreResult,
  ServiceType,
} from './model';

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

// ---- Hosting requests ----------------------------------------------------------------------

export interface HostingRequestSummary {
  id: string;
  agency: AgencyRef;
  serviceType: ServiceType;
  applicationName: string;
  applicationId: string | null;
  dataClassification: DataClassification;
  state: HostingState;
  stateEnteredAt: string;
  /** SLA deadline of the current state on the working calendar; null without an SLA. */
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ChecklistItem {
  item: string;
  result: CheckResult;
  notes: string | null;
}

export interface HostingTest {
  round: number;
  checklist: ChecklistItem[];
  findings: string | null;
  attachmentIds: string[];
  recordedBy: string | null;
  recordedByName: string;
  createdAt: string;
  updatedAt: string;
}

export interface Allocation {
  hostName: string;
  ipAddress: string | null;
  deviceId: string | null;
  vcpu: number | null;
  ramGb: number | null;
  storageGb: number | null;
  bandwidthMbps: number | null;
  allocatedOn: string;
  notes: string | null;
  recordedBy: string | null;
  createdAt: string;
}

export interface HostingRequest extends HostingRequestSummary {
  description: string | null;
  vcpu: number | null;
  ramGb: number | null;
  storageGb: number | null;
  bandwidthMbps: number | null;
  operatingSystem: string | null;
  domain: string | null;
  backupPlan: string | null;
  disasterRecoveryPlan: string | null;
  lastRestoreTestOn: string | null;
  createdBy: string | null;
  testRound: number;
  /** The agency may still change it (draft or returned) and the caller acts for the agency. */
  editable: boolean;
  /** Fields to fill before `submit`/`resubmit` are possible. */
  missingForSubmission: string[];
  timeline: TimelineEvent[];
  availableTransitions: AvailableTransition[];
  /** Every round's test, newest first. */
  tests: HostingTest[];
  allocation: Allocation | null;
  /** Suggested checklist items in the caller's language. */
  checklistTemplate: string[];
}

export interface HostingRequestFields {
  serviceType: ServiceType;
  applicationName: string;
  applicationId?: string | null;
  description?: string | null;
  vcpu?: number | null;
  ramGb?: number | null;
  storageGb?: number | null;
  bandwidthMbps?: number | null;
  operatingSystem?: string | null;
  domain?: string | null;
  dataClassification: DataClassification;
  backupPlan?: string | null;
  disasterRecoveryPlan?: string | null;
  lastRestoreTestOn?: string | null;
}

export interface HostingTestInput {
  checklist: { item: string; result: CheckResult; notes?: string }[];
  findings?: string;
  attachmentIds?: string[];
}

export interface AllocationInput {
  hostName: string;
  ipAddress?: string;
  deviceId?: string | null;
  vcpu?: number | null;
  ramGb?: number | null;
  storageGb?: number | null;
  bandwidthMbps?: number | null;
  allocatedOn: string;
  notes?: string;
}

export type HostingTransitionInput = TransitionInput & {
  test?: HostingTestInput;
  allocation?: AllocationInput;
};

export interface HostingRequestFilters {
  q?: string;
  state?: string | null;
  agencyId?: string | null;
  serviceType?: string | null;
  page?: number;
  pageSize?: number;
}

// ---- Registries ----------------------------------------------------------------------------

export interface Device {
  id: string;
  name: string;
  kind: DeviceKind;
  brand: string | null;
  model: string | null;
  serialNumber: string | null;
  location: string | null;
  rack: string | null;
  agency: AgencyRef;
  status: DeviceStatus;
  acquiredOn: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AccessAuthority {
  id: string;
  personName: string;
  agency: AgencyRef | null;
  affiliation: string | null;
  position: string | null;
  system: string;
  deviceId: string | null;
  applicationId: string | null;
  authority: AccessAuthorityLevel;
  grantedBy: string;
  grantedOn: string;
  reviewOn: string | null;
  revokedOn: string | null;
  notes: string | null;
  active: boolean;
  reviewDue: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityRecord {
  id: string;
  startedAt: string;
  endedAt: string | null;
  personName: string;
  agency: AgencyRef | null;
  affiliation: string | null;
  purpose: string;
  deviceIds: string[];
  notes: string | null;
  recordedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

// ---- Backups -------------------------------------------------------------------------------

export interface BackupPolicy {
  id: string;
  agency: AgencyRef;
  systemName: string;
  applicationId: string | null;
  frequency: BackupFrequency;
  location: string;
  offsiteCopy: boolean;
  offsiteLocation: string | null;
  retentionDays: number | null;
  notes: string | null;
  status: PolicyStatus;
  createdAt: string;
  updatedAt: string;
}

export interface BackupReport {
  id: string;
  policyId: string;
  backupOn: string;
  result: BackupResult;
  sizeBytes: number | null;
  notes: string | null;
  recordedBy: string | null;
  createdAt: string;
}

export interface RestoreTest {
  id: string;
  policyId: string;
  testedOn: string;
  result: RestoreResult;
  durationMinutes: number | null;
  notes: string | null;
  attachmentIds: string[];
  recordedBy: string | null;
  createdAt: string;
}

export interface SupervisionRow {
  policy: BackupPolicy;
  lastBackup: { on: string; result: string } | null;
  lastSuccessfulBackupOn: string | null;
  backupOverdue: boolean;
  backupDueBy: string;
  lastRestoreTest: { on: string; result: string } | null;
  lastSuccessfulRestoreTestOn: string | null;
  restoreTestOverdue: boolean;
  restoreTestDueBy: string;
}

export interface Supervision extends Page<SupervisionRow> {
  asOf: string;
  thresholds: {
    backupMaxAgeDays: Record<BackupFrequency, number>;
    restoreTestMaxAgeDays: number;
  };
  summary: {
    policies: number;
    backupOverdue: number;
    restoreTestOverdue: number;
    withoutOffsiteCopy: number;
  };
}

// ---- Keys ----------------------------------------------------------------------------------

/** The catalogues of the Pusat Data, by their path under `/datacenter`. */
export type Catalogue = 'devices' | 'authorities' | 'activities' | 'backup-policies';

export const datacenterKeys = {
  all: ['datacenter'] as const,
  hostingLists: () => [...datacenterKeys.all, 'hosting', 'list'] as const,
  hostingList: (filters: HostingRequestFilters) =>
    [...datacenterKeys.hostingLists(), filters] as const,
  hosting: (id: string) => [...datacenterKeys.all, 'hosting', 'detail', id] as const,
  catalogue: (name: Catalogue) => [...datacenterKeys.all, name] as const,
  catalogueList: (name: Catalogue, filters: QueryParams) =>
    [...datacenterKeys.catalogue(name), 'list', filters] as const,
  catalogueItem: (name: Catalogue, id: string) =>
    [...datacenterKeys.catalogue(name), 'detail', id] as const,
  history: (policyId: string, kind: 'reports' | 'restore-tests', page: number) =>
    [...datacenterKeys.catalogue('backup-policies'), 'detail', policyId, kind, page] as const,
  supervision: (filters: QueryParams) => [...datacenterKeys.all, 'supervision', filters] as const,
};

const BASE = '/datacenter';
const at = (...parts: string[]) => [BASE, ...parts.map(encodeURIComponent)].join('/');

// ---- Hosting request hooks -----------------------------------------------------------------

export function useHostingRequests(filters: HostingRequestFilters) {
  return useQuery({
    queryKey: datacenterKeys.hostingList(filters),
    queryFn: ({ signal }) =>
      api<Page<HostingRequestSummary>>(at('hosting-requests'), { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHostingRequest(id: string) {
  return useQuery({
    queryKey: datacenterKeys.hosting(id),
    queryFn: () => api<HostingRequest>(at('hosting-requests', id)),
  });
}

export function useCreateHostingRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HostingRequestFields & { agencyId?: string }) =>
      api<HostingRequest>(at('hosting-requests'), { method: 'POST', body: input }),
    onSuccess: (request) => {
      queryClient.setQueryData(datacenterKeys.hosting(request.id), request);
      return queryClient.invalidateQueries({ queryKey: datacenterKeys.hostingLists() });
    },
  });
}

/** A change of one request: the server answers with the whole view, lists are refreshed. */
function useHostingMutation<I>(id: string, request: (input: I) => Promise<HostingRequest>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (view) => {
      queryClient.setQueryData(datacenterKeys.hosting(id), view);
      return queryClient.invalidateQueries({ queryKey: datacenterKeys.hostingLists() });
    },
  });
}

export function useUpdateHostingRequest(id: string) {
  return useHostingMutation(id, (input: Partial<HostingRequestFields>) =>
    api<HostingRequest>(at('hosting-requests', id), { method: 'PATCH', body: input }),
  );
}

export function useRecordHostingTest(id: string) {
  return useHostingMutation(id, (input: HostingTestInput) =>
    api<HostingRequest>(`${at('hosting-requests', id)}/test`, { method: 'PUT', body: input }),
  );
}

export function useHostingTransition(id: string) {
  return useHostingMutation(id, (input: HostingTransitionInput) =>
    api<HostingRequest>(`${at('hosting-requests', id)}/transitions`, {
      method: 'POST',
      body: input,
    }),
  );
}

// ---- Catalogue hooks (devices, authorities, activities, backup policies) -------------------

export function useCatalogue<T>(name: Catalogue, filters: QueryParams, enabled = true) {
  return useQuery({
    queryKey: datacenterKeys.catalogueList(name, filters),
    queryFn: ({ signal }) => api<Page<T>>(at(name), { query: filters, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCatalogueItem<T>(name: Catalogue, id: string) {
  return useQuery({
    queryKey: datacenterKeys.catalogueItem(name, id),
    queryFn: () => api<T>(at(name, id)),
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return (...keys: QueryKey[]) =>
    Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** Creates an entry of a catalogue; every list of it is refreshed. */
export function useCreateCatalogueEntry<I, T>(name: Catalogue) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: I) => api<T>(at(name), { method: 'POST', body: input }),
    onSuccess: () =>
      invalidate(datacenterKeys.catalogue(name), [...datacenterKeys.all, 'supervision']),
  });
}

/** Changes an entry of a catalogue (only the changed fields); lists and the entry are refreshed. */
export function useUpdateCatalogueEntry<I, T>(name: Catalogue) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: I }) =>
      api<T>(at(name, id), { method: 'PATCH', body: input }),
    onSuccess: () =>
      invalidate(datacenterKeys.catalogue(name), [...datacenterKeys.all, 'supervision']),
  });
}

// ---- Backup history and supervision --------------------------------------------------------

export function useBackupHistory<T>(
  policyId: string,
  kind: 'reports' | 'restore-tests',
  page: number,
) {
  return useQuery({
    queryKey: datacenterKeys.history(policyId, kind, page),
    queryFn: ({ signal }) =>
      api<Page<T>>(`${at('backup-policies', policyId)}/${kind}`, {
        query: { page, pageSize: 10 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useRecordBackupEvent<I>(policyId: string, kind: 'reports' | 'restore-tests') {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: I) =>
      api<unknown>(`${at('backup-policies', policyId)}/${kind}`, { method: 'POST', body: input }),
    onSuccess: () =>
      invalidate(
        [...datacenterKeys.catalogue('backup-policies'), 'detail', policyId],
        [...datacenterKeys.all, 'supervision'],
      ),
  });
}

export function useBackupSupervision(filters: QueryParams, enabled = true) {
  return useQuery({
    queryKey: datacenterKeys.supervision(filters),
    queryFn: ({ signal }) =>
      api<Supervision>(`${BASE}/backup-supervision`, { query: filters, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
