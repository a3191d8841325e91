import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/client.js';
import {
  checkAttachmentIds,
  findHostingTest,
  type HostingRequestRow,
  throwIfInvalid,
} from './db/queries.js';
import { hostingRequests, hostingTests } from './db/tables.js';
import { HOSTING_SUBJECT } from './hosting-workflow.js';
import type { HostingTestBody } from './http/hosting-requests.schemas.js';
import { presentHostingTest } from './http/presenters.js';

type TestInput = Static<typeof HostingTestBody>;

/**
 * Records (or replaces, while the test runs) the checklist, findings and attachments of the
 * current round's security and feasibility test, inside the caller's transaction. The caller has
 * checked that the request is being tested and that the actor is the Dinas.
 */
export async function writeHostingTest(
  tx: Tx,
  ctx: Ctx,
  request: HostingRequestRow,
  input: TestInput,
  path = '',
) {
  const attachmentIds = input.attachmentIds ?? [];
  const errors = await checkAttachmentIds(tx, ctx, attachmentIds, `${path}/attachmentIds`);
  throwIfInvalid(errors);
  const before = await findHostingTest(tx, request.id, request.testRound);
  const actor = ctx.actor;
  const values = {
    checklist: input.checklist.map((c) => ({
      item: c.item.trim(),
      result: c.result,
      notes: c.notes?.trim() || null,
    })),
    findings: input.findings?.trim() || null,
    attachmentIds,
    recordedBy: actor?.type === 'user' ? actor.id : null,
    recordedByName: actor?.type === 'user' ? actor.name : `system:${actor?.label ?? ''}`,
    updatedAt: new Date().toISOString(),
  };
  const [row] = await tx
    .insert(hostingTests)
    .values({ requestId: request.id, round: request.testRound, ...values })
    .onConflictDoUpdate({ target: [hostingTests.requestId, hostingTests.round], set: values })
    .returning();
  if (!row) throw new Error('upsert returned nothing');
  await tx
    .update(hostingRequests)
    .set({ updatedAt: values.updatedAt })
    .where(eq(hostingRequests.id, request.id));
  await recordAuditEvent(tx, ctx, {
    action: 'hosting_request.record_test',
    entityType: HOSTING_SUBJECT,
    entityId: request.id,
    before: before ? presentHostingTest(before) : undefined,
    after: presentHostingTest(row),
  });
  return row;
}
