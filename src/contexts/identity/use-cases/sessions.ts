import type { RequestMeta } from '../../../platform/auth/actor.js';
import { randomToken, sha256 } from '../../../platform/crypto/secrets.js';
import type { Tx } from '../../../platform/db/client.js';
import { sessions } from '../db/tables.js';

/** A session ends after 12 idle hours, and in any case 7 days after sign-in. */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
export const SESSION_COOKIE = 'simpul_session';

/** Opens a session; returns the cookie token (only its hash is stored) and the CSRF token. */
export async function openSession(tx: Tx, userId: string, meta: RequestMeta, via: string) {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = Date.now();
  await tx.insert(sessions).values({
    id: sha256(token),
    userId,
    csrfToken,
    via,
    ip: meta.ip,
    userAgent: meta.userAgent,
    expiresAt: new Date(now + SESSION_IDLE_MS).toISOString(),
  });
  return { token, csrfToken };
}
