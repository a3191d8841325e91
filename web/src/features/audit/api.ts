import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../platform/api/client';

export interface AuditEvent {
  id: string;
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface AuditFilters {
  q?: string;
  action?: string;
  entityType?: string;
  actorId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}

export const auditKeys = {
  all: ['audit'] as const,
  events: (filters: AuditFilters) => [...auditKeys.all, 'events', filters] as const,
};

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: auditKeys.events(filters),
    queryFn: ({ signal }) =>
      api<Page<AuditEvent>>('/audit-events', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Verification walks the whole hash chain, so it runs on demand rather than as a cached query. */
export function useVerifyAuditChain() {
  return useMutation({
    mutationFn: () => api<ChainVerification>('/audit-events/verify'),
  });
}
