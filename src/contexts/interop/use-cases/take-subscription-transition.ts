import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { takeTransition } from '../../../platform/workflow/engine.js';
import { findSubscriptionById } from '../db/queries.js';
import { interopSubscriptions } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import type { SubscriptionTransitionBody } from '../http/interop.schemas.js';
import {
  loadSubscriptionParts,
  loadSubscriptionView,
  subscriptionInstanceOf,
} from '../subscription-view.js';
import { ENDED_STATES, subscriptionWorkflow } from '../subscription-workflow.js';

/**
 * Approves, rejects or revokes a subscription: the provider agency first, then the Dinas
 * (Perbup Purbalingga 45/2024 Pasal 20; Tabanan 44/2022 Pasal 13). The engine refuses an
 * impossible step (409), the wrong role (403) and a rejection or revocation without reasons (400).
 * Activation and revocation change what the gateway lets through: the configuration version is
 * bumped in the same transaction.
 */
export async function takeSubscriptionTransition(
  ctx: Ctx,
  id: string,
  input: Static<typeof SubscriptionTransitionBody>,
) {
  if (!ctx.actor) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const sub = await findSubscriptionById(tx, id, true);
    if (!sub) throw notFound();
    await loadSubscriptionParts(tx, ctx, sub);
    const instance = await subscriptionInstanceOf(tx, id);
    const after = await takeTransition(tx, ctx, subscriptionWorkflow, instance.id, {
      transition: input.transition,
      comment: input.comment,
    });
    const now = new Date().toISOString();
    await tx
      .update(interopSubscriptions)
      .set({ updatedAt: now, ...(ENDED_STATES.includes(after.state) ? { endedAt: now } : {}) })
      .where(eq(interopSubscriptions.id, id));
    await bumpConfigVersion(tx);
    const fresh = await findSubscriptionById(tx, id);
    if (!fresh) throw notFound();
    return loadSubscriptionView(tx, ctx, fresh);
  });
}
