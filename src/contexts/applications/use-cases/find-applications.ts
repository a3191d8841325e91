import type { Static } from 'typebox';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import { type Page, pageWindow } from '../../../platform/http/schemas.js';
import { applicationWhere, countApplications, findApplicationViews } from '../db/queries.js';
import type { ApplicationListQuery, ApplicationSummary } from '../http/applications.schemas.js';
import { presentApplication } from '../http/presenters.js';
import { localToday } from '../rules.js';

/**
 * The registry, searched and filtered (agency, kind, stage, status, missing documents, audit
 * overdue) and paged, within the agencies the caller may read.
 */
export async function findApplications(
  ctx: Ctx,
  query: Static<typeof ApplicationListQuery>,
): Promise<Page<Static<typeof ApplicationSummary>>> {
  const { page, pageSize, offset } = pageWindow(query);
  const today = localToday();
  const where = applicationWhere({ ...query, scope: readableAgencies(ctx.actor), today });
  const [views, total] = await Promise.all([
    findApplicationViews(ctx.db, where, { limit: pageSize, offset }),
    countApplications(ctx.db, where),
  ]);
  return { items: views.map((v) => presentApplication(v, today)), total, page, pageSize };
}
