import { and, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import type { FileStore } from '../../../platform/files/file-store.js';
import { uploadFile } from '../../../platform/files/files.js';
import { type MessageKey, t } from '../../../platform/i18n/messages.js';
import { findDatasetById, loadCodeLists, refreshDatasetIndex } from '../db/queries.js';
import { dataResources, dataRows, type ValidationReport } from '../db/tables.js';
import { inDataScope } from '../policies.js';
import { decodeText, readTable, type TableFormat, TableReadError } from '../tabular/parse-table.js';
import { codeListRefs, type TableSchema, validateTable } from '../tabular/table-schema.js';
import { datasetView } from './get-dataset.js';
import { editableDataset } from './update-dataset.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MEDIA: Record<TableFormat, string> = { CSV: 'text/csv', JSON: 'application/json', XLSX };

function formatOf(fileName: string, bytes: Buffer): TableFormat | null {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (/\.xlsx$/i.test(fileName)) return zip ? 'XLSX' : null;
  if (zip) return null;
  if (/\.csv$/i.test(fileName)) return 'CSV';
  if (/\.json$/i.test(fileName)) return 'JSON';
  return null;
}

function unreadable(ctx: Ctx, error: TableReadError): AppError {
  const reason = t(ctx.lang, `data.read.${error.code}` as MessageKey, error.params);
  return new AppError('VALIDATION_FAILED', {
    detailKey: 'data.resource.unreadable',
    detailParams: { reason },
    errors: [{ path: '/file', message: t(ctx.lang, 'data.resource.unreadable', { reason }) }],
  });
}

/**
 * Uploads the file of a table resource and validates it against the resource's data
 * dictionary (Frictionless Table Schema): types, required, ranges, enums, uniqueness and
 * foreign keys into reference code lists, Indonesian number formats. The report lists each
 * problem by line and column. A failing file is kept for the producer to see but blocks
 * submission and publication; a passing one is loaded row by row for preview, the data API
 * and exports. Text not in UTF-8 (Windows-1252 from Excel) is converted before it is stored;
 * an unreadable file (malformed CSV, binary, too many rows) is refused and changes nothing.
 */
export async function uploadResourceFile(
  ctx: Ctx,
  store: FileStore,
  datasetId: string,
  resourceId: string,
  file: { fileName: string; bytes: Buffer },
) {
  if (!ctx.actor) throw forbidden();
  const dataset = await findDatasetById(ctx.db, datasetId);
  if (!dataset || !inDataScope(ctx.actor, dataset.agencyId)) throw notFound();
  await inTransaction(ctx, (tx) => editableDataset(tx, ctx, datasetId));
  const [resource] = await ctx.db
    .select()
    .from(dataResources)
    .where(and(eq(dataResources.id, resourceId), eq(dataResources.datasetId, datasetId)));
  if (!resource) throw notFound();
  if (resource.kind !== 'table' || !resource.tableSchema) {
    throw new AppError('CONFLICT', { detailKey: 'data.resource.notATableResource' });
  }
  const format = formatOf(file.fileName, file.bytes);
  if (!format)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detailKey: 'data.resource.notTable' });

  let bytes = file.bytes;
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(format, file.bytes);
    if (format !== 'XLSX') {
      // Stored as sent when it is UTF-8 (so it downloads unchanged); converted otherwise.
      const { encoding, text } = decodeText(file.bytes);
      if (!encoding.startsWith('utf-8')) bytes = Buffer.from(text, 'utf8');
    }
  } catch (error) {
    if (error instanceof TableReadError) throw unreadable(ctx, error);
    throw error;
  }
  const schema = resource.tableSchema as unknown as TableSchema;
  const lists = await loadCodeLists(ctx.db, codeListRefs(schema));
  const check = validateTable(table, schema, lists);
  const stored = await uploadFile(ctx, store, {
    agencyId: dataset.agencyId,
    fileName: file.fileName,
    bytes,
  });

  return inTransaction(ctx, async (tx) => {
    await editableDataset(tx, ctx, datasetId);
    const report: ValidationReport = {
      valid: check.errorCount === 0,
      rowCount: table.rows.length,
      errorCount: check.errorCount,
      errors: check.issues,
      encoding: table.encoding,
      checkedAt: new Date().toISOString(),
    };
    await tx
      .update(dataResources)
      .set({
        format,
        fileId: stored.id,
        fileSha256: stored.sha256,
        fileName: stored.originalName,
        mediaType: MEDIA[format],
        size: stored.size,
        validation: report,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(dataResources.id, resourceId));
    await tx.delete(dataRows).where(eq(dataRows.resourceId, resourceId));
    if (report.valid) {
      for (let i = 0; i < check.records.length; i += 500) {
        await tx
          .insert(dataRows)
          .values(
            check.records
              .slice(i, i + 500)
              .map((data, j) => ({ resourceId, rowNo: i + j + 1, data })),
          );
      }
    }
    await recordAuditEvent(tx, ctx, {
      action: 'dataset.resource.upload',
      entityType: 'data_resource',
      entityId: resourceId,
      after: {
        fileId: stored.id,
        sha256: stored.sha256,
        valid: report.valid,
        errorCount: report.errorCount,
        rowCount: report.rowCount,
      },
    });
    await refreshDatasetIndex(tx, datasetId);
    return datasetView(tx, ctx, datasetId);
  });
}
