import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { type FieldError, forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { actorId, openEvaluation, requireStage } from '../access.js';
import { throwIfInvalid } from '../db/queries.js';
import { evaluationIndicators } from '../db/tables.js';
import { loadEvaluationView } from '../evaluation-view.js';
import { EVALUATION_SUBJECT } from '../evaluation-workflow.js';
import { checkLevels } from '../index-engine.js';
import { canValidate } from '../policies.js';

export interface ValidateInput {
  level: number;
  note?: string | null;
}

/**
 * The penanggung jawab verifies and validates an answer (PermenPANRB 59/2020 Lampiran p.83 and
 * p.85 langkah 4): confirms the level or sets another, and a changed level needs a note saying
 * why. Open while the self-assessment runs and during internal validation.
 */
export async function validateIndicator(ctx: Ctx, id: string, no: number, input: ValidateInput) {
  return inTransaction(ctx, async (tx) => {
    const { ev, role, stage } = await openEvaluation(tx, ctx, id);
    const [row] = await tx
      .select()
      .from(evaluationIndicators)
      .where(
        and(eq(evaluationIndicators.evaluationId, id), eq(evaluationIndicators.indicatorNo, no)),
      )
      .for('update');
    if (!row) throw notFound();
    if (!canValidate(role)) throw forbidden();
    requireStage(stage, ['self_assessment', 'internal_validation']);
    const note = input.note?.trim() || null;
    const errors: FieldError[] = checkLevels(ev.framework, { [no]: input.level }, ctx.lang, {
      complete: false,
    }).map((e) => ({ ...e, path: '/level' }));
    if (input.level !== row.selfLevel && !note) {
      errors.push({ path: '/note', message: t(ctx.lang, 'evaluation.noteRequired') });
    }
    throwIfInvalid(errors);
    const now = new Date().toISOString();
    await tx
      .update(evaluationIndicators)
      .set({
        validatedLevel: input.level,
        validationNote: note,
        validatedBy: actorId(ctx),
        validatedAt: now,
        updatedAt: now,
      })
      .where(
        and(eq(evaluationIndicators.evaluationId, id), eq(evaluationIndicators.indicatorNo, no)),
      );
    await recordAuditEvent(tx, ctx, {
      action: 'evaluation.indicator.validate',
      entityType: EVALUATION_SUBJECT,
      entityId: id,
      before: { indicatorNo: no, validatedLevel: row.validatedLevel, selfLevel: row.selfLevel },
      after: { indicatorNo: no, validatedLevel: input.level, note },
    });
    return loadEvaluationView(ctx, tx, ev);
  });
}
