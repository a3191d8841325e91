import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.js';
import { sha256 } from '../../../platform/crypto/secrets.js';
import type { Db } from '../../../platform/db/client.js';
import { loadRoleGrants } from '../db/queries.js';
import { apiTokens, sessions, users } from '../db/tables.js';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from './sessions.js';

// Last-seen times are refreshed at most once a minute, not on every request.
const TOUCH_MS = 60_000;

export const API_TOKEN_PREFIX = 'spl_';

/**
 * Resolves who is calling from a session cookie or a bearer API token. Unknown, expired, revoked
 * or disabled credentials resolve to null (anonymous), never to an error.
 */
export async function resolveActor(
  db: Db,
  credentials: { sessionToken?: string; bearer?: string },
): Promise<Actor | null> {
  const now = new Date();
  if (credentials.bearer?.startsWith(API_TOKEN_PREFIX)) {
    const [row] = await db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, sha256(credentials.bearer)),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now.toISOString())),
          eq(users.status, 'active'),
        ),
      );
    if (!row) return null;
    if (!row.token.lastUsedAt || now.getTime() - Date.parse(row.token.lastUsedAt) > TOUCH_MS) {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: now.toISOString() })
        .where(eq(apiTokens.id, row.token.id));
    }
    return {
      type: 'user',
      id: row.user.id,
      email: row.user.email,
      name: row.user.name,
      agencyId: row.user.agencyId,
      roles: await loadRoleGrants(db, row.user.id),
      via: 'token',
      mustChangePassword: row.user.mustChangePassword,
    };
  }
  if (credentials.sessionToken) {
    const id = sha256(credentials.sessionToken);
    const [row] = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.id, id),
          gt(sessions.expiresAt, now.toISOString()),
          sql`${sessions.createdAt} > ${new Date(now.getTime() - SESSION_MAX_MS).toISOString()}`,
          eq(users.status, 'active'),
        ),
      );
    if (!row) return null;
    if (now.getTime() - Date.parse(row.session.lastSeenAt) > TOUCH_MS) {
      await db
        .update(sessions)
        .set({
          lastSeenAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
        })
        .where(eq(sessions.id, id));
    }
    return {
      type: 'user',
      id: row.user.id,
      email: row.user.email,
      name: row.user.name,
      agencyId: row.user.agencyId,
      roles: await loadRoleGrants(db, row.user.id),
      via: 'session',
      mustChangePassword: row.user.mustChangePassword,
      sessionId: id,
      csrfToken: row.session.csrfToken,
    };
  }
  return null;
}
