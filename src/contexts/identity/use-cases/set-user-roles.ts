import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { countActiveAdmins } from '../db/queries.js';
import type { SetRolesBody } from '../http/identity.schemas.js';
import { canManageUsers } from '../policies.js';
import { getUser, loadUserView } from './get-user.js';
import { replaceRoleGrants } from './role-grants.js';

/** Replaces a user's role grants. The last active Diskominfo admin keeps the role. */
export async function setUserRoles(ctx: Ctx, id: string, input: Static<typeof SetRolesBody>) {
  const before = await getUser(ctx, id);
  if (!canManageUsers(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const wasAdmin = before.roles.some((r) => r.role === 'kominfo_admin');
    const staysAdmin = input.roles.some((r) => r.role === 'kominfo_admin');
    if (wasAdmin && !staysAdmin) {
      if (ctx.actor?.type === 'user' && ctx.actor.id === id) {
        throw new AppError('CONFLICT', { detailKey: 'user.cannotDisableSelf' });
      }
      if ((await countActiveAdmins(tx, id)) === 0) {
        throw new AppError('CONFLICT', { detailKey: 'user.lastAdmin' });
      }
    }
    await replaceRoleGrants(tx, ctx, id, input.roles);
    const after = await loadUserView(tx, id);
    await recordAuditEvent(tx, ctx, {
      action: 'user.set_roles',
      entityType: 'user',
      entityId: id,
      before: { roles: before.roles },
      after: { roles: after?.roles ?? [] },
    });
    return after as NonNullable<typeof after>;
  });
}
