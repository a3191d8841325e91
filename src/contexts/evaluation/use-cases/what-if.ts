import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { findEvaluationById, findIndicators, teamRoleOf, throwIfInvalid } from '../db/queries.js';
import { levelsAt } from '../evaluation-view.js';
import { checkLevels, computeIndex, fillMissing, presentIndex } from '../index-engine.js';
import { canReadEvaluation } from '../policies.js';

async function readable(ctx: Ctx, id: string) {
  const ev = await findEvaluationById(ctx.db, id);
  if (!ev) throw notFound();
  if (!canReadEvaluation(ctx.actor, await teamRoleOf(ctx.db, id, ctx.actor))) throw notFound();
  return ev;
}

/** The evaluation's validated levels (self where not validated; the lowest level where empty). */
export async function baseLevels(ctx: Ctx, id: string) {
  const ev = await readable(ctx, id);
  const rows = await findIndicators(ctx.db, id);
  return { ev, levels: fillMissing(ev.framework, levelsAt(rows, 'validated')) };
}

/** What-if: the validated levels with some changed, and the index they would give. Changes nothing. */
export async function whatIf(ctx: Ctx, id: string, input: { levels: Record<string, number> }) {
  const { ev, levels } = await baseLevels(ctx, id);
  throwIfInvalid(checkLevels(ev.framework, input.levels, ctx.lang, { complete: false }));
  for (const [no, level] of Object.entries(input.levels)) levels.set(Number(no), level);
  return presentIndex(computeIndex(ev.framework, levels));
}
