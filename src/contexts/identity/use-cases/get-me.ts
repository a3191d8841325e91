import type { Ctx, PermissionsOf } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { findUserById } from '../db/queries.js';
import { requireUser } from './account.js';
import { loadUserView } from './get-user.js';

/** The signed-in user with what the console may offer them (the server checks again anyway). */
export async function getMe(ctx: Ctx, permissionsOf: PermissionsOf) {
  const actor = requireUser(ctx);
  const [view, row] = await Promise.all([
    loadUserView(ctx.db, actor.id),
    findUserById(ctx.db, actor.id),
  ]);
  if (!view || !row) throw new AppError('UNAUTHENTICATED');
  return {
    id: view.id,
    email: view.email,
    name: view.name,
    agencyId: view.agencyId,
    agency: view.agency,
    roles: view.roles,
    totpEnabled: view.totpEnabled,
    mustChangePassword: row.mustChangePassword,
    permissions: permissionsOf(actor),
  };
}
