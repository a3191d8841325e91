import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { findAgencyById } from '../../contexts/organization/index.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import type { Ctx } from '../auth/actor.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { type MessageKey, t } from '../i18n/messages.js';
import { sanitizeFileName } from './file-name.js';
import type { FileStore } from './file-store.js';
import { inFileScope } from './policies.js';
import { ALLOWED_DESCRIPTION, sniffMediaType } from './sniff.js';
import { files } from './tables.js';

export type FileRow = typeof files.$inferSelect;

export function presentFile(row: FileRow) {
  return {
    id: row.id,
    sha256: row.sha256,
    size: row.size,
    mediaType: row.mediaType,
    originalName: row.originalName,
    agencyId: row.agencyId,
    uploadedBy: row.uploadedBy,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export interface UploadInput {
  agencyId: string;
  fileName: string;
  bytes: Buffer;
}

/**
 * Stores an upload for an agency: name checked, type sniffed from the bytes, contents stored by
 * SHA-256, metadata and audit event in one transaction. (The bytes are written first; if the
 * transaction then fails, an unreferenced blob remains, which is harmless.)
 */
export async function uploadFile(ctx: Ctx, store: FileStore, input: UploadInput) {
  if (!ctx.actor) throw forbidden();
  const invalid = (path: string, key: MessageKey) =>
    new AppError('VALIDATION_FAILED', {
      detailKey: key,
      errors: [{ path, message: t(ctx.lang, key) }],
    });
  if (!(await findAgencyById(ctx.db, input.agencyId))) {
    throw invalid('/agencyId', 'user.agencyInvalid');
  }
  if (!inFileScope(ctx.actor, input.agencyId)) throw forbidden();
  const originalName = sanitizeFileName(input.fileName);
  if (!originalName) throw invalid('/file', 'file.badName');
  if (input.bytes.length === 0) throw invalid('/file', 'file.empty');
  const mediaType = sniffMediaType(input.bytes, originalName);
  if (!mediaType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detailKey: 'file.typeNotAllowed',
      detailParams: { allowed: ALLOWED_DESCRIPTION },
    });
  }
  const sha256 = await store.put(input.bytes);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(files)
      .values({
        sha256,
        size: input.bytes.length,
        mediaType,
        originalName,
        agencyId: input.agencyId,
        uploadedBy: ctx.actor?.type === 'user' ? ctx.actor.id : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const file = presentFile(row);
    await recordAuditEvent(tx, ctx, {
      action: 'file.upload',
      entityType: 'file',
      entityId: row.id,
      after: file,
    });
    return file;
  });
}

/** A file's metadata; outside the caller's agency scope it does not exist (404). */
export async function getFile(ctx: Ctx, id: string): Promise<FileRow> {
  const [row] = await ctx.db.select().from(files).where(eq(files.id, id));
  if (!row || !inFileScope(ctx.actor, row.agencyId)) throw notFound();
  return row;
}

export async function openFileContent(
  ctx: Ctx,
  store: FileStore,
  id: string,
): Promise<{ file: FileRow; content: Readable }> {
  const file = await getFile(ctx, id);
  return { file, content: await store.read(file.sha256) };
}
