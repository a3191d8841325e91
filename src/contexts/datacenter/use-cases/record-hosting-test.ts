import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { findHostingRequestById } from '../db/queries.js';
import { hostingInstanceOf, loadHostingRequestView } from '../hosting-request-view.js';
import { writeHostingTest } from '../hosting-test-record.js';
import type { HostingTestBody } from '../http/hosting-requests.schemas.js';
import { canRecordHostingTest, inScope } from '../policies.js';

type TestInput = Static<typeof HostingTestBody>;

/**
 * The Dinas records the security and feasibility test of the current round (Perbup Tabanan
 * 44/2022 Pasal 14 ayat (10) huruf b): a checklist of items passed, failed or not applicable,
 * the findings and attachments (scan reports). Possible only while the request is in testing;
 * saving again replaces the round's record, so a long test can be saved as it goes.
 */
export async function recordHostingTest(ctx: Ctx, id: string, input: TestInput) {
  return inTransaction(ctx, async (tx) => {
    const request = await findHostingRequestById(tx, id, true);
    if (!request || !inScope(ctx.actor, request.agencyId)) throw notFound();
    if (!canRecordHostingTest(ctx.actor)) throw forbidden();
    const instance = await hostingInstanceOf(tx, id);
    if (instance.state !== 'testing') throw conflict('datacenter.hostingRequest.notTesting');
    await writeHostingTest(tx, ctx, request, input);
    const fresh = await findHostingRequestById(tx, id);
    if (!fresh) throw notFound();
    return loadHostingRequestView(tx, ctx, fresh);
  });
}
