import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { findSubscriptionById } from '../db/queries.js';
import { interopSubscriptions } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import type { PlanBody } from '../http/interop.schemas.js';
import { canSetPlan } from '../policies.js';
import { SUBSCRIPTION_SUBJECT } from '../subscription-constants.js';
import { loadSubscriptionParts, loadSubscriptionView } from '../subscription-view.js';

/**
 * Sets a subscription's plan: requests per minute and the daily and monthly quotas (null: none).
 * The provider agency or the Dinas decides; the gateway applies it at its next poll.
 */
export async function updateSubscriptionPlan(ctx: Ctx, id: string, input: Static<typeof PlanBody>) {
  return inTransaction(ctx, async (tx) => {
    const before = await findSubscriptionById(tx, id, true);
    if (!before) throw notFound();
    const { api } = await loadSubscriptionParts(tx, ctx, before);
    if (!canSetPlan(ctx.actor, api.agencyId)) throw forbidden();
    if (before.endedAt) throw new AppError('CONFLICT', { detailKey: 'interop.subscription.ended' });
    const [after] = await tx
      .update(interopSubscriptions)
      .set({ ...input, updatedAt: new Date().toISOString() })
      .where(eq(interopSubscriptions.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    const plan = (s: typeof after) => ({
      ratePerMinute: s.ratePerMinute,
      dailyQuota: s.dailyQuota,
      monthlyQuota: s.monthlyQuota,
    });
    await recordAuditEvent(tx, ctx, {
      action: 'interop_subscription.plan',
      entityType: SUBSCRIPTION_SUBJECT,
      entityId: id,
      before: plan(before),
      after: plan(after),
    });
    await bumpConfigVersion(tx);
    return loadSubscriptionView(tx, ctx, after);
  });
}
