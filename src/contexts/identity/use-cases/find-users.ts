import { and, asc, count, eq, exists, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Static } from 'typebox';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import { forbidden } from '../../../platform/errors.js';
import { likePattern, pageWindow } from '../../../platform/http/schemas.js';
import { agencies } from '../../organization/index.js';
import { loadRolesWithAgencies } from '../db/queries.js';
import { roleAssignments, users } from '../db/tables.js';
import type { UserListQuery } from '../http/identity.schemas.js';
import { presentUser } from '../http/presenters.js';
import { canReadUsers } from '../policies.js';

/** People, filtered and paged, scoped to the agencies the caller may read. */
export async function findUsers(ctx: Ctx, query: Static<typeof UserListQuery>) {
  if (!canReadUsers(ctx.actor)) throw forbidden();
  const { page, pageSize, offset } = pageWindow(query);
  const scope = readableAgencies(ctx.actor);
  const filters: (SQL | undefined)[] = [
    scope === 'all' ? undefined : inArray(users.agencyId, scope),
    query.agencyId ? eq(users.agencyId, query.agencyId) : undefined,
    query.status ? eq(users.status, query.status) : undefined,
    query.role
      ? exists(
          ctx.db
            .select({ one: roleAssignments.id })
            .from(roleAssignments)
            .where(and(eq(roleAssignments.userId, users.id), eq(roleAssignments.role, query.role))),
        )
      : undefined,
  ];
  if (query.q?.trim()) {
    const pattern = likePattern(query.q.trim());
    filters.push(
      or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(users.nip, pattern)),
    );
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        user: users,
        agency: { id: agencies.id, code: agencies.code, name: agencies.name },
      })
      .from(users)
      .leftJoin(agencies, eq(agencies.id, users.agencyId))
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(pageSize)
      .offset(offset),
    ctx.db.select({ n: count() }).from(users).where(where),
  ]);
  const roles = await loadRolesWithAgencies(
    ctx.db,
    rows.map((r) => r.user.id),
  );
  return {
    items: rows.map((r) => presentUser(r.user, roles.get(r.user.id) ?? [], r.agency)),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
