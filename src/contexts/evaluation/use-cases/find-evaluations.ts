import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import { workflowInstances } from '../../../platform/workflow/tables.js';
import { evaluationIndicators, evaluationMembers, evaluations } from '../db/tables.js';
import { indexAt } from '../evaluation-view.js';
import { EVALUATION_SUBJECT, evaluationWorkflow } from '../evaluation-workflow.js';
import { canReadEvaluation } from '../policies.js';

/**
 * The evaluations the caller may read, oldest year first, each with its stage and its index at
 * every stage (self, validated, external): the year-over-year trend.
 */
export async function findEvaluations(ctx: Ctx) {
  const rows = await ctx.db.select().from(evaluations).orderBy(asc(evaluations.year));
  const mine =
    ctx.actor?.type === 'user'
      ? new Map(
          (
            await ctx.db
              .select({ id: evaluationMembers.evaluationId, role: evaluationMembers.role })
              .from(evaluationMembers)
              .where(eq(evaluationMembers.userId, ctx.actor.id))
          ).map((m) => [m.id, m.role]),
        )
      : new Map();
  const visible = rows.filter((r) => canReadEvaluation(ctx.actor, mine.get(r.id) ?? null));
  if (visible.length === 0) return { items: [] };
  const ids = visible.map((r) => r.id);
  const indicators = await ctx.db
    .select()
    .from(evaluationIndicators)
    .where(inArray(evaluationIndicators.evaluationId, ids));
  const states = await ctx.db
    .select({ id: workflowInstances.subjectId, state: workflowInstances.state })
    .from(workflowInstances)
    .where(
      and(
        eq(workflowInstances.subjectType, EVALUATION_SUBJECT),
        inArray(workflowInstances.subjectId, ids),
      ),
    );
  const stateOf = new Map(states.map((s) => [s.id, s.state]));
  return {
    items: visible.map((ev) => {
      const mineRows = indicators.filter((i) => i.evaluationId === ev.id);
      const stage = stateOf.get(ev.id) ?? 'self_assessment';
      return {
        id: ev.id,
        year: ev.year,
        frameworkId: ev.frameworkId,
        frameworkTitle: ev.framework.title,
        stage,
        stageLabel: evaluationWorkflow.states[stage]?.label[ctx.lang] ?? stage,
        myRole: mine.get(ev.id) ?? null,
        self: indexAt(ev.framework, mineRows, 'self'),
        validated: indexAt(ev.framework, mineRows, 'validated'),
        external: indexAt(ev.framework, mineRows, 'external'),
      };
    }),
  };
}
