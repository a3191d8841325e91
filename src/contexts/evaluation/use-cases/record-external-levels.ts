import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden } from '../../../platform/errors.js';
import { openEvaluation, requireStage } from '../access.js';
import { throwIfInvalid } from '../db/queries.js';
import { evaluationIndicators, evaluations } from '../db/tables.js';
import { loadEvaluationView } from '../evaluation-view.js';
import { EVALUATION_SUBJECT } from '../evaluation-workflow.js';
import { checkLevels } from '../index-engine.js';
import { canRecordExternal } from '../policies.js';

export interface ExternalInput {
  /** Indicator number → the external assessors' level (some or all). */
  levels: Record<string, number>;
  /** Where the result comes from, e.g. "KepmenPANRB 663/2024". */
  source?: string | null;
}

/**
 * The Tim Asesor Eksternal's levels (59/2020 Lampiran p.86–88: penilaian dokumen, interviu,
 * visitasi, consolidation), entered when the result arrives, after submission.
 */
export async function recordExternalLevels(ctx: Ctx, id: string, input: ExternalInput) {
  return inTransaction(ctx, async (tx) => {
    const { ev, role, stage } = await openEvaluation(tx, ctx, id);
    if (!canRecordExternal(ctx.actor, role)) throw forbidden();
    requireStage(stage, ['submitted']);
    throwIfInvalid(checkLevels(ev.framework, input.levels, ctx.lang, { complete: false }));
    for (const [no, level] of Object.entries(input.levels)) {
      await tx
        .update(evaluationIndicators)
        .set({ externalLevel: level, updatedAt: new Date().toISOString() })
        .where(
          and(
            eq(evaluationIndicators.evaluationId, id),
            eq(evaluationIndicators.indicatorNo, Number(no)),
          ),
        );
    }
    if (input.source !== undefined) {
      await tx
        .update(evaluations)
        .set({ externalSource: input.source?.trim() || null, updatedAt: new Date().toISOString() })
        .where(eq(evaluations.id, id));
    }
    await recordAuditEvent(tx, ctx, {
      action: 'evaluation.external.record',
      entityType: EVALUATION_SUBJECT,
      entityId: id,
      after: input,
    });
    const fresh = {
      ...ev,
      externalSource: input.source !== undefined ? input.source?.trim() || null : ev.externalSource,
    };
    return loadEvaluationView(ctx, tx, fresh);
  });
}
