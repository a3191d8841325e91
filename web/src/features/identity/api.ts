import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, setCsrfToken } from '../../platform/api/client';
import type { AgencyRef, RoleAssignment, SessionResponse } from '../../platform/auth/session';
import { LOGIN_URL, sessionKey } from '../../platform/auth/session';
import type { RoleInput } from './roles';

export interface Providers {
  oidc: { enabled: boolean; label: string };
}

export interface LoginInput {
  email: string;
  password: string;
  totpCode?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  nip: string | null;
  position: string | null;
  phone: string | null;
  agencyId: string | null;
  agency: AgencyRef | null;
  status: 'active' | 'disabled';
  roles: RoleAssignment[];
  totpEnabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface UserFilters {
  q?: string;
  agencyId?: string | null;
  role?: string | null;
  page?: number;
  pageSize?: number;
}

export interface CreateUserInput {
  email: string;
  name: string;
  nip?: string;
  position?: string;
  phone?: string;
  agencyId: string;
  password: string;
  roles: RoleInput[];
}

export interface UpdateUserInput {
  name?: string;
  nip?: string | null;
  position?: string | null;
  phone?: string | null;
  agencyId?: string;
  status?: 'active' | 'disabled';
}

export const identityKeys = {
  all: ['identity'] as const,
  providers: () => [...identityKeys.all, 'providers'] as const,
  tokens: () => [...identityKeys.all, 'tokens'] as const,
  users: () => [...identityKeys.all, 'users'] as const,
  userList: (filters: UserFilters) => [...identityKeys.users(), 'list', filters] as const,
  user: (id: string) => [...identityKeys.users(), 'detail', id] as const,
};

// ---- Session -------------------------------------------------------------------------------

export function useProviders() {
  return useQuery({
    queryKey: identityKeys.providers(),
    queryFn: () => api<Providers>('/providers'),
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) =>
      api<SessionResponse>('/auth/login', { method: 'POST', body: input }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionKey, session.user);
    },
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      // A full page load drops every cached screen of the previous user.
      window.location.replace(LOGIN_URL);
    },
  });
}

/** Re-reads `/auth/me` after account changes (password, TOTP) so flags stay current. */
function useRefreshSession() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sessionKey });
}

export function useChangePassword() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api<void>('/auth/password', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useTotpSetup() {
  return useMutation({
    mutationFn: () =>
      api<{ secret: string; otpauthUrl: string }>('/auth/totp/setup', { method: 'POST' }),
  });
}

export function useTotpEnable() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (input: { code: string }) =>
      api<void>('/auth/totp/enable', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

export function useTotpDisable() {
  const refresh = useRefreshSession();
  return useMutation({
    mutationFn: (input: { password: string }) =>
      api<void>('/auth/totp/disable', { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

// ---- Personal API tokens -------------------------------------------------------------------

export function useTokens() {
  return useQuery({
    queryKey: identityKeys.tokens(),
    queryFn: () => api<{ items: ApiToken[] }>('/auth/tokens'),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number }) =>
      api<{ token: string; item: ApiToken }>('/auth/tokens', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.tokens() }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<void>(`/auth/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.tokens() }),
  });
}

// ---- Users ---------------------------------------------------------------------------------

export function useUsers(filters: UserFilters, enabled = true) {
  return useQuery({
    queryKey: identityKeys.userList(filters),
    queryFn: ({ signal }) => api<Page<User>>('/users', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: identityKeys.user(id),
    queryFn: () => api<User>(`/users/${encodeURIComponent(id)}`),
  });
}

/** Mutations on one user: the server returns the updated user (or 204), lists are refreshed. */
function useUserMutation<I, O>(id: string, request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'id' in result) {
        queryClient.setQueryData(identityKeys.user(id), result);
      }
      return queryClient.invalidateQueries({ queryKey: identityKeys.users() });
    },
  });
}

const userPath = (id: string, suffix = '') => `/users/${encodeURIComponent(id)}${suffix}`;

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api<User>('/users', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: identityKeys.users() }),
  });
}

export function useUpdateUser(id: string) {
  return useUserMutation(id, (input: UpdateUserInput) =>
    api<User>(userPath(id), { method: 'PATCH', body: input }),
  );
}

export function useSetUserRoles(id: string) {
  return useUserMutation(id, (roles: RoleInput[]) =>
    api<User>(userPath(id, '/roles'), { method: 'PUT', body: { roles } }),
  );
}

export function useResetUserPassword(id: string) {
  return useUserMutation(id, (input: { newPassword: string }) =>
    api<void>(userPath(id, '/password'), { method: 'POST', body: input }),
  );
}

export function useUnlockUser(id: string) {
  return useUserMutation<void, void>(id, () =>
    api<void>(userPath(id, '/unlock'), { method: 'POST' }),
  );
}

export function useResetUserTotp(id: string) {
  return useUserMutation<void, void>(id, () =>
    api<void>(userPath(id, '/totp/reset'), { method: 'POST' }),
  );
}
