import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api/client';
import { organizationKeys } from '../organization/api';

export const STATUSES = [
  'met',
  'due_soon',
  'late',
  'missing',
  'not_applicable',
  'not_supported',
] as const;
export type Status = (typeof STATUSES)[number];

export const MODULES = [
  'organization',
  'applications',
  'datacenter',
  'interop',
  'data',
  'services',
  'servicedesk',
  'management',
  'ictaudit',
  'architecture',
  'planning',
  'network',
  'evaluation',
  'compliance',
] as const;

export const KINDS = [
  'registry',
  'workflow',
  'recurring_submission',
  'document',
  'standard',
  'organisation',
  'infrastructure',
  'review',
  'other',
] as const;

export const STATUS_COLORS: Record<Status, string> = {
  met: 'teal',
  due_soon: 'yellow',
  late: 'red',
  missing: 'orange',
  not_applicable: 'gray',
  not_supported: 'indigo',
};

export interface Bilingual {
  id: string;
  en: string;
}

export interface Obligation {
  id: string;
  article: string;
  text: string;
  summary_en: string;
  binds: string;
  kind: string;
  period: string | null;
  module: string;
  check: string;
}

export interface EvidenceRecord {
  type: string;
  id: string;
  label: string;
  link: string | null;
}

export interface PartyResult {
  key: string;
  kind: string;
  label: string;
  agencyId: string | null;
  status: Status;
  reason: Bilingual;
  dueOn: string | null;
  records: EvidenceRecord[];
  decidedBy: string;
}

export interface ObligationResult {
  obligation: Obligation;
  check: { type: string; params: Record<string, unknown> };
  supported: boolean;
  parties: PartyResult[];
  summary: Record<Status, number>;
}

export interface Evaluation {
  profileId: string;
  title: string;
  today: string;
  evaluatedAt: string;
  obligations: ObligationResult[];
  summary: Record<Status, number>;
  canRecordFor: string[];
}

export interface Evidence {
  id: string;
  kind: 'submission' | 'attestation';
  obligationId: string;
  partyKey: string;
  period: string | null;
  recordedOn: string;
  validUntil: string | null;
  fileId: string | null;
  url: string | null;
  statement: string;
  recordedByName: string;
  createdAt: string;
}

export interface ObligationDetail {
  profileId: string;
  result: ObligationResult;
  evidence: Evidence[];
  accepts: ('submission' | 'attestation')[];
  canRecordFor: string[];
}

export interface ProfileSummary {
  id: string;
  shipped: boolean;
  basedOn: string | null;
  version: number;
  title: string;
  region: string;
  obligations: number;
  retired: number;
  updatedAt: string | null;
  active: boolean;
}

export interface Snapshot {
  id: string;
  profileId: string;
  takenAt: string;
  summary: Record<Status, number>;
}

export interface EvaluationFilters {
  module?: string | null;
  kind?: string | null;
  status?: string | null;
  party?: string | null;
}

export const complianceKeys = {
  all: ['compliance'] as const,
  evaluation: (filters: EvaluationFilters) =>
    [...complianceKeys.all, 'evaluation', filters] as const,
  obligation: (id: string) => [...complianceKeys.all, 'obligation', id] as const,
  profiles: () => [...complianceKeys.all, 'profiles'] as const,
  snapshots: () => [...complianceKeys.all, 'snapshots'] as const,
};

export function useEvaluation(filters: EvaluationFilters) {
  return useQuery({
    queryKey: complianceKeys.evaluation(filters),
    queryFn: ({ signal }) =>
      api<Evaluation>('/compliance/evaluation', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useObligation(id: string) {
  return useQuery({
    queryKey: complianceKeys.obligation(id),
    queryFn: ({ signal }) =>
      api<ObligationDetail>(`/compliance/obligations/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useProfiles() {
  return useQuery({
    queryKey: complianceKeys.profiles(),
    queryFn: ({ signal }) => api<ProfileSummary[]>('/compliance/profiles', { signal }),
  });
}

export function useSnapshots(enabled: boolean) {
  return useQuery({
    queryKey: complianceKeys.snapshots(),
    queryFn: ({ signal }) => api<Snapshot[]>('/compliance/snapshots', { signal }),
    enabled,
  });
}

/** Every change in compliance can move any status: refetch the whole context. */
function useInvalidateAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: complianceKeys.all });
}

export interface RecordEvidenceInput {
  kind: 'submission' | 'attestation';
  obligationId: string;
  partyKey: string;
  fileId?: string | null;
  url?: string | null;
  statement: string;
  validUntil?: string | null;
  recordedOn?: string;
}

export function useRecordEvidence() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: RecordEvidenceInput) =>
      api<Evidence>('/compliance/evidence', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useSelectProfile() {
  const invalidate = useInvalidateAll();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) =>
      api('/compliance/active-profile', { method: 'PUT', body: { profileId } }),
    onSuccess: async () => {
      await invalidate();
      await client.invalidateQueries({ queryKey: organizationKeys.government() });
    },
  });
}

export function useCopyProfile() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: { from: string; id: string; title?: string }) =>
      api('/compliance/profiles', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useImportProfile() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, document }: { id: string; document: unknown }) =>
      api('/compliance/profiles/import', { method: 'POST', query: { id }, body: document }),
    onSuccess: invalidate,
  });
}

export interface ProfileObligation extends Obligation {
  retired?: boolean;
  check_type?: { type: string; params: Record<string, unknown> };
}

export interface ProfileDocument {
  regulation: { id: string; title: string; region: string; province: string; year: number };
  notes: string[];
  obligations: ProfileObligation[];
}

export function useProfileDocument(id: string) {
  return useQuery({
    queryKey: [...complianceKeys.profiles(), 'document', id],
    queryFn: ({ signal }) =>
      api<ProfileDocument>(`/compliance/profiles/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useSaveObligation(profileId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, ...fields }: ProfileObligation) =>
      api<ProfileObligation>(
        `/compliance/profiles/${encodeURIComponent(profileId)}/obligations/${encodeURIComponent(id)}`,
        { method: 'PUT', body: fields },
      ),
    onSuccess: invalidate,
  });
}

export function useTakeSnapshot() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: () => api<Snapshot>('/compliance/snapshots', { method: 'POST' }),
    onSuccess: invalidate,
  });
}

/** Record links come as `/console/…`; the router's paths are relative to `/console`. */
export const consolePath = (link: string) => link.replace(/^\/console(?=\/)/, '');
