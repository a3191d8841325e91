import {
  and,
  asc,
  count,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
} from 'drizzle-orm';
import type { Static } from 'typebox';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import { likePattern, type Page, pageWindow } from '../../../platform/http/schemas.js';
import { agencies } from '../../organization/index.js';
import { agencyRefColumns } from '../db/queries.js';
import { accessAuthorities } from '../db/tables.js';
import { presentAccessAuthority } from '../http/presenters.js';
import type { AccessAuthority, AccessAuthorityListQuery } from '../http/registry.schemas.js';
import { localToday } from '../local-date.js';

/**
 * The katalog pengguna dan kewenangan (Tabanan 44/2022 Pasal 14 ayat (6) huruf c): every grant
 * for the Dinas and the oversight roles; an agency sees the grants of its own people. Filters for
 * the grants in force and those due for review.
 */
export async function findAccessAuthorities(
  ctx: Ctx,
  query: Static<typeof AccessAuthorityListQuery>,
): Promise<Page<Static<typeof AccessAuthority>>> {
  const { page, pageSize, offset } = pageWindow(query);
  const scope = readableAgencies(ctx.actor);
  const today = localToday();
  const inForce = and(
    lte(accessAuthorities.grantedOn, today),
    or(isNull(accessAuthorities.revokedOn), gt(accessAuthorities.revokedOn, today)),
  );
  const filters: (SQL | undefined)[] = [
    scope === 'all' ? undefined : inArray(accessAuthorities.agencyId, scope),
    query.agencyId ? eq(accessAuthorities.agencyId, query.agencyId) : undefined,
    query.deviceId ? eq(accessAuthorities.deviceId, query.deviceId) : undefined,
    query.authority ? eq(accessAuthorities.authority, query.authority) : undefined,
    query.active === true ? inForce : undefined,
    query.active === false
      ? and(isNotNull(accessAuthorities.revokedOn), lte(accessAuthorities.revokedOn, today))
      : undefined,
    query.reviewDue ? and(inForce, lte(accessAuthorities.reviewOn, today)) : undefined,
  ];
  if (query.q?.trim()) {
    const pattern = likePattern(query.q.trim());
    filters.push(
      or(
        ilike(accessAuthorities.personName, pattern),
        ilike(accessAuthorities.system, pattern),
        ilike(accessAuthorities.affiliation, pattern),
      ),
    );
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ authority: accessAuthorities, agency: agencyRefColumns })
      .from(accessAuthorities)
      .leftJoin(agencies, eq(agencies.id, accessAuthorities.agencyId))
      .where(where)
      .orderBy(
        asc(accessAuthorities.system),
        asc(accessAuthorities.personName),
        asc(accessAuthorities.id),
      )
      .limit(pageSize)
      .offset(offset),
    ctx.db.select({ n: count() }).from(accessAuthorities).where(where),
  ]);
  return {
    items: rows.map((r) => presentAccessAuthority(r.authority, r.agency, today)),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
