import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, type FieldError, forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { availableTransitions, takeTransition } from '../../../platform/workflow/engine.js';
import { DATASET_SUBJECT, datasetWorkflow } from '../data-workflow.js';
import { datasetInstanceOf } from '../dataset-view.js';
import { findDatasetById, refreshDatasetIndex } from '../db/queries.js';
import { dataReviews, datasets } from '../db/tables.js';
import type { DatasetTransitionBody } from '../http/data.schemas.js';
import { inDataScope } from '../policies.js';
import { CHECKLIST_KEYS } from '../vocabulary.js';
import { datasetView } from './get-dataset.js';

/**
 * Moves a dataset through verification (Perpres 39/2019; Tabanan 44/2022 Pasal 22): the
 * produsen submits, the walidata publishes — with every item of the conformity checklist
 * met — or returns it with a note. Publish and return record the walidata's review (the
 * checklist as ticked) in the same transaction as the step, the timeline and the audit event.
 */
export async function takeDatasetTransition(
  ctx: Ctx,
  id: string,
  input: Static<typeof DatasetTransitionBody>,
) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const dataset = await findDatasetById(tx, id, true);
    if (!dataset || !inDataScope(actor, dataset.agencyId)) throw notFound();
    const instance = await datasetInstanceOf(tx, id);
    const offered = availableTransitions(datasetWorkflow, instance, actor).some(
      (tr) => tr.name === input.transition,
    );
    const review = input.transition === 'publish' || input.transition === 'return';
    if (offered) {
      const errors: FieldError[] = [];
      if (input.checklist && !review) {
        errors.push({ path: '/checklist', message: t(ctx.lang, 'data.notForTransition') });
      }
      if (input.transition === 'publish') {
        const checklist = input.checklist ?? {};
        const unmet = CHECKLIST_KEYS.filter((k) => checklist[k] !== true);
        for (const key of unmet) {
          errors.push({
            path: `/checklist/${key}`,
            message: t(ctx.lang, 'data.checklistRequired'),
          });
        }
      }
      if (errors.length) {
        throw new AppError('VALIDATION_FAILED', { detailKey: 'data.checklistRequired', errors });
      }
    }
    await takeTransition(tx, ctx, datasetWorkflow, instance.id, {
      transition: input.transition,
      comment: input.comment,
    });
    const to =
      datasetWorkflow.transitions.find((tr) => tr.name === input.transition)?.to ?? dataset.state;
    const now = new Date().toISOString();
    await tx
      .update(datasets)
      .set({ state: to, ...(to === 'published' ? { publishedAt: now } : {}) })
      .where(eq(datasets.id, id));
    if (review) {
      const [row] = await tx
        .insert(dataReviews)
        .values({
          datasetId: id,
          decision: input.transition,
          checklist: input.checklist ?? {},
          note: input.comment?.trim() || null,
          reviewerId: actor.type === 'user' ? actor.id : null,
        })
        .returning();
      await recordAuditEvent(tx, ctx, {
        action: `dataset.review.${input.transition}`,
        entityType: DATASET_SUBJECT,
        entityId: id,
        after: row,
      });
    }
    await refreshDatasetIndex(tx, id);
    return datasetView(tx, ctx, id);
  });
}
