import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, type QueryParams } from '../../platform/api/client';
import type {
  AvailableTransition,
  TimelineEvent,
  TransitionInput,
} from '../../platform/workflow/types';
import type { ApiStatus, SubscriptionState, Visibility } from './model';

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  summary: string | null;
  scope: string | null;
}

export interface ApiSummary {
  id: string;
  agency: AgencyRef;
  name: string;
  slug: string;
  version: string;
  description: string | null;
  visibility: Visibility;
  dataClassification: string;
  status: ApiStatus;
  gatewayPath: string;
  operationCount: number;
  publishedAt: string | null;
  updatedAt: string;
}

export interface ApiDetail extends ApiSummary {
  operations: Operation[];
  openapiVersion: string | null;
  upstreamUrl: string | null;
  upstreamHeaderName: string | null;
  timeoutMs: number;
  maxRequestBytes: number;
  canManage: boolean;
  canSubscribe: boolean;
}

export interface Plan {
  ratePerMinute: number;
  dailyQuota: number | null;
  monthlyQuota: number | null;
}

export interface SubscriptionSummary {
  id: string;
  api: { id: string; name: string; version: string; gatewayPath: string; agency: AgencyRef };
  consumer: { id: string; applicationId: string; name: string; agency: AgencyRef };
  purpose: string;
  scopes: string[] | null;
  plan: Plan;
  state: SubscriptionState;
  dueAt: string | null;
  createdAt: string;
}

export interface SubscriptionDetail extends SubscriptionSummary {
  timeline: TimelineEvent[];
  transitions: AvailableTransition[];
  canSetPlan: boolean;
}

export interface Credential {
  id: string;
  consumerId: string;
  applicationId: string;
  kind: 'api_key' | 'oauth_client';
  label: string;
  clientId: string | null;
  prefix: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastRotatedAt: string | null;
  /** The secret the last rotation replaced, while its grace period runs. */
  previous: { prefix: string; expiresAt: string } | null;
  createdAt: string;
}

export interface IssuedCredential extends Credential {
  secret: string;
}

export interface UsageRow {
  day: string;
  api: { id: string | null; name: string; version: string };
  consumer: { id: string | null; name: string };
  calls: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface Usage {
  from: string;
  to: string;
  rows: UsageRow[];
  totals: { calls: number; errors: number };
}

export type OpenApiSource = { document: string } | { url: string };

export interface CreateApiInput {
  name: string;
  slug: string;
  version: string;
  description?: string | null;
  upstreamUrl: string;
  visibility: Visibility;
  dataClassification: string;
  openapi?: OpenApiSource;
}

const keys = {
  all: ['interop'] as const,
  apis: (query: QueryParams) => ['interop', 'apis', query] as const,
  api: (id: string) => ['interop', 'api', id] as const,
  subscriptions: (query: QueryParams) => ['interop', 'subscriptions', query] as const,
  subscription: (id: string) => ['interop', 'subscription', id] as const,
  credentials: (applicationId: string) => ['interop', 'credentials', applicationId] as const,
  usage: (query: QueryParams) => ['interop', 'usage', query] as const,
};

function useInvalidateAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useApis(query: QueryParams) {
  return useQuery({
    queryKey: keys.apis(query),
    queryFn: ({ signal }) => api<Page<ApiSummary>>('/interop/apis', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useApi(id: string | null) {
  return useQuery({
    queryKey: keys.api(id ?? ''),
    queryFn: () => api<ApiDetail>(`/interop/apis/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useCreateApi() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: CreateApiInput) =>
      api<ApiDetail>('/interop/apis', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useApiStatus(id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (status: ApiStatus) =>
      api<ApiDetail>(`/interop/apis/${id}/status`, { method: 'POST', body: { status } }),
    onSuccess: invalidate,
  });
}

export function useUpdateApi(id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: {
      operationScopes?: Record<string, string | null>;
      description?: string | null;
      upstreamUrl?: string;
    }) => api<ApiDetail>(`/interop/apis/${id}`, { method: 'PATCH', body: input }),
    onSuccess: invalidate,
  });
}

export function useImportOpenApi(id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (source: OpenApiSource) =>
      api<ApiDetail>(`/interop/apis/${id}/openapi`, { method: 'PUT', body: source }),
    onSuccess: invalidate,
  });
}

export function useUpstreamCredential(id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: { headerName: string; value: string } | null) =>
      input
        ? api<ApiDetail>(`/interop/apis/${id}/upstream-credential`, { method: 'PUT', body: input })
        : api<ApiDetail>(`/interop/apis/${id}/upstream-credential`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useSubscriptions(query: QueryParams) {
  return useQuery({
    queryKey: keys.subscriptions(query),
    queryFn: ({ signal }) =>
      api<Page<SubscriptionSummary>>('/interop/subscriptions', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSubscription(id: string) {
  return useQuery({
    queryKey: keys.subscription(id),
    queryFn: () => api<SubscriptionDetail>(`/interop/subscriptions/${encodeURIComponent(id)}`),
  });
}

export function useCreateSubscription() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: {
      applicationId: string;
      apiId: string;
      purpose: string;
      scopes?: string[];
    }) => api<SubscriptionDetail>('/interop/subscriptions', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useSubscriptionTransition(id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: TransitionInput) =>
      api<SubscriptionDetail>(`/interop/subscriptions/${id}/transitions`, {
        method: 'POST',
        body: {
          transition: input.transition,
          ...(input.comment ? { comment: input.comment } : {}),
        },
      }),
    onSuccess: invalidate,
  });
}

export function useSubscriptionPlan(id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (plan: Plan) =>
      api<SubscriptionDetail>(`/interop/subscriptions/${id}/plan`, { method: 'PUT', body: plan }),
    onSuccess: invalidate,
  });
}

export function useCredentials(applicationId: string | null) {
  return useQuery({
    queryKey: keys.credentials(applicationId ?? ''),
    queryFn: () => api<Credential[]>('/interop/credentials', { query: { applicationId } }),
    enabled: Boolean(applicationId),
  });
}

export function useCreateCredential() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: { applicationId: string; kind: Credential['kind']; label: string }) =>
      api<IssuedCredential>('/interop/credentials', { method: 'POST', body: input }),
    onSuccess: invalidate,
  });
}

export function useRotateCredential() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ id, graceHours }: { id: string; graceHours: number }) =>
      api<IssuedCredential>(`/interop/credentials/${id}/rotate`, {
        method: 'POST',
        body: { graceHours },
      }),
    onSuccess: invalidate,
  });
}

export function useRevokeCredential() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (id: string) =>
      api<Credential>(`/interop/credentials/${id}/revoke`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useUsage(query: QueryParams) {
  return useQuery({
    queryKey: keys.usage(query),
    queryFn: ({ signal }) => api<Usage>('/interop/usage', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
