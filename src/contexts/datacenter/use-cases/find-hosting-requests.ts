import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Static } from 'typebox';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import { likePattern, type Page, pageWindow } from '../../../platform/http/schemas.js';
import { workflowInstances } from '../../../platform/workflow/tables.js';
import { agencies } from '../../organization/index.js';
import { agencyRefColumns } from '../db/queries.js';
import { hostingRequests } from '../db/tables.js';
import { HOSTING_SUBJECT, hostingWorkflow } from '../hosting-workflow.js';
import type {
  HostingRequestListQuery,
  HostingRequestSummary,
} from '../http/hosting-requests.schemas.js';
import { presentHostingSummary } from '../http/presenters.js';

/**
 * Hosting requests in the caller's scope — every agency's for the Dinas and the oversight roles,
 * the caller's own agencies' otherwise — most recently moved first, filtered by state, agency,
 * service type or a search in the application name and domain.
 */
export async function findHostingRequests(
  ctx: Ctx,
  query: Static<typeof HostingRequestListQuery>,
): Promise<Page<Static<typeof HostingRequestSummary>>> {
  const { page, pageSize, offset } = pageWindow(query);
  const scope = readableAgencies(ctx.actor);
  const filters: (SQL | undefined)[] = [
    scope === 'all' ? undefined : inArray(hostingRequests.agencyId, scope),
    query.state ? eq(workflowInstances.state, query.state) : undefined,
    query.agencyId ? eq(hostingRequests.agencyId, query.agencyId) : undefined,
    query.serviceType ? eq(hostingRequests.serviceType, query.serviceType) : undefined,
  ];
  if (query.q?.trim()) {
    const pattern = likePattern(query.q.trim());
    filters.push(
      or(ilike(hostingRequests.applicationName, pattern), ilike(hostingRequests.domain, pattern)),
    );
  }
  const where = and(...filters);
  const instanceJoin = and(
    eq(workflowInstances.workflowId, hostingWorkflow.id),
    eq(workflowInstances.subjectType, HOSTING_SUBJECT),
    eq(workflowInstances.subjectId, hostingRequests.id),
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ request: hostingRequests, instance: workflowInstances, agency: agencyRefColumns })
      .from(hostingRequests)
      .innerJoin(workflowInstances, instanceJoin)
      .innerJoin(agencies, eq(agencies.id, hostingRequests.agencyId))
      .where(where)
      .orderBy(desc(workflowInstances.updatedAt), desc(hostingRequests.id))
      .limit(pageSize)
      .offset(offset),
    ctx.db
      .select({ n: count() })
      .from(hostingRequests)
      .innerJoin(workflowInstances, instanceJoin)
      .where(where),
  ]);
  const now = new Date();
  return {
    items: rows.map((r) => presentHostingSummary(r.request, r.instance, r.agency, now)),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
