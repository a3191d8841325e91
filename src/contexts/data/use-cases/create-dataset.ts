import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { startWorkflow } from '../../../platform/workflow/engine.js';
import { findAgencyById } from '../../organization/index.js';
import { DATASET_SUBJECT, datasetWorkflow } from '../data-workflow.js';
import { findDatasetByName, refreshDatasetIndex, slugify } from '../db/queries.js';
import { datasets } from '../db/tables.js';
import type { CreateDatasetBody } from '../http/data.schemas.js';
import { datasetFields } from '../http/presenters.js';
import { canDraftDataset } from '../policies.js';
import { datasetView } from './get-dataset.js';

const EMPTY_STANDARD = { konsep: '', definisi: '', klasifikasi: '', ukuran: '', satuan: '' };

/**
 * A producing agency drafts a dataset with its metadata and Standar Data (Perpres 39/2019
 * Pasal 3–5); it starts the verification workflow in `draft`. The name (URL slug) defaults to
 * the title's slug.
 */
export async function createDataset(ctx: Ctx, input: Static<typeof CreateDatasetBody>) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const agencyId =
    input.agencyId ??
    (actor.type === 'user'
      ? actor.roles.find((g) => g.role === 'data_producer')?.agencyId
      : undefined);
  if (!agencyId || !(await findAgencyById(ctx.db, agencyId))) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: '/agencyId', message: t(ctx.lang, 'validation.required') }],
    });
  }
  if (!canDraftDataset(actor, agencyId)) throw forbidden();
  const name = input.name ?? slugify(input.title).slice(0, 100);
  if (name.length < 2 || (await findDatasetByName(ctx.db, name))) {
    throw new AppError('CONFLICT', {
      detailKey: 'data.dataset.nameTaken',
      errors: [{ path: '/name', message: t(ctx.lang, 'data.dataset.nameTaken') }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    const { agencyId: _a, name: _n, ...fields } = input;
    const [row] = await tx
      .insert(datasets)
      .values({
        ...fields,
        title: fields.title.trim(),
        tags: (fields.tags ?? []).map((tag) => tag.trim().toLowerCase()),
        standard: fields.standard ?? EMPTY_STANDARD,
        name,
        agencyId,
        createdBy: actor.type === 'user' ? actor.id : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'dataset.create',
      entityType: DATASET_SUBJECT,
      entityId: row.id,
      after: datasetFields(row),
    });
    await startWorkflow(tx, ctx, datasetWorkflow, {
      subjectType: DATASET_SUBJECT,
      subjectId: row.id,
      agencyId,
    });
    await refreshDatasetIndex(tx, row.id);
    return datasetView(tx, ctx, row.id);
  });
}
