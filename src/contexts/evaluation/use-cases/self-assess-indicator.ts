import { and, eq, inArray } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { type FieldError, forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { applications } from '../../applications/index.js';
import { actorId, openEvaluation, requireStage } from '../access.js';
import { checkFileIds, throwIfInvalid } from '../db/queries.js';
import { evaluationIndicators } from '../db/tables.js';
import { loadEvaluationView } from '../evaluation-view.js';
import { EVALUATION_SUBJECT } from '../evaluation-workflow.js';
import { checkLevels } from '../index-engine.js';
import { canSelfAssess } from '../policies.js';
import type { EvidenceLink } from '../vocabulary.js';

export interface SelfAssessInput {
  level: number;
  explanation?: string | null;
  evidenceFileIds?: string[];
  evidenceLinks?: EvidenceLink[];
}

/**
 * The penilaian mandiri of one indicator (PermenPANRB 59/2020 Lampiran p.85 langkah 1–3): level,
 * explanation ("penjelasan") and evidence ("data dukung") — uploaded documents and links to
 * records in Simpul, such as the application registry for indicator 15.
 */
export async function selfAssessIndicator(
  ctx: Ctx,
  id: string,
  no: number,
  input: SelfAssessInput,
) {
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
    if (!canSelfAssess(actorId(ctx), role, row.assigneeId)) throw forbidden();
    requireStage(stage, ['self_assessment']);
    const fileIds = input.evidenceFileIds ?? [];
    const links = input.evidenceLinks ?? [];
    const errors: FieldError[] = [
      ...checkLevels(ev.framework, { [no]: input.level }, ctx.lang, { complete: false }).map(
        (e) => ({
          ...e,
          path: '/level',
        }),
      ),
      ...(await checkFileIds(tx, ctx.actor, ctx.lang, fileIds, '/evidenceFileIds')),
    ];
    const appIds = links.filter((l) => l.kind === 'application').map((l) => l.ref);
    const found = new Set(
      appIds.length
        ? (
            await tx
              .select({ id: applications.id })
              .from(applications)
              .where(inArray(applications.id, appIds))
          ).map((a) => a.id)
        : [],
    );
    links.forEach((l, i) => {
      const ok = l.kind === 'application' ? found.has(l.ref) : /^https?:\/\/\S+$/.test(l.ref);
      if (!ok)
        errors.push({
          path: `/evidenceLinks/${i}/ref`,
          message: t(ctx.lang, 'evaluation.linkInvalid'),
        });
    });
    throwIfInvalid(errors);
    const now = new Date().toISOString();
    const after = {
      selfLevel: input.level,
      explanation: input.explanation?.trim() || null,
      evidenceFileIds: fileIds,
      evidenceLinks: links.map((l) => ({ kind: l.kind, ref: l.ref.trim(), label: l.label.trim() })),
    };
    await tx
      .update(evaluationIndicators)
      .set({ ...after, selfBy: actorId(ctx), selfAt: now, updatedAt: now })
      .where(
        and(eq(evaluationIndicators.evaluationId, id), eq(evaluationIndicators.indicatorNo, no)),
      );
    await recordAuditEvent(tx, ctx, {
      action: 'evaluation.indicator.self_assess',
      entityType: EVALUATION_SUBJECT,
      entityId: id,
      before: { indicatorNo: no, selfLevel: row.selfLevel, explanation: row.explanation },
      after: { indicatorNo: no, ...after },
    });
    return loadEvaluationView(ctx, tx, ev);
  });
}
