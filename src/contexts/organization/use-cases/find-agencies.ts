import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import { likePattern, type Page, pageWindow } from '../../../platform/http/schemas.js';
import { agencies } from '../db/tables.js';
import type { Agency, AgencyListQuery } from '../http/organization.schemas.js';
import { presentAgency } from '../http/presenters.js';

/**
 * The Perangkat Daerah registry, searchable by code, name or short name. The registry itself is
 * not confidential: every signed-in user reads it (it is what every form's agency picker lists).
 */
export async function findAgencies(
  ctx: Ctx,
  query: Static<typeof AgencyListQuery>,
): Promise<Page<Static<typeof Agency>>> {
  const { page, pageSize, offset } = pageWindow(query);
  const filters: (SQL | undefined)[] = [
    query.kind ? eq(agencies.kind, query.kind) : undefined,
    query.status ? eq(agencies.status, query.status) : undefined,
  ];
  if (query.q?.trim()) {
    const pattern = likePattern(query.q.trim());
    filters.push(
      or(
        ilike(agencies.name, pattern),
        ilike(agencies.code, pattern),
        ilike(agencies.shortName, pattern),
      ),
    );
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(agencies)
      .where(where)
      .orderBy(asc(agencies.code))
      .limit(pageSize)
      .offset(offset),
    ctx.db.select({ n: count() }).from(agencies).where(where),
  ]);
  return { items: rows.map(presentAgency), total: total?.n ?? 0, page, pageSize };
}
