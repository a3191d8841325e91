import { and, eq, ne } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { findUserById } from '../db/queries.js';
import { sessions, users } from '../db/tables.js';
import type { ChangePasswordBody } from '../http/identity.schemas.js';
import { assertPasswordStrength, hashPassword, verifyPassword } from '../passwords.js';
import { requireUser } from './account.js';

/** Changes one's own password; other sessions of the user end. */
export async function changeOwnPassword(ctx: Ctx, input: Static<typeof ChangePasswordBody>) {
  const actor = requireUser(ctx);
  const user = await findUserById(ctx.db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', {
      detailKey: 'password.wrongCurrent',
      errors: [{ path: '/currentPassword', message: t(ctx.lang, 'password.wrongCurrent') }],
    });
  }
  assertPasswordStrength(input.newPassword, user.email, ctx.lang, '/newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date().toISOString() })
      .where(eq(users.id, actor.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.id), ne(sessions.id, actor.sessionId ?? '')));
    await recordAuditEvent(tx, ctx, {
      action: 'auth.change_password',
      entityType: 'user',
      entityId: actor.id,
    });
  });
}
