import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Static } from 'typebox';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import { likePattern, type Page, pageWindow } from '../../../platform/http/schemas.js';
import { agencies } from '../../organization/index.js';
import { agencyRefColumns } from '../db/queries.js';
import { backupPolicies } from '../db/tables.js';
import type { BackupPolicy, BackupPolicyListQuery } from '../http/backups.schemas.js';
import { presentBackupPolicy } from '../http/presenters.js';

/** Backup policies in the caller's scope, by agency and system name. */
export async function findBackupPolicies(
  ctx: Ctx,
  query: Static<typeof BackupPolicyListQuery>,
): Promise<Page<Static<typeof BackupPolicy>>> {
  const { page, pageSize, offset } = pageWindow(query);
  const scope = readableAgencies(ctx.actor);
  const filters: (SQL | undefined)[] = [
    scope === 'all' ? undefined : inArray(backupPolicies.agencyId, scope),
    query.agencyId ? eq(backupPolicies.agencyId, query.agencyId) : undefined,
    query.status ? eq(backupPolicies.status, query.status) : undefined,
    query.frequency ? eq(backupPolicies.frequency, query.frequency) : undefined,
  ];
  if (query.q?.trim()) {
    const pattern = likePattern(query.q.trim());
    filters.push(
      or(ilike(backupPolicies.systemName, pattern), ilike(backupPolicies.location, pattern)),
    );
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ policy: backupPolicies, agency: agencyRefColumns })
      .from(backupPolicies)
      .innerJoin(agencies, eq(agencies.id, backupPolicies.agencyId))
      .where(where)
      .orderBy(asc(agencies.name), asc(backupPolicies.systemName), asc(backupPolicies.id))
      .limit(pageSize)
      .offset(offset),
    ctx.db.select({ n: count() }).from(backupPolicies).where(where),
  ]);
  return {
    items: rows.map((r) => presentBackupPolicy(r.policy, r.agency)),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
