import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { findEvaluationById } from '../db/queries.js';

/** The framework frozen into an evaluation (the caller has checked it may read it). */
export async function findFrameworkOf(ctx: Ctx, id: string) {
  const ev = await findEvaluationById(ctx.db, id);
  if (!ev) throw notFound();
  return ev.framework;
}
