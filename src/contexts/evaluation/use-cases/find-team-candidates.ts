import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { users } from '../../identity/index.js';
import { agencies } from '../../organization/index.js';
import { findEvaluationById, teamRoleOf } from '../db/queries.js';
import { canManageTeam, canReadEvaluation } from '../policies.js';

/**
 * The active users the Koordinator may draw the Tim Asesor Internal from (59/2020 Lampiran p.84:
 * members come from 15 functions across the Pemda): name, e-mail and home agency only.
 */
export async function findTeamCandidates(ctx: Ctx, id: string) {
  const ev = await findEvaluationById(ctx.db, id);
  if (!ev) throw notFound();
  const role = await teamRoleOf(ctx.db, id, ctx.actor);
  if (!canReadEvaluation(ctx.actor, role)) throw notFound();
  if (!canManageTeam(ctx.actor, role)) throw forbidden();
  const rows = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, agencyName: agencies.name })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.status, 'active'))
    .orderBy(asc(users.name));
  return { items: rows.map((r) => ({ ...r, agencyName: r.agencyName ?? null })) };
}
