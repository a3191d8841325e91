import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, conflict, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { startWorkflow } from '../../../platform/workflow/engine.js';
import { users } from '../../identity/index.js';
import { findKominfoAgency } from '../../organization/index.js';
import { requireFramework } from '../db/queries.js';
import { evaluationIndicators, evaluationMembers, evaluations } from '../db/tables.js';
import { loadEvaluationView } from '../evaluation-view.js';
import { EVALUATION_SUBJECT, evaluationWorkflow } from '../evaluation-workflow.js';
import { canCreateEvaluation } from '../policies.js';

export interface CreateEvaluationInput {
  year: number;
  frameworkId: string;
  /** The Koordinator SPBE; the creator when not given. */
  coordinatorId?: string;
}

/**
 * Opens the year's evaluation (Perbup Tabanan 44/2022 Pasal 29 ayat (4) huruf f): the framework
 * is copied into the evaluation as it is today — its weights frozen with it — one row per
 * indicator is prepared, the Koordinator SPBE joins the team and the workflow starts in
 * penilaian mandiri. One evaluation per year.
 */
export async function createEvaluation(ctx: Ctx, input: CreateEvaluationInput) {
  if (!canCreateEvaluation(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const def = await requireFramework(tx, input.frameworkId, ctx.lang);
    const [taken] = await tx
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(eq(evaluations.year, input.year));
    if (taken) throw conflict('evaluation.yearTaken', '/year', t(ctx.lang, 'evaluation.yearTaken'));
    const coordinatorId =
      input.coordinatorId ?? (ctx.actor?.type === 'user' ? ctx.actor.id : undefined);
    if (coordinatorId) {
      const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, coordinatorId));
      if (!u) {
        throw new AppError('VALIDATION_FAILED', {
          errors: [{ path: '/coordinatorId', message: t(ctx.lang, 'evaluation.userUnknown') }],
        });
      }
    }
    const dinas = await findKominfoAgency(tx);
    if (!dinas) throw new Error('the Dinas Kominfo agency is missing');
    const [row] = await tx
      .insert(evaluations)
      .values({
        year: input.year,
        frameworkId: def.id,
        framework: def,
        agencyId: dinas.id,
        createdBy: ctx.actor?.type === 'user' ? ctx.actor.id : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await tx
      .insert(evaluationIndicators)
      .values(def.indicators.map((i) => ({ evaluationId: row.id, indicatorNo: i.no })));
    if (coordinatorId) {
      await tx
        .insert(evaluationMembers)
        .values({ evaluationId: row.id, userId: coordinatorId, role: 'coordinator' });
    }
    await recordAuditEvent(tx, ctx, {
      action: 'evaluation.create',
      entityType: EVALUATION_SUBJECT,
      entityId: row.id,
      after: { year: row.year, frameworkId: row.frameworkId, coordinatorId: coordinatorId ?? null },
    });
    await startWorkflow(tx, ctx, evaluationWorkflow, {
      subjectType: EVALUATION_SUBJECT,
      subjectId: row.id,
      agencyId: dinas.id,
    });
    return loadEvaluationView(ctx, tx, row);
  });
}
