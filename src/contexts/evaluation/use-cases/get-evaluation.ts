import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { findEvaluationById } from '../db/queries.js';
import { loadEvaluationView } from '../evaluation-view.js';

export async function getEvaluation(ctx: Ctx, id: string) {
  const ev = await findEvaluationById(ctx.db, id);
  if (!ev) throw notFound();
  return loadEvaluationView(ctx, ctx.db, ev);
}
