import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { RoleGrant } from '../../../platform/auth/actor.js';
import type { Role } from '../../../platform/auth/roles.js';
import type { Executor } from '../../../platform/db/client.js';
import { agencies } from '../../organization/index.js';
import { roleAssignments, users } from './tables.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findUserById(db: Executor, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function loadRoleGrants(db: Executor, userId: string): Promise<RoleGrant[]> {
  const rows = await db
    .select({ role: roleAssignments.role, agencyId: roleAssignments.agencyId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  return rows.map((r) => ({ role: r.role as Role, agencyId: r.agencyId }));
}

/** Role grants with agency names, for many users at once (list screens). */
export async function loadRolesWithAgencies(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, RoleWithAgency[]>();
  const rows = await db
    .select({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      agencyId: roleAssignments.agencyId,
      agencyName: agencies.name,
    })
    .from(roleAssignments)
    .innerJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(roleAssignments.role);
  const byUser = new Map<string, RoleWithAgency[]>();
  for (const { userId, ...grant } of rows) {
    const list = byUser.get(userId) ?? [];
    list.push(grant);
    byUser.set(userId, list);
  }
  return byUser;
}

export interface RoleWithAgency {
  role: string;
  agencyId: string;
  agencyName: string;
}

/** Active users holding kominfo_admin: the last one may not lose the role or be disabled. */
export async function countActiveAdmins(db: Executor, exceptUserId?: string): Promise<number> {
  const [row] = await db
    .select({ n: count(sql`distinct ${users.id}`) })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(roleAssignments.role, 'kominfo_admin'),
        eq(users.status, 'active'),
        exceptUserId ? sql`${users.id} <> ${exceptUserId}` : undefined,
      ),
    );
  return row?.n ?? 0;
}
