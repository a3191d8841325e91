import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { findAgencyById } from '../../organization/index.js';
import { countActiveAdmins, loadRoleGrants } from '../db/queries.js';
import { sessions, users } from '../db/tables.js';
import type { UpdateUserBody } from '../http/identity.schemas.js';
import { canManageUsers } from '../policies.js';
import { getUser, loadUserView } from './get-user.js';

/** Edits a user's profile or status. Disabling ends the user's sessions at once. */
export async function updateUser(ctx: Ctx, id: string, input: Static<typeof UpdateUserBody>) {
  const visible = await getUser(ctx, id);
  if (!canManageUsers(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!current) throw notFound();
    if (input.agencyId && !(await findAgencyById(tx, input.agencyId))) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: '/agencyId', message: t(ctx.lang, 'user.agencyInvalid') }],
      });
    }
    if (input.status === 'disabled' && current.status === 'active') {
      if (ctx.actor?.type === 'user' && ctx.actor.id === id) {
        throw new AppError('CONFLICT', { detailKey: 'user.cannotDisableSelf' });
      }
      const isAdmin = (await loadRoleGrants(tx, id)).some((g) => g.role === 'kominfo_admin');
      if (isAdmin && (await countActiveAdmins(tx, id)) === 0) {
        throw new AppError('CONFLICT', { detailKey: 'user.lastAdmin' });
      }
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    await tx
      .update(users)
      .set({ ...input, updatedAt: new Date().toISOString() })
      .where(eq(users.id, id));
    const after = await loadUserView(tx, id);
    await recordAuditEvent(tx, ctx, {
      action:
        input.status && input.status !== current.status
          ? `user.${input.status === 'disabled' ? 'disable' : 'enable'}`
          : 'user.update',
      entityType: 'user',
      entityId: id,
      before: visible,
      after,
    });
    return after as NonNullable<typeof after>;
  });
}
