import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { startWorkflow } from '../../../platform/workflow/engine.js';
import { checkAgencyId } from '../db/queries.js';
import { hostingRequests } from '../db/tables.js';
import { loadHostingRequestView } from '../hosting-request-view.js';
import { HOSTING_SUBJECT, hostingWorkflow } from '../hosting-workflow.js';
import type { CreateHostingRequestBody } from '../http/hosting-requests.schemas.js';
import { hostingRequestFields } from '../http/presenters.js';
import { canDraftHostingRequest } from '../policies.js';

/**
 * Drafts a request to place an application or server in the Pusat Data (Perbup Tabanan 44/2022
 * Pasal 14 ayat (1) and (10) huruf a), for the caller's agency unless another is named. The
 * request starts its workflow in `draft`; nothing reaches the Dinas until it is submitted.
 */
export async function createHostingRequest(
  ctx: Ctx,
  input: Static<typeof CreateHostingRequestBody>,
) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const agencyId = input.agencyId ?? (actor.type === 'user' ? actor.agencyId : null);
  if (!agencyId) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: '/agencyId', message: t(ctx.lang, 'validation.required') }],
    });
  }
  if (!canDraftHostingRequest(actor, agencyId)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const errors = await checkAgencyId(tx, ctx, agencyId, '/agencyId');
    if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
    const { agencyId: _ignored, ...fields } = input;
    const [row] = await tx
      .insert(hostingRequests)
      .values({
        ...fields,
        applicationName: fields.applicationName.trim(),
        agencyId,
        createdBy: actor.type === 'user' ? actor.id : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'hosting_request.create',
      entityType: HOSTING_SUBJECT,
      entityId: row.id,
      after: hostingRequestFields(row),
    });
    await startWorkflow(tx, ctx, hostingWorkflow, {
      subjectType: HOSTING_SUBJECT,
      subjectId: row.id,
      agencyId,
    });
    return loadHostingRequestView(tx, ctx, row);
  });
}
