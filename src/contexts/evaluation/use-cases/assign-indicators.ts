import { and, eq, inArray } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { type FieldError, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { openEvaluation, requireStage } from '../access.js';
import { throwIfInvalid } from '../db/queries.js';
import { evaluationIndicators, evaluationMembers } from '../db/tables.js';
import { loadEvaluationView } from '../evaluation-view.js';
import { EVALUATION_SUBJECT } from '../evaluation-workflow.js';
import { canManageTeam } from '../policies.js';

export interface AssignInput {
  indicatorNos: number[];
  /** A team member, or null to unassign. */
  assigneeId: string | null;
}

/** The Koordinator assigns indicators to members of the Tim Asesor Internal (or takes them back). */
export async function assignIndicators(ctx: Ctx, id: string, input: AssignInput) {
  return inTransaction(ctx, async (tx) => {
    const { ev, role, stage } = await openEvaluation(tx, ctx, id);
    if (!canManageTeam(ctx.actor, role)) throw forbidden();
    requireStage(stage, ['self_assessment', 'internal_validation']);
    const errors: FieldError[] = [];
    const known = new Set(ev.framework.indicators.map((i) => i.no));
    input.indicatorNos.forEach((no, i) => {
      if (!known.has(no)) {
        errors.push({
          path: `/indicatorNos/${i}`,
          message: t(ctx.lang, 'evaluation.unknownIndicator'),
        });
      }
    });
    if (input.assigneeId) {
      const [member] = await tx
        .select({ userId: evaluationMembers.userId })
        .from(evaluationMembers)
        .where(
          and(
            eq(evaluationMembers.evaluationId, id),
            eq(evaluationMembers.userId, input.assigneeId),
          ),
        );
      if (!member)
        errors.push({ path: '/assigneeId', message: t(ctx.lang, 'evaluation.notMember') });
    }
    throwIfInvalid(errors);
    await tx
      .update(evaluationIndicators)
      .set({ assigneeId: input.assigneeId, updatedAt: new Date().toISOString() })
      .where(
        and(
          eq(evaluationIndicators.evaluationId, id),
          inArray(evaluationIndicators.indicatorNo, input.indicatorNos),
        ),
      );
    await recordAuditEvent(tx, ctx, {
      action: 'evaluation.indicators.assign',
      entityType: EVALUATION_SUBJECT,
      entityId: id,
      after: { indicatorNos: input.indicatorNos, assigneeId: input.assigneeId },
    });
    return loadEvaluationView(ctx, tx, ev);
  });
}
