import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Static } from 'typebox';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import { pageWindow } from '../../../platform/http/schemas.js';
import { workflowInstances } from '../../../platform/workflow/tables.js';
import { agencies } from '../../organization/index.js';
import { interopApis, interopConsumers, interopSubscriptions } from '../db/tables.js';
import type { SubscriptionListQuery } from '../http/interop.schemas.js';
import { presentSubscriptionSummary } from '../http/presenters.js';
import { SUBSCRIPTION_SUBJECT, SUBSCRIPTION_WORKFLOW_ID } from '../subscription-constants.js';

const providerAgency = alias(agencies, 'provider_agency');
const consumerAgency = alias(agencies, 'consumer_agency');

/**
 * Subscriptions the caller's agencies take part in, as consumer or as provider (every one for the
 * Dinas and the oversight roles), newest first; filtered by state, API or application.
 */
export async function findSubscriptions(ctx: Ctx, query: Static<typeof SubscriptionListQuery>) {
  const { page, pageSize, offset } = pageWindow(query);
  const scope = readableAgencies(ctx.actor);
  const where = and(
    scope === 'all'
      ? undefined
      : scope.length
        ? or(inArray(interopApis.agencyId, scope), inArray(interopConsumers.agencyId, scope))
        : sql`false`,
    query.state ? eq(workflowInstances.state, query.state) : undefined,
    query.apiId ? eq(interopSubscriptions.apiId, query.apiId) : undefined,
    query.applicationId ? eq(interopConsumers.applicationId, query.applicationId) : undefined,
  ) as SQL | undefined;
  const base = () =>
    ctx.db
      .select({
        sub: interopSubscriptions,
        api: interopApis,
        consumer: interopConsumers,
        provider: { id: providerAgency.id, code: providerAgency.code, name: providerAgency.name },
        consumerAgency: {
          id: consumerAgency.id,
          code: consumerAgency.code,
          name: consumerAgency.name,
        },
        state: workflowInstances.state,
        dueAt: workflowInstances.dueAt,
      })
      .from(interopSubscriptions)
      .innerJoin(interopApis, eq(interopApis.id, interopSubscriptions.apiId))
      .innerJoin(interopConsumers, eq(interopConsumers.id, interopSubscriptions.consumerId))
      .innerJoin(providerAgency, eq(providerAgency.id, interopApis.agencyId))
      .innerJoin(consumerAgency, eq(consumerAgency.id, interopConsumers.agencyId))
      .innerJoin(
        workflowInstances,
        and(
          eq(workflowInstances.subjectId, interopSubscriptions.id),
          eq(workflowInstances.subjectType, SUBSCRIPTION_SUBJECT),
          eq(workflowInstances.workflowId, SUBSCRIPTION_WORKFLOW_ID),
        ),
      );
  const rows = await base()
    .where(where)
    .orderBy(desc(interopSubscriptions.createdAt), interopSubscriptions.id)
    .limit(pageSize)
    .offset(offset);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(interopSubscriptions)
    .innerJoin(interopApis, eq(interopApis.id, interopSubscriptions.apiId))
    .innerJoin(interopConsumers, eq(interopConsumers.id, interopSubscriptions.consumerId))
    .innerJoin(
      workflowInstances,
      and(
        eq(workflowInstances.subjectId, interopSubscriptions.id),
        eq(workflowInstances.subjectType, SUBSCRIPTION_SUBJECT),
        eq(workflowInstances.workflowId, SUBSCRIPTION_WORKFLOW_ID),
      ),
    )
    .where(where);
  return {
    items: rows.map((r) =>
      presentSubscriptionSummary(
        r.sub,
        r.api,
        r.consumer,
        { provider: r.provider, consumer: r.consumerAgency },
        { state: r.state, dueAt: r.dueAt },
      ),
    ),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
