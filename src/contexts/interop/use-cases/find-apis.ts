import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Static } from 'typebox';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import { likePattern, pageWindow } from '../../../platform/http/schemas.js';
import { agencies } from '../../organization/index.js';
import { interopApis } from '../db/tables.js';
import type { ApiListQuery } from '../http/interop.schemas.js';
import { presentApiSummary } from '../http/presenters.js';
import { ROUTED_STATUSES } from '../model.js';

/**
 * The API catalogue (developer portal and console), searchable by name, slug, description and
 * provider. Anonymous visitors get published public APIs only; signed-in users every published or
 * deprecated API plus the drafts and retired APIs of the agencies in their scope.
 */
export async function findApis(ctx: Ctx, query: Static<typeof ApiListQuery>) {
  const { page, pageSize, offset } = pageWindow(query);
  const scope = readableAgencies(ctx.actor);
  const visible: SQL | undefined = !ctx.actor
    ? and(eq(interopApis.status, 'published'), eq(interopApis.visibility, 'public'))
    : scope === 'all'
      ? undefined
      : or(
          inArray(interopApis.status, [...ROUTED_STATUSES]),
          scope.length ? inArray(interopApis.agencyId, scope) : undefined,
        );
  const filters: (SQL | undefined)[] = [
    visible,
    query.status ? eq(interopApis.status, query.status) : undefined,
    query.agencyId ? eq(interopApis.agencyId, query.agencyId) : undefined,
    query.visibility ? eq(interopApis.visibility, query.visibility) : undefined,
  ];
  if (query.q?.trim()) {
    const pattern = likePattern(query.q.trim());
    filters.push(
      or(
        ilike(interopApis.name, pattern),
        ilike(interopApis.slug, pattern),
        ilike(interopApis.description, pattern),
        ilike(agencies.name, pattern),
        ilike(agencies.code, pattern),
      ),
    );
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        api: interopApis,
        agency: { id: agencies.id, code: agencies.code, name: agencies.name },
      })
      .from(interopApis)
      .innerJoin(agencies, eq(agencies.id, interopApis.agencyId))
      .where(where)
      .orderBy(desc(interopApis.updatedAt), interopApis.id)
      .limit(pageSize)
      .offset(offset),
    ctx.db
      .select({ n: count() })
      .from(interopApis)
      .innerJoin(agencies, eq(agencies.id, interopApis.agencyId))
      .where(where),
  ]);
  return {
    items: rows.map((r) => presentApiSummary(r.api, r.agency)),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
