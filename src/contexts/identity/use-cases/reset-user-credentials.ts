import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden } from '../../../platform/errors.js';
import { sessions, users } from '../db/tables.js';
import { assertPasswordStrength, hashPassword } from '../passwords.js';
import { canManageUsers } from '../policies.js';
import { getUser } from './get-user.js';

async function adminAction(
  ctx: Ctx,
  id: string,
  action: string,
  change: Partial<typeof users.$inferInsert>,
  endSessions: boolean,
) {
  const user = await getUser(ctx, id);
  if (!canManageUsers(ctx.actor)) throw forbidden();
  await inTransaction(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ ...change, updatedAt: new Date().toISOString() })
      .where(eq(users.id, id));
    if (endSessions) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAuditEvent(tx, ctx, {
      action,
      entityType: 'user',
      entityId: id,
      // Which credential changed is recorded; the secret itself never is.
      before: { email: user.email, totpEnabled: user.totpEnabled, lockedUntil: user.lockedUntil },
      after: { mustChangePassword: change.mustChangePassword, totpReset: 'totpSecret' in change },
    });
  });
}

/** An admin sets a temporary password; the user must change it at next sign-in. */
export async function resetUserPassword(ctx: Ctx, id: string, newPassword: string) {
  const user = await getUser(ctx, id);
  assertPasswordStrength(newPassword, user.email, ctx.lang, '/newPassword');
  const passwordHash = await hashPassword(newPassword);
  await adminAction(
    ctx,
    id,
    'user.reset_password',
    { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null },
    true,
  );
}

/** Lifts a lockout after too many failed sign-ins. */
export const unlockUser = (ctx: Ctx, id: string) =>
  adminAction(ctx, id, 'user.unlock', { failedLoginCount: 0, lockedUntil: null }, false);

/** Removes a lost second factor so the user can enrol again. */
export const resetUserTotp = (ctx: Ctx, id: string) =>
  adminAction(
    ctx,
    id,
    'user.reset_totp',
    { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    true,
  );
