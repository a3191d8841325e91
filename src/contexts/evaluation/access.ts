import type { Ctx } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findWorkflowInstance } from '../../platform/workflow/engine.js';
import { findEvaluationById, teamRoleOf } from './db/queries.js';
import {
  EVALUATION_SUBJECT,
  type EvaluationStage,
  evaluationWorkflow,
} from './evaluation-workflow.js';
import { canReadEvaluation } from './policies.js';

/**
 * The evaluation locked for a change, with the caller's team role and its stage; 404 for someone
 * who may not read it, so its existence is not revealed.
 */
export async function openEvaluation(tx: Tx, ctx: Ctx, id: string) {
  const ev = await findEvaluationById(tx, id, true);
  if (!ev) throw notFound();
  const role = await teamRoleOf(tx, id, ctx.actor);
  if (!canReadEvaluation(ctx.actor, role)) throw notFound();
  const instance = await findWorkflowInstance(tx, evaluationWorkflow.id, EVALUATION_SUBJECT, id);
  if (!instance) throw new Error(`evaluation ${id} has no workflow`);
  return { ev, role, stage: instance.state as EvaluationStage };
}

/** A change refused at this stage: 409. */
export function requireStage(stage: EvaluationStage, allowed: EvaluationStage[]) {
  if (!allowed.includes(stage)) {
    throw new AppError('CONFLICT', { detailKey: 'evaluation.notInStage' });
  }
}

export const actorId = (ctx: Ctx) => (ctx.actor?.type === 'user' ? ctx.actor.id : null);
