import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { Executor } from '../../../platform/db/client.js';
import { notFound } from '../../../platform/errors.js';
import { agencies } from '../../organization/index.js';
import { findUserById, loadRolesWithAgencies } from '../db/queries.js';
import { presentUser } from '../http/presenters.js';
import { canReadUsers, canSeeUserOf } from '../policies.js';

/** One user as the API shows it, without authorization (callers check it). */
export async function loadUserView(db: Executor, id: string) {
  const row = await findUserById(db, id);
  if (!row) return undefined;
  const [roles, [agency]] = await Promise.all([
    loadRolesWithAgencies(db, [id]),
    row.agencyId
      ? db
          .select({ id: agencies.id, code: agencies.code, name: agencies.name })
          .from(agencies)
          .where(eq(agencies.id, row.agencyId))
      : Promise.resolve([]),
  ]);
  return presentUser(row, roles.get(id) ?? [], agency ?? null);
}

/** One user within the caller's scope; anyone outside it is NOT_FOUND. */
export async function getUser(ctx: Ctx, id: string) {
  const user = await loadUserView(ctx.db, id);
  if (!user || !canReadUsers(ctx.actor) || !canSeeUserOf(ctx.actor, user.agencyId)) {
    throw notFound();
  }
  return user;
}
