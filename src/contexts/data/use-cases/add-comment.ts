import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { DATASET_SUBJECT } from '../data-workflow.js';
import { findDatasetById } from '../db/queries.js';
import { dataComments } from '../db/tables.js';
import type { CommentBody } from '../http/data.schemas.js';
import { canComment, inDataScope } from '../policies.js';
import { datasetView } from './get-dataset.js';

/** The Pembina Data guides; the walidata and the produsen answer (Perpres 39/2019 Pasal 1 angka 11). */
export async function addDatasetComment(ctx: Ctx, id: string, input: Static<typeof CommentBody>) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const dataset = await findDatasetById(tx, id);
    if (!dataset || !inDataScope(actor, dataset.agencyId)) throw notFound();
    if (!canComment(actor, dataset.agencyId)) throw forbidden();
    const [row] = await tx
      .insert(dataComments)
      .values({
        datasetId: id,
        authorId: actor.type === 'user' ? actor.id : null,
        authorName: actor.type === 'user' ? actor.name : `system:${actor.label}`,
        body: input.body.trim(),
      })
      .returning();
    await recordAuditEvent(tx, ctx, {
      action: 'dataset.comment',
      entityType: DATASET_SUBJECT,
      entityId: id,
      after: row,
    });
    return datasetView(tx, ctx, id);
  });
}
