import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { Tx } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, conflict, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { startWorkflow } from '../../../platform/workflow/engine.js';
import { applications } from '../../applications/index.js';
import { findApiById, findConsumerByApplication } from '../db/queries.js';
import { interopConsumers, interopSubscriptions } from '../db/tables.js';
import type { CreateSubscriptionBody } from '../http/interop.schemas.js';
import { DEFAULT_PLAN, declaredScopes } from '../model.js';
import { canSeeApi, canSubscribeFor, inScope } from '../policies.js';
import { SUBSCRIPTION_SUBJECT } from '../subscription-constants.js';
import { loadSubscriptionView } from '../subscription-view.js';
import { subscriptionWorkflow } from '../subscription-workflow.js';

/**
 * A registered Aplikasi SPBE asks to consume an API through the Sistem Penghubung Layanan
 * (Perbup Purbalingga 45/2024 Pasal 20; Tabanan 44/2022 Pasal 13 ayat (3)). The application
 * becomes a consumer on its first request. The subscription starts in `requested` with the
 * default plan; the provider agency and then the Dinas approve it. `scopes` names the scopes
 * asked for, each one declared by an operation of the API; without it (null) every scope the
 * API declares is granted.
 */
export async function createSubscription(ctx: Ctx, input: Static<typeof CreateSubscriptionBody>) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const [app] = await tx
      .select()
      .from(applications)
      .where(eq(applications.id, input.applicationId));
    const api = await findApiById(tx, input.apiId);
    const errors = [];
    if (!app || !inScope(actor, app.agencyId)) {
      errors.push({
        path: '/applicationId',
        message: t(ctx.lang, 'interop.subscription.applicationUnknown'),
      });
    }
    if (!api || !canSeeApi(actor, api)) {
      errors.push({ path: '/apiId', message: t(ctx.lang, 'interop.subscription.apiUnknown') });
    }
    if (api && canSeeApi(actor, api) && input.scopes) {
      // Only scopes the API's operations declare can be asked for: what the provider and the
      // Dinas approve is then exactly what the tokens and the gateway will allow.
      const declared = declaredScopes(api.operations);
      input.scopes.forEach((scope, i) => {
        if (!declared.has(scope)) {
          errors.push({
            path: `/scopes/${i}`,
            message: t(ctx.lang, 'interop.subscription.scopeUnknown', { scope }),
          });
        }
      });
    }
    if (errors.length || !app || !api) throw new AppError('VALIDATION_FAILED', { errors });
    if (!canSubscribeFor(actor, app.agencyId)) throw forbidden();
    if (api.status !== 'published') {
      throw conflict(
        'interop.subscription.apiNotPublished',
        '/apiId',
        t(ctx.lang, 'interop.subscription.apiNotPublished'),
      );
    }
    const consumer = await ensureConsumer(tx, app);
    const duplicate = (
      await tx
        .select({ apiId: interopSubscriptions.apiId, endedAt: interopSubscriptions.endedAt })
        .from(interopSubscriptions)
        .where(eq(interopSubscriptions.consumerId, consumer.id))
    ).some((s) => s.apiId === api.id && !s.endedAt);
    if (duplicate) {
      throw conflict(
        'interop.subscription.duplicate',
        '/apiId',
        t(ctx.lang, 'interop.subscription.duplicate'),
      );
    }
    const [row] = await tx
      .insert(interopSubscriptions)
      .values({
        consumerId: consumer.id,
        apiId: api.id,
        purpose: input.purpose.trim(),
        scopes: input.scopes ?? null,
        ratePerMinute: DEFAULT_PLAN.ratePerMinute,
        dailyQuota: DEFAULT_PLAN.dailyQuota,
        monthlyQuota: DEFAULT_PLAN.monthlyQuota,
        createdBy: actor.type === 'user' ? actor.id : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'interop_subscription.create',
      entityType: SUBSCRIPTION_SUBJECT,
      entityId: row.id,
      after: row,
    });
    // The instance belongs to the PROVIDER agency: its operators and head approve first.
    await startWorkflow(tx, ctx, subscriptionWorkflow, {
      subjectType: SUBSCRIPTION_SUBJECT,
      subjectId: row.id,
      agencyId: api.agencyId,
    });
    return loadSubscriptionView(tx, ctx, row);
  });
}

/** The consumer record of an application, created on first use. */
export async function ensureConsumer(tx: Tx, app: { id: string; agencyId: string; name: string }) {
  const found = await findConsumerByApplication(tx, app.id);
  if (found) return found;
  const [row] = await tx
    .insert(interopConsumers)
    .values({ applicationId: app.id, agencyId: app.agencyId, name: app.name })
    .onConflictDoNothing()
    .returning();
  return row ?? ((await findConsumerByApplication(tx, app.id)) as NonNullable<typeof row>);
}
