import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { findHostingRequestById } from '../db/queries.js';
import { hostingRequests } from '../db/tables.js';
import { hostingInstanceOf, loadHostingRequestView } from '../hosting-request-view.js';
import { EDITABLE_STATES, HOSTING_SUBJECT } from '../hosting-workflow.js';
import type { UpdateHostingRequestBody } from '../http/hosting-requests.schemas.js';
import { hostingRequestFields } from '../http/presenters.js';
import { canDraftHostingRequest, inScope } from '../policies.js';

/**
 * Changes a request while it is the agency's to change: a draft, or a request the Dinas returned
 * for fixing (Perbup Tabanan 44/2022 Pasal 14 ayat (10) huruf e). Once submitted it is frozen, so
 * the Dinas tests what was asked.
 */
export async function updateHostingRequest(
  ctx: Ctx,
  id: string,
  input: Static<typeof UpdateHostingRequestBody>,
) {
  return inTransaction(ctx, async (tx) => {
    const current = await findHostingRequestById(tx, id, true);
    if (!current || !inScope(ctx.actor, current.agencyId)) throw notFound();
    if (!canDraftHostingRequest(ctx.actor, current.agencyId)) throw forbidden();
    const instance = await hostingInstanceOf(tx, id);
    if (!EDITABLE_STATES.includes(instance.state)) {
      throw conflict('datacenter.hostingRequest.notEditable');
    }
    const [row] = await tx
      .update(hostingRequests)
      .set({
        ...input,
        ...(input.applicationName ? { applicationName: input.applicationName.trim() } : {}),
        updatedAt: new Date().toISOString(),
      })
      .where(eq(hostingRequests.id, id))
      .returning();
    if (!row) throw notFound();
    await recordAuditEvent(tx, ctx, {
      action: 'hosting_request.update',
      entityType: HOSTING_SUBJECT,
      entityId: id,
      before: hostingRequestFields(current),
      after: hostingRequestFields(row),
    });
    return loadHostingRequestView(tx, ctx, row);
  });
}
