import { asc } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import { requireFramework } from '../db/queries.js';
import { evaluationFrameworks } from '../db/tables.js';

/** The frameworks in the database, newest first (reference data: every signed-in user reads it). */
export async function findFrameworks(ctx: Ctx) {
  const rows = await ctx.db
    .select({
      id: evaluationFrameworks.id,
      title: evaluationFrameworks.title,
      validFromYear: evaluationFrameworks.validFromYear,
    })
    .from(evaluationFrameworks)
    .orderBy(asc(evaluationFrameworks.validFromYear));
  return { items: rows.reverse() };
}

/** One framework with every text: domains, aspects, indicators with criteria, scales, bands. */
export async function getFramework(ctx: Ctx, id: string) {
  return requireFramework(ctx.db, id, ctx.lang);
}
