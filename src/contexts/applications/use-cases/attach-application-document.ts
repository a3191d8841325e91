import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { inFileScope } from '../../../platform/files/policies.js';
import { files } from '../../../platform/files/tables.js';
import { lockApplication, nextDocumentVersion } from '../db/queries.js';
import { applicationDocuments, applications } from '../db/tables.js';
import type { AttachDocumentBody } from '../http/applications.schemas.js';
import { APPLICATION_SUBJECT } from '../model.js';
import { canManageApplicationsOf, canReadApplicationsOf } from '../policies.js';
import { validationFailed } from '../validation.js';
import { getApplication } from './get-application.js';

/**
 * Attaches an uploaded file as one of the four required documents (Perbup Tabanan 44/2022 Pasal
 * 7 ayat (4)–(5); Sragen 41/2019 Pasal 11 ayat (2)–(3); OKU Timur Pasal 19 ayat (2)–(3)): the
 * Dinas's repository of them. The file must have been uploaded for the application's own agency,
 * so everyone who reads the application can read its documents. A new upload of a kind becomes
 * its next version and supersedes the previous one, which stays in the history.
 */
export async function attachApplicationDocument(
  ctx: Ctx,
  id: string,
  input: Static<typeof AttachDocumentBody>,
) {
  await inTransaction(ctx, async (tx) => {
    const app = await lockApplication(tx, id);
    if (!app || !canReadApplicationsOf(ctx.actor, app.agencyId)) throw notFound();
    if (!canManageApplicationsOf(ctx.actor, app.agencyId)) throw forbidden();
    const [file] = await tx
      .select({ id: files.id, agencyId: files.agencyId })
      .from(files)
      .where(eq(files.id, input.fileId));
    if (!file || !inFileScope(ctx.actor, file.agencyId) || file.agencyId !== app.agencyId) {
      throw validationFailed(ctx, [{ path: '/fileId', key: 'application.documentFileInvalid' }]);
    }
    const version = await nextDocumentVersion(tx, id, input.kind);
    const [row] = await tx
      .insert(applicationDocuments)
      .values({
        applicationId: id,
        kind: input.kind,
        version,
        fileId: input.fileId,
        uploadedBy: ctx.actor?.type === 'user' ? ctx.actor.id : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await tx
      .update(applications)
      .set({ updatedAt: new Date().toISOString() })
      .where(eq(applications.id, id));
    await recordAuditEvent(tx, ctx, {
      action: 'application.document_attach',
      entityType: APPLICATION_SUBJECT,
      entityId: id,
      after: { documentId: row.id, kind: row.kind, version: row.version, fileId: row.fileId },
    });
  });
  return getApplication(ctx, id);
}
