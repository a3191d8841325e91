import type { Static } from 'typebox';
import type { Ctx } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import { notFound } from '../../platform/errors.js';
import {
  availableTransitionsFor,
  findWorkflowInstance,
  getTimeline,
} from '../../platform/workflow/engine.js';
import {
  agencyOf,
  findAgencyRefs,
  findApiById,
  findConsumerById,
  type SubscriptionRow,
} from './db/queries.js';
import type { SubscriptionDetail } from './http/interop.schemas.js';
import { presentSubscriptionSummary } from './http/presenters.js';
import { canSeeSubscription, canSetPlan } from './policies.js';
import { SUBSCRIPTION_SUBJECT } from './subscription-constants.js';
import { subscriptionWorkflow } from './subscription-workflow.js';

export async function subscriptionInstanceOf(db: Executor, id: string) {
  const instance = await findWorkflowInstance(
    db,
    subscriptionWorkflow.id,
    SUBSCRIPTION_SUBJECT,
    id,
  );
  if (!instance) throw new Error(`Subscription ${id} has no workflow instance`);
  return instance;
}

/** The subscription with its API, consumer and both agencies; unseen by the caller → 404. */
export async function loadSubscriptionParts(db: Executor, ctx: Ctx, sub: SubscriptionRow) {
  // One at a time: `db` may be a transaction, whose connection runs one query at a time.
  const api = await findApiById(db, sub.apiId);
  const consumer = await findConsumerById(db, sub.consumerId);
  if (!api || !consumer || !canSeeSubscription(ctx.actor, consumer.agencyId, api.agencyId))
    throw notFound();
  return { api, consumer };
}

/** A subscription as its detail screen shows it: plan, state, timeline, what the caller may do. */
export async function loadSubscriptionView(
  db: Executor,
  ctx: Ctx,
  sub: SubscriptionRow,
): Promise<Static<typeof SubscriptionDetail>> {
  const { api, consumer } = await loadSubscriptionParts(db, ctx, sub);
  const instance = await subscriptionInstanceOf(db, sub.id);
  const refs = await findAgencyRefs(db, [api.agencyId, consumer.agencyId]);
  const timeline = await getTimeline(db, instance.id);
  const transitions = await availableTransitionsFor(
    { ...ctx, db: db as never },
    subscriptionWorkflow,
    instance,
  );
  return {
    ...presentSubscriptionSummary(
      sub,
      api,
      consumer,
      { provider: agencyOf(refs, api.agencyId), consumer: agencyOf(refs, consumer.agencyId) },
      instance,
    ),
    timeline,
    transitions,
    canSetPlan: canSetPlan(ctx.actor, api.agencyId) && !sub.endedAt,
  };
}
