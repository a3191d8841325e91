import { useQuery } from '@tanstack/react-query';
import { hasPermission, type Permission } from './permissions';
import { fetchSession, type Me, sessionKey } from './session';

export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The logged-in user. Only call below the authenticated layout, where the session is known. */
export function useMe(): Me {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useMe() used outside an authenticated route');
  return data;
}

export function useCan(): (permission: Permission) => boolean {
  const { data } = useSessionQuery();
  return (permission) => hasPermission(data?.permissions, permission);
}
