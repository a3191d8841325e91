import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { agencies, findAgencyById } from '../../organization/index.js';
import { dataPlans, datasets } from '../db/tables.js';
import type { CreatePlanBody, PlanListQuery, UpdatePlanBody } from '../http/data.schemas.js';
import { canManagePlan, dataScope, inDataScope } from '../policies.js';

/**
 * An entry of an agency's yearly Daftar Data (the data it will produce that year; agreed in the
 * Forum Satu Data Daerah, Perpres 39/2019 Pasal 27).
 */
export async function createDataPlan(ctx: Ctx, input: Static<typeof CreatePlanBody>) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const agencyId =
    input.agencyId ??
    (actor.type === 'user'
      ? actor.roles.find((g) => g.role === 'data_producer')?.agencyId
      : undefined);
  if (!agencyId || !(await findAgencyById(ctx.db, agencyId))) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: '/agencyId', message: t(ctx.lang, 'user.agencyInvalid') }],
    });
  }
  if (!canManagePlan(actor, agencyId)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(dataPlans)
      .values({ ...input, title: input.title.trim(), agencyId })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'data_plan.create',
      entityType: 'data_plan',
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

/**
 * Corrects an entry of the Daftar Data (any year: the list is revised as the Forum Satu Data
 * agrees changes). Outside the caller's scope it is a 404; in scope without the right, a 403.
 */
export async function updateDataPlan(ctx: Ctx, id: string, input: Static<typeof UpdatePlanBody>) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(dataPlans).where(eq(dataPlans.id, id)).for('update');
    if (!before || !inDataScope(actor, before.agencyId)) throw notFound();
    if (!canManagePlan(actor, before.agencyId)) throw forbidden();
    const [row] = await tx
      .update(dataPlans)
      .set({ ...input, ...(input.title ? { title: input.title.trim() } : {}) })
      .where(eq(dataPlans.id, id))
      .returning();
    if (!row) throw notFound();
    await recordAuditEvent(tx, ctx, {
      action: 'data_plan.update',
      entityType: 'data_plan',
      entityId: id,
      before,
      after: row,
    });
    return row;
  });
}

/** The Daftar Data in the caller's scope, with the dataset that fulfils each entry, if any. */
export async function findDataPlans(ctx: Ctx, query: Static<typeof PlanListQuery>) {
  if (!ctx.actor) throw forbidden();
  const scope = dataScope(ctx.actor);
  const conditions: (SQL | undefined)[] = [
    scope === 'all'
      ? undefined
      : inArray(
          dataPlans.agencyId,
          scope.length ? scope : ['00000000-0000-0000-0000-000000000000'],
        ),
    query.year ? eq(dataPlans.year, query.year) : undefined,
    query.agencyId ? eq(dataPlans.agencyId, query.agencyId) : undefined,
  ];
  const rows = await ctx.db
    .select({
      plan: dataPlans,
      agencyName: agencies.name,
      datasetState: datasets.state,
      datasetName: datasets.name,
    })
    .from(dataPlans)
    .innerJoin(agencies, eq(agencies.id, dataPlans.agencyId))
    .leftJoin(datasets, eq(datasets.id, dataPlans.datasetId))
    .where(and(...conditions))
    .orderBy(asc(agencies.name), asc(dataPlans.year), asc(dataPlans.title));
  return rows.map((r) => ({
    ...r.plan,
    agencyName: r.agencyName,
    datasetState: r.datasetState,
    datasetName: r.datasetName,
  }));
}
