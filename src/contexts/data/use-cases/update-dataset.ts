import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { Tx } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { DATASET_SUBJECT, EDITABLE_STATES } from '../data-workflow.js';
import { datasetInstanceOf } from '../dataset-view.js';
import { type DatasetRow, findDatasetById, refreshDatasetIndex } from '../db/queries.js';
import { datasets } from '../db/tables.js';
import type { UpdateDatasetBody } from '../http/data.schemas.js';
import { datasetFields } from '../http/presenters.js';
import { canDraftDataset, inDataScope } from '../policies.js';
import { datasetView } from './get-dataset.js';

/** Loads a dataset the producer may change now (draft or returned), locked; else 404/403/409. */
export async function editableDataset(tx: Tx, ctx: Ctx, id: string): Promise<DatasetRow> {
  const row = await findDatasetById(tx, id, true);
  if (!row || !inDataScope(ctx.actor, row.agencyId)) throw notFound();
  if (!canDraftDataset(ctx.actor, row.agencyId)) throw forbidden();
  const instance = await datasetInstanceOf(tx, id);
  if (!EDITABLE_STATES.includes(instance.state)) {
    throw new AppError('CONFLICT', { detailKey: 'data.dataset.notEditable' });
  }
  return row;
}

export async function updateDataset(ctx: Ctx, id: string, input: Static<typeof UpdateDatasetBody>) {
  if (!ctx.actor) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const before = await editableDataset(tx, ctx, id);
    const [row] = await tx
      .update(datasets)
      .set({
        ...input,
        ...(input.title ? { title: input.title.trim() } : {}),
        ...(input.tags ? { tags: input.tags.map((tag) => tag.trim().toLowerCase()) } : {}),
      })
      .where(eq(datasets.id, id))
      .returning();
    if (!row) throw notFound();
    await recordAuditEvent(tx, ctx, {
      action: 'dataset.update',
      entityType: DATASET_SUBJECT,
      entityId: id,
      before: datasetFields(before),
      after: datasetFields(row),
    });
    await refreshDatasetIndex(tx, id);
    return datasetView(tx, ctx, id);
  });
}
