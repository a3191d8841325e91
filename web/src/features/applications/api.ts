import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile, type Page } from '../../platform/api/client';
import type {
  AvailableTransition,
  Label,
  TimelineEvent,
  TransitionInput,
} from '../../platform/workflow/types';
import { type ApplicationFilters, applicationQuery } from './filters';
import type {
  ApplicationKind,
  ApplicationStatus,
  Complexity,
  DataClassification,
  DocumentKind,
  HandoverStatus,
  HostingLocation,
  NationalRelation,
  Stage,
} from './model';

export interface Completeness {
  /** False for an entry that is a national aplikasi umum: its documents are held nationally. */
  required: boolean;
  present: number;
  total: number;
  missing: DocumentKind[];
}

export interface ApplicationSummary {
  id: string;
  agencyId: string;
  agency: { id: string; code: string; name: string; shortName: string | null };
  name: string;
  kind: ApplicationKind;
  complexity: Complexity | null;
  nationalApplication: { id: string; code: string; name: string } | null;
  nationalRelation: NationalRelation | null;
  description: string | null;
  url: string | null;
  subdomain: string | null;
  hostingLocation: HostingLocation;
  dataClassification: DataClassification;
  technologyStack: string | null;
  sourceRepositoryUrl: string | null;
  vendorName: string | null;
  handoverDate: string | null;
  handoverStatus: HandoverStatus | null;
  status: ApplicationStatus;
  stage: Stage;
  stageEnteredAt: string;
  registeredOn: string;
  lastAuditDate: string | null;
  auditDueDate: string;
  auditOverdue: boolean;
  completeness: Completeness;
  createdAt: string;
  updatedAt: string;
}

export interface ApplicationDocument {
  id: string;
  kind: DocumentKind;
  version: number;
  fileId: string;
  originalName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedByName: string | null;
  createdAt: string;
}

interface LifecycleRecord {
  at: string;
  actorLabel: string;
  notes: string | null;
  attachmentIds: string[];
}

export interface ApplicationDetail extends ApplicationSummary {
  documents: {
    kind: DocumentKind;
    current: ApplicationDocument | null;
    /** Every version, newest first (the current one included). */
    history: ApplicationDocument[];
  }[];
  lifecycle: {
    workflowId: string;
    stages: { name: Stage; label: Label }[];
    timeline: TimelineEvent[];
    availableTransitions: AvailableTransition[];
    consultations: LifecycleRecord[];
    feasibilityTests: (LifecycleRecord & { result: 'pass' | 'fail' })[];
  };
}

export interface NationalApplication {
  id: string;
  code: string;
  name: string;
  owner: string;
  area: string;
  source: string;
  version: string;
  active: boolean;
}

/** The registry fields, as create and update send them. */
export interface ApplicationFields {
  name: string;
  kind: ApplicationKind;
  complexity?: Complexity | null;
  nationalApplicationId?: string | null;
  nationalRelation?: NationalRelation | null;
  description?: string | null;
  url?: string | null;
  subdomain?: string | null;
  hostingLocation: HostingLocation;
  dataClassification: DataClassification;
  technologyStack?: string | null;
  sourceRepositoryUrl?: string | null;
  vendorName?: string | null;
  handoverDate?: string | null;
  handoverStatus?: HandoverStatus | null;
  lastAuditDate?: string | null;
}

export type CreateApplicationInput = ApplicationFields & { agencyId: string; stage?: Stage };
export type UpdateApplicationInput = Partial<ApplicationFields & { status: ApplicationStatus }>;

export const applicationKeys = {
  all: ['applications'] as const,
  lists: () => [...applicationKeys.all, 'list'] as const,
  list: (filters: ApplicationFilters, page: number, pageSize: number) =>
    [...applicationKeys.lists(), filters, page, pageSize] as const,
  options: (agencyId: string | null) => [...applicationKeys.all, 'options', agencyId] as const,
  detail: (id: string) => [...applicationKeys.all, 'detail', id] as const,
  national: () => [...applicationKeys.all, 'national'] as const,
};

export function useApplications(filters: ApplicationFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: applicationKeys.list(filters, page, pageSize),
    queryFn: ({ signal }) =>
      api<Page<ApplicationSummary>>('/applications', {
        query: { ...applicationQuery(filters), page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Applications of one agency (or all readable ones), for pickers in other modules. */
export function useApplicationOptions(agencyId: string | null, enabled = true) {
  return useQuery({
    queryKey: applicationKeys.options(agencyId),
    queryFn: ({ signal }) =>
      api<Page<ApplicationSummary>>('/applications', {
        query: { agencyId, status: 'active', pageSize: 100 },
        signal,
      }),
    enabled,
    staleTime: 60_000,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKeys.detail(id),
    queryFn: () => api<ApplicationDetail>(`/applications/${encodeURIComponent(id)}`),
  });
}

export function useNationalApplications() {
  return useQuery({
    queryKey: applicationKeys.national(),
    queryFn: () => api<{ items: NationalApplication[] }>('/reference/national-applications'),
    staleTime: 10 * 60_000,
  });
}

/** Saves the filtered registry (every page) as an Excel workbook, in the UI language. */
export function downloadApplicationsXlsx(filters: ApplicationFilters): Promise<void> {
  return downloadFile('/applications/export.xlsx', applicationQuery(filters), 'aplikasi-spbe.xlsx');
}

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApplicationInput) =>
      api<ApplicationDetail>('/applications', { method: 'POST', body: input }),
    onSuccess: (app) => {
      queryClient.setQueryData(applicationKeys.detail(app.id), app);
      return queryClient.invalidateQueries({ queryKey: applicationKeys.lists() });
    },
  });
}

/** A change of one application: the server answers with the whole detail, lists are refreshed. */
function useApplicationMutation<I>(id: string, request: (input: I) => Promise<ApplicationDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (app) => {
      queryClient.setQueryData(applicationKeys.detail(id), app);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: applicationKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: [...applicationKeys.all, 'options'] }),
      ]);
    },
  });
}

const path = (id: string, suffix = '') => `/applications/${encodeURIComponent(id)}${suffix}`;

export function useUpdateApplication(id: string) {
  return useApplicationMutation(id, (input: UpdateApplicationInput) =>
    api<ApplicationDetail>(path(id), { method: 'PATCH', body: input }),
  );
}

export function useAttachDocument(id: string) {
  return useApplicationMutation(id, (input: { kind: DocumentKind; fileId: string }) =>
    api<ApplicationDetail>(path(id, '/documents'), { method: 'POST', body: input }),
  );
}

export function useApplicationTransition(id: string) {
  return useApplicationMutation(id, (input: TransitionInput) =>
    api<ApplicationDetail>(path(id, '/transitions'), { method: 'POST', body: input }),
  );
}
