import type { Static } from 'typebox';
import type { RoleWithAgency, UserRow } from '../db/queries.js';
import type { apiTokens } from '../db/tables.js';
import type { ApiToken, User } from './identity.schemas.js';

const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

/** The allow-list of user fields that leave the server: never hashes, secrets or counters. */
export function presentUser(
  row: UserRow,
  roles: RoleWithAgency[],
  agency: AgencyRef | null,
): Static<typeof User> {
  const locked = row.lockedUntil && new Date(row.lockedUntil) > new Date() ? row.lockedUntil : null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    nip: row.nip,
    position: row.position,
    phone: row.phone,
    agencyId: row.agencyId,
    agency,
    status: row.status as 'active' | 'disabled',
    roles,
    totpEnabled: row.totpEnabledAt !== null,
    lockedUntil: iso(locked),
    lastLoginAt: iso(row.lastLoginAt),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export function presentApiToken(row: typeof apiTokens.$inferSelect): Static<typeof ApiToken> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: new Date(row.createdAt).toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    expiresAt: iso(row.expiresAt),
  };
}
