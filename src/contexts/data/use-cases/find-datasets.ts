import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import { forbidden } from '../../../platform/errors.js';
import { likePattern, pageWindow } from '../../../platform/http/schemas.js';
import { agencies } from '../../organization/index.js';
import { datasets } from '../db/tables.js';
import type { DatasetListQuery } from '../http/data.schemas.js';
import { presentDatasetSummary } from '../http/presenters.js';
import { dataScope } from '../policies.js';

/** The console's list: datasets in the caller's scope, newest change first. */
export async function findDatasets(ctx: Ctx, query: Static<typeof DatasetListQuery>) {
  if (!ctx.actor) throw forbidden();
  const scope = dataScope(ctx.actor);
  const { page, pageSize, offset } = pageWindow(query);
  const conditions: (SQL | undefined)[] = [
    scope === 'all'
      ? undefined
      : scope.length
        ? inArray(datasets.agencyId, scope)
        : eq(datasets.id, '00000000-0000-0000-0000-000000000000'),
    query.state ? eq(datasets.state, query.state) : undefined,
    query.agencyId ? eq(datasets.agencyId, query.agencyId) : undefined,
    query.q
      ? or(ilike(datasets.title, likePattern(query.q)), ilike(datasets.name, likePattern(query.q)))
      : undefined,
  ];
  const where = and(...conditions);
  const [total] = await ctx.db.select({ n: count() }).from(datasets).where(where);
  const rows = await ctx.db
    .select({ d: datasets, agency: { id: agencies.id, name: agencies.name } })
    .from(datasets)
    .innerJoin(agencies, eq(agencies.id, datasets.agencyId))
    .where(where)
    .orderBy(desc(datasets.updatedAt), desc(datasets.id))
    .limit(pageSize)
    .offset(offset);
  return {
    items: rows.map((r) => presentDatasetSummary(r.d, r.agency)),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
