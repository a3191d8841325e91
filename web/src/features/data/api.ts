import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type QueryParams } from '../../platform/api/client';
import type { AvailableTransition, TimelineEvent } from '../../platform/workflow/types';

export type DatasetState = 'draft' | 'submitted' | 'returned' | 'published';

export interface DatasetSummary {
  id: string;
  name: string;
  title: string;
  agency: { id: string; name: string } | null;
  topic: string;
  state: DatasetState;
  classification: 'public' | 'restricted';
  formats: string[];
  qualityScore: number;
  updatedAt: string;
  publishedAt: string | null;
}

export interface ValidationError {
  row: number;
  column: string | null;
  code: string;
  value?: string | null;
  message: string;
}

export interface Resource {
  id: string;
  kind: 'table' | 'link';
  name: string;
  description: string;
  format: string;
  url: string | null;
  fileName: string | null;
  size: number | null;
  tableSchema: { fields: { name: string; type?: string }[] } | null;
  validation: {
    valid: boolean;
    rowCount: number;
    errorCount: number;
    errors: ValidationError[];
    encoding?: string;
  } | null;
}

export interface Standard {
  konsep: string;
  definisi: string;
  klasifikasi: string;
  ukuran: string;
  satuan: string;
}

export interface Dataset extends DatasetSummary {
  description: string;
  tags: string[];
  frequency: string;
  temporalStart: string | null;
  temporalEnd: string | null;
  spatialCoverage: string;
  unit: string;
  licenseId: string;
  contactName: string;
  contactEmail: string;
  standard: Standard;
  quality: { score: number; criteria: Record<string, boolean> };
  resources: Resource[];
  reviews: { id: string; decision: string; note: string | null; createdAt: string }[];
  comments: { id: string; authorName: string; body: string; createdAt: string }[];
  checklistItems: { key: string; label: { id: string; en: string } }[];
  editable: boolean;
  canComment: boolean;
  timeline: TimelineEvent[];
  availableTransitions: AvailableTransition[];
}

export type DatasetInput = {
  title: string;
  description?: string;
  topic: string;
  frequency: string;
  tags?: string[];
  classification?: 'public' | 'restricted';
  spatialCoverage?: string;
  temporalStart?: string | null;
  temporalEnd?: string | null;
  unit?: string;
  contactName?: string;
  contactEmail?: string;
  standard?: Standard;
};

const base = '/data/datasets';

export function useDatasets(query: QueryParams) {
  return useQuery({
    queryKey: ['data', 'datasets', query],
    queryFn: () => api<Page<DatasetSummary>>(base, { query }),
  });
}

export function useDataset(id: string) {
  return useQuery({
    queryKey: ['data', 'dataset', id],
    queryFn: () => api<Dataset>(`${base}/${id}`),
  });
}

/** Every mutation of a dataset answers with the dataset: it replaces the cached one. */
function useDatasetMutation<V>(id: string, call: (values: V) => Promise<Dataset>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (dataset) => {
      client.setQueryData(['data', 'dataset', id], dataset);
      void client.invalidateQueries({ queryKey: ['data', 'datasets'] });
    },
  });
}

export function useCreateDataset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DatasetInput) => api<Dataset>(base, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['data', 'datasets'] }),
  });
}

export const useUpdateDataset = (id: string) =>
  useDatasetMutation(id, (body: Partial<DatasetInput>) =>
    api<Dataset>(`${base}/${id}`, { method: 'PATCH', body }),
  );

export const useAddResource = (id: string) =>
  useDatasetMutation(id, (body: Record<string, unknown>) =>
    api<Dataset>(`${base}/${id}/resources`, { method: 'POST', body }),
  );

export const useUploadResourceFile = (id: string) =>
  useDatasetMutation(id, ({ resourceId, file }: { resourceId: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return api<Dataset>(`${base}/${id}/resources/${resourceId}/file`, {
      method: 'PUT',
      body: form,
    });
  });

export const useDatasetTransition = (id: string) =>
  useDatasetMutation(
    id,
    (body: { transition: string; comment?: string; checklist?: Record<string, boolean> }) =>
      api<Dataset>(`${base}/${id}/transitions`, { method: 'POST', body }),
  );

export const useAddComment = (id: string) =>
  useDatasetMutation(id, (body: { body: string }) =>
    api<Dataset>(`${base}/${id}/comments`, { method: 'POST', body }),
  );

export interface PlanRow {
  id: string;
  agencyId: string;
  classification: 'public' | 'restricted';
  year: number;
  title: string;
  topic: string;
  frequency: string;
  agencyName: string;
  datasetName: string | null;
  datasetState: string | null;
}

export function useDataPlans(year: number) {
  return useQuery({
    queryKey: ['data', 'plans', year],
    queryFn: () => api<PlanRow[]>('/data/plans', { query: { year } }),
  });
}

export const useUpdateResourceSchema = (id: string) =>
  useDatasetMutation(
    id,
    ({ resourceId, tableSchema }: { resourceId: string; tableSchema: unknown }) =>
      api<Dataset>(`${base}/${id}/resources/${resourceId}/schema`, {
        method: 'PUT',
        body: { tableSchema },
      }),
  );

export interface PlanInput {
  agencyId?: string;
  year: number;
  title: string;
  topic: string;
  frequency: string;
  classification?: 'public' | 'restricted';
}

export function useSaveDataPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: PlanInput & { id?: string }) =>
      id
        ? api<PlanRow>(`/data/plans/${id}`, { method: 'PATCH', body })
        : api<PlanRow>('/data/plans', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['data', 'plans'] }),
  });
}

export interface ReferenceList {
  id: string;
  code: string;
  version: string;
  name: string;
  source: string;
  validFrom: string;
}

export interface ReferenceCode {
  code: string;
  label: string;
  parentCode?: string | null;
}

export function useReferenceLists() {
  return useQuery({
    queryKey: ['data', 'reference-lists'],
    queryFn: () => api<ReferenceList[]>('/data/reference-lists'),
  });
}

export function useReferenceList(id: string | null) {
  return useQuery({
    queryKey: ['data', 'reference-list', id],
    queryFn: () => api<ReferenceList & { codes: ReferenceCode[] }>(`/data/reference-lists/${id}`),
    enabled: id !== null,
  });
}

export function useCreateReferenceList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<ReferenceList, 'id'> & { codes: ReferenceCode[] }) =>
      api<ReferenceList>('/data/reference-lists', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['data', 'reference-lists'] }),
  });
}
