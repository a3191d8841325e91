import { and, count, eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { Executor } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { loadCodeLists, refreshDatasetIndex } from '../db/queries.js';
import { dataResources, dataRows } from '../db/tables.js';
import type { CreateResourceBody, UpdateSchemaBody } from '../http/data.schemas.js';
import { codeListRefs, schemaProblems, type TableSchema } from '../tabular/table-schema.js';
import { datasetView } from './get-dataset.js';
import { editableDataset } from './update-dataset.js';

/** The schema's own consistency and its code lists must exist, or it is a 400 naming the place. */
export async function checkSchema(db: Executor, ctx: Ctx, schema: TableSchema, base: string) {
  const problems = schemaProblems(schema).map((p) => ({
    path: `${base}${p.path}`,
    message: t(ctx.lang, 'data.schema.invalid'),
  }));
  const refs = codeListRefs(schema);
  const lists = await loadCodeLists(db, refs);
  refs.forEach((ref, i) => {
    if (!lists.has(ref)) {
      problems.push({
        path: `${base}/foreignKeys/${i}/reference/resource`,
        message: t(ctx.lang, 'error.NOT_FOUND'),
      });
    }
  });
  if (problems.length) {
    throw new AppError('VALIDATION_FAILED', { detailKey: 'data.schema.invalid', errors: problems });
  }
}

/**
 * Adds a resource: a table with its data dictionary (the file is uploaded next, and validated
 * against it), or a link to a page or an API (e.g. one published on the service bus).
 */
export async function addResource(
  ctx: Ctx,
  datasetId: string,
  input: Static<typeof CreateResourceBody>,
) {
  if (!ctx.actor) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    await editableDataset(tx, ctx, datasetId);
    if (input.kind === 'table')
      await checkSchema(tx, ctx, input.tableSchema as TableSchema, '/tableSchema');
    const [n] = await tx
      .select({ n: count() })
      .from(dataResources)
      .where(eq(dataResources.datasetId, datasetId));
    const [row] = await tx
      .insert(dataResources)
      .values({
        datasetId,
        kind: input.kind,
        name: input.name.trim(),
        description: input.description ?? '',
        format: input.kind === 'table' ? 'CSV' : (input.format ?? 'API'),
        url: input.kind === 'link' ? input.url : null,
        tableSchema: input.kind === 'table' ? input.tableSchema : null,
        position: n?.n ?? 0,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'dataset.resource.add',
      entityType: 'data_resource',
      entityId: row.id,
      after: row,
    });
    await refreshDatasetIndex(tx, datasetId);
    return datasetView(tx, ctx, datasetId);
  });
}

/**
 * Replaces a table's data dictionary. The file already there must be validated again, so its
 * report is dropped: the producer uploads the file again (a changed schema never silently
 * passes an old check).
 */
export async function updateResourceSchema(
  ctx: Ctx,
  datasetId: string,
  resourceId: string,
  input: Static<typeof UpdateSchemaBody>,
) {
  if (!ctx.actor) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    await editableDataset(tx, ctx, datasetId);
    const [before] = await tx
      .select()
      .from(dataResources)
      .where(and(eq(dataResources.id, resourceId), eq(dataResources.datasetId, datasetId)));
    if (!before) throw notFound();
    if (before.kind !== 'table') {
      throw new AppError('CONFLICT', { detailKey: 'data.resource.notATableResource' });
    }
    await checkSchema(tx, ctx, input.tableSchema as TableSchema, '/tableSchema');
    await tx
      .update(dataResources)
      .set({
        tableSchema: input.tableSchema,
        validation: null,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(dataResources.id, resourceId));
    await tx.delete(dataRows).where(eq(dataRows.resourceId, resourceId));
    await recordAuditEvent(tx, ctx, {
      action: 'dataset.resource.schema',
      entityType: 'data_resource',
      entityId: resourceId,
      before: before.tableSchema,
      after: input.tableSchema,
    });
    await refreshDatasetIndex(tx, datasetId);
    return datasetView(tx, ctx, datasetId);
  });
}
