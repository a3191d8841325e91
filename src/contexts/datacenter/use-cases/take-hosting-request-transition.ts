import { eq, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, type FieldError, forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { availableTransitions, takeTransition } from '../../../platform/workflow/engine.js';
import { checkDeviceId, findHostingRequestById } from '../db/queries.js';
import { hostingAllocations, hostingRequests } from '../db/tables.js';
import { hostingInstanceOf, loadHostingRequestView } from '../hosting-request-view.js';
import { writeHostingTest } from '../hosting-test-record.js';
import { HOSTING_SUBJECT, hostingWorkflow } from '../hosting-workflow.js';
import type { HostingTransitionBody } from '../http/hosting-requests.schemas.js';
import { presentAllocation } from '../http/presenters.js';
import { inScope } from '../policies.js';

/**
 * Moves a hosting request along Perbup Tabanan 44/2022 Pasal 14 ayat (10): submit and resubmit
 * by the agency (huruf a, e), start and complete the security and feasibility test (huruf b),
 * then accept or return after the analysis (huruf c–d). `complete_test` may carry the test
 * record, saved first; `accept` must carry the allocation, recorded with it. The engine refuses
 * an impossible transition (409), the wrong role (403), a missing comment (400) and a guard's
 * objection (409); all of it is one transaction with the timeline, the audit trail and the
 * notifications.
 */
export async function takeHostingRequestTransition(
  ctx: Ctx,
  id: string,
  input: Static<typeof HostingTransitionBody>,
) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const request = await findHostingRequestById(tx, id, true);
    if (!request || !inScope(actor, request.agencyId)) throw notFound();
    const instance = await hostingInstanceOf(tx, id);

    // Payload checks only for someone who may take this transition now; anyone else gets the
    // engine's 409 or 403 below.
    const offered = availableTransitions(hostingWorkflow, instance, actor).some(
      (tr) => tr.name === input.transition,
    );
    if (offered) {
      const errors: FieldError[] = [];
      const notHere = t(ctx.lang, 'datacenter.notForTransition');
      if (input.test && input.transition !== 'complete_test') {
        errors.push({ path: '/test', message: notHere });
      }
      if (input.allocation && input.transition !== 'accept') {
        errors.push({ path: '/allocation', message: notHere });
      }
      if (input.transition === 'accept') {
        if (!input.allocation) {
          errors.push({
            path: '/allocation',
            message: t(ctx.lang, 'datacenter.allocationRequired'),
          });
        } else {
          errors.push(
            ...(await checkDeviceId(tx, ctx, input.allocation.deviceId, '/allocation/deviceId')),
          );
        }
      }
      if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
      if (input.test) await writeHostingTest(tx, ctx, request, input.test, '/test');
    }

    await takeTransition(tx, ctx, hostingWorkflow, instance.id, {
      transition: input.transition,
      comment: input.comment,
      attachmentIds: input.attachmentIds,
    });

    const now = new Date().toISOString();
    await tx
      .update(hostingRequests)
      .set({
        updatedAt: now,
        // A new round of testing: the test recorded from now on belongs to it.
        ...(input.transition === 'start_test'
          ? { testRound: sql`${hostingRequests.testRound} + 1` }
          : {}),
      })
      .where(eq(hostingRequests.id, id));
    if (input.transition === 'accept' && input.allocation) {
      const { allocation } = input;
      const [row] = await tx
        .insert(hostingAllocations)
        .values({
          requestId: id,
          hostName: allocation.hostName.trim(),
          ipAddress: allocation.ipAddress?.trim() || null,
          deviceId: allocation.deviceId ?? null,
          vcpu: allocation.vcpu ?? null,
          ramGb: allocation.ramGb ?? null,
          storageGb: allocation.storageGb ?? null,
          bandwidthMbps: allocation.bandwidthMbps ?? null,
          allocatedOn: allocation.allocatedOn,
          notes: allocation.notes?.trim() || null,
          recordedBy: actor.type === 'user' ? actor.id : null,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await recordAuditEvent(tx, ctx, {
        action: 'hosting_request.allocate',
        entityType: HOSTING_SUBJECT,
        entityId: id,
        after: presentAllocation(row),
      });
    }
    const fresh = await findHostingRequestById(tx, id);
    if (!fresh) throw notFound();
    return loadHostingRequestView(tx, ctx, fresh);
  });
}
