import { api, setCsrfToken } from '../api/client';
import { isProblemError } from '../api/problem';

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export interface RoleAssignment {
  role: string;
  agencyId: string | null;
  agencyName?: string | null;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  agencyId: string | null;
  agency: AgencyRef | null;
  roles: RoleAssignment[];
  totpEnabled: boolean;
  mustChangePassword: boolean;
  permissions: string[];
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export const sessionKey = ['session', 'me'] as const;

/** Public URL of the console login screen. */
export const LOGIN_URL = '/console/login';

/** Loads the current session; resolves to `null` when nobody is logged in. */
export async function fetchSession(): Promise<Me | null> {
  try {
    const session = await api<SessionResponse>('/auth/me');
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (isProblemError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}
