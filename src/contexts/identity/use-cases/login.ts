import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx, PermissionsOf } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, type ErrorCode } from '../../../platform/errors.js';
import { findUserByEmail } from '../db/queries.js';
import { loginFailures, users } from '../db/tables.js';
import type { LoginBody } from '../http/identity.schemas.js';
import { verifyPassword } from '../passwords.js';
import { verifyTotp } from '../totp.js';
import { getMe } from './get-me.js';
import { resolveActor } from './resolve-actor.js';
import { openSession } from './sessions.js';

/** Five wrong passwords lock an account for 15 minutes; 20 failures from one address in 15 minutes throttle it. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 15 * 60_000;
export const IP_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_IP = 20;

export interface LoginResult {
  token: string;
  csrfToken: string;
  user: Awaited<ReturnType<typeof getMe>>;
}

/**
 * Password sign-in with a second factor when enrolled. Failures are recorded (and audited) in
 * their own committed transaction before the error is thrown, so throttling survives the error.
 */
export async function login(
  ctx: Ctx,
  input: Static<typeof LoginBody>,
  permissionsOf: PermissionsOf,
): Promise<LoginResult> {
  const ip = ctx.meta.ip ?? 'unknown';
  const since = new Date(Date.now() - IP_WINDOW_MS).toISOString();
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gt(loginFailures.at, since)));
  if ((recent?.n ?? 0) >= MAX_FAILURES_PER_IP) {
    throw new AppError('RATE_LIMITED', { retryAfter: IP_WINDOW_MS / 1000 });
  }

  const user = await findUserByEmail(ctx.db, input.email);
  const now = Date.now();
  if (user?.lockedUntil && new Date(user.lockedUntil).getTime() > now) {
    throw new AppError('ACCOUNT_LOCKED', {
      retryAfter: Math.ceil((new Date(user.lockedUntil).getTime() - now) / 1000),
    });
  }
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);

  const fail = async (code: ErrorCode): Promise<never> => {
    const locked = await inTransaction(ctx, async (tx) => {
      await tx.insert(loginFailures).values({ ip, email: input.email.slice(0, 254) });
      // Old failures are of no further use; drop them as we go.
      await tx.delete(loginFailures).where(lt(loginFailures.at, since));
      let lockedNow = false;
      if (user) {
        const failed = user.failedLoginCount + 1;
        lockedNow = failed >= MAX_FAILED_LOGINS;
        await tx
          .update(users)
          .set({
            failedLoginCount: lockedNow ? 0 : failed,
            lockedUntil: lockedNow ? new Date(now + LOCK_MS).toISOString() : user.lockedUntil,
          })
          .where(eq(users.id, user.id));
      }
      await recordAuditEvent(tx, ctx, {
        action: lockedNow ? 'user.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { email: input.email, reason: code },
        anonymous: { id: user?.id ?? null, label: input.email },
      });
      return lockedNow;
    });
    throw locked
      ? new AppError('ACCOUNT_LOCKED', { retryAfter: LOCK_MS / 1000 })
      : new AppError(code);
  };

  if (!user || !passwordOk) return fail('INVALID_CREDENTIALS');
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');

  let totpStep: number | null = null;
  if (user.totpEnabledAt && user.totpSecret) {
    if (!input.totpCode) throw new AppError('TOTP_REQUIRED');
    totpStep = verifyTotp(ctx.secrets.open(user.totpSecret), input.totpCode, user.totpLastStep);
    if (totpStep === null) return fail('TOTP_INVALID');
  }

  const session = await inTransaction(ctx, async (tx) => {
    await tx
      .update(users)
      .set({
        failedLoginCount: 0,
        lockedUntil: null,
        lastLoginAt: new Date().toISOString(),
        ...(totpStep !== null ? { totpLastStep: totpStep } : {}),
      })
      .where(eq(users.id, user.id));
    const session = await openSession(tx, user.id, ctx.meta, 'password');
    await recordAuditEvent(tx, ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      after: { method: totpStep !== null ? 'password+totp' : 'password' },
      anonymous: { id: user.id, label: user.email },
    });
    return session;
  });
  const actor = await resolveActor(ctx.db, { sessionToken: session.token });
  return { ...session, user: await getMe({ ...ctx, actor }, permissionsOf) };
}
