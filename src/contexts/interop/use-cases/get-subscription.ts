import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { findSubscriptionById } from '../db/queries.js';
import { loadSubscriptionView } from '../subscription-view.js';

/** One subscription, for both sides and the Dinas; anyone else gets a 404. */
export async function getSubscription(ctx: Ctx, id: string) {
  const sub = await findSubscriptionById(ctx.db, id);
  if (!sub) throw notFound();
  return loadSubscriptionView(ctx.db, ctx, sub);
}
