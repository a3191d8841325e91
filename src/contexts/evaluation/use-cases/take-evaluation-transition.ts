import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden } from '../../../platform/errors.js';
import { findWorkflowInstance, takeTransition } from '../../../platform/workflow/engine.js';
import { openEvaluation } from '../access.js';
import { loadEvaluationView } from '../evaluation-view.js';
import {
  EVALUATION_SUBJECT,
  evaluationWorkflow,
  TRANSITION_TEAM_ROLES,
} from '../evaluation-workflow.js';

/**
 * Moves the evaluation between stages (self-assessment → internal validation → submitted →
 * external result recorded) on the workflow engine, after checking the caller's Tim Asesor
 * Internal role (403); the engine refuses an impossible move (409), a missing comment (400) and a
 * guard's objection (409: incomplete levels, no signed Berita Acara).
 */
export async function takeEvaluationTransition(
  ctx: Ctx,
  id: string,
  input: { transition: string; comment?: string },
) {
  return inTransaction(ctx, async (tx) => {
    const { ev, role } = await openEvaluation(tx, ctx, id);
    const allowed = TRANSITION_TEAM_ROLES[input.transition];
    if (allowed && (role === null || !allowed.includes(role))) throw forbidden();
    const instance = await findWorkflowInstance(tx, evaluationWorkflow.id, EVALUATION_SUBJECT, id);
    if (!instance) throw new Error(`evaluation ${id} has no workflow`);
    await takeTransition(tx, ctx, evaluationWorkflow, instance.id, {
      transition: input.transition,
      comment: input.comment,
    });
    return loadEvaluationView(ctx, tx, ev);
  });
}
