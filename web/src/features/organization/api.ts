import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../platform/api/client';
import type { AgencyKind, GovernmentType } from './model';

export interface PublicProfile {
  name: string;
  type: GovernmentType;
  province: string;
  portalDomain: string;
  regulationProfile: string;
  agencyCount: number;
}

export interface Government {
  name: string;
  type: GovernmentType;
  province: string;
  portalDomain: string;
  regulationProfile: string;
  updatedAt: string;
}

export type GovernmentInput = Omit<Government, 'updatedAt'>;

export interface Agency {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  parentId: string | null;
  headName: string | null;
  headNip: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  website: string | null;
  isKominfo: boolean;
  status: 'active' | 'inactive';
  createdAt: string;
  updatedAt: string;
}

export interface AgencyFilters {
  q?: string;
  kind?: string | null;
  status?: string | null;
  page?: number;
  pageSize?: number;
}

export type AgencyInput = Omit<Agency, 'id' | 'createdAt' | 'updatedAt' | 'status'> & {
  status?: Agency['status'];
};

export const organizationKeys = {
  all: ['organization'] as const,
  publicProfile: () => [...organizationKeys.all, 'public-profile'] as const,
  government: () => [...organizationKeys.all, 'government'] as const,
  agencies: () => [...organizationKeys.all, 'agencies'] as const,
  agencyList: (filters: AgencyFilters) =>
    [...organizationKeys.agencies(), 'list', filters] as const,
  agency: (id: string) => [...organizationKeys.agencies(), 'detail', id] as const,
};

export function usePublicProfile() {
  return useQuery({
    queryKey: organizationKeys.publicProfile(),
    queryFn: () => api<PublicProfile>('/public/profile'),
  });
}

export function useGovernment() {
  return useQuery({
    queryKey: organizationKeys.government(),
    queryFn: () => api<Government>('/government'),
  });
}

export function useUpdateGovernment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GovernmentInput) =>
      api<Government>('/government', { method: 'PUT', body: input }),
    onSuccess: (government) => {
      if (government) queryClient.setQueryData(organizationKeys.government(), government);
      return queryClient.invalidateQueries({ queryKey: organizationKeys.government() });
    },
  });
}

export function useAgencies(filters: AgencyFilters) {
  return useQuery({
    queryKey: organizationKeys.agencyList(filters),
    queryFn: ({ signal }) => api<Page<Agency>>('/agencies', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAgency(id: string | null | undefined) {
  return useQuery({
    queryKey: organizationKeys.agency(id ?? ''),
    queryFn: () => api<Agency>(`/agencies/${encodeURIComponent(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useCreateAgency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<AgencyInput>) =>
      api<Agency>('/agencies', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.agencies() }),
  });
}

export function useUpdateAgency(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<AgencyInput>) =>
      api<Agency>(`/agencies/${encodeURIComponent(id)}`, { method: 'PATCH', body: input }),
    onSuccess: (agency) => {
      queryClient.setQueryData(organizationKeys.agency(id), agency);
      return queryClient.invalidateQueries({ queryKey: organizationKeys.agencies() });
    },
  });
}
