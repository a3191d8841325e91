import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../../platform/auth/roles.js';
import type { Executor } from '../../../platform/db/client.js';
import { roleAssignments, users } from '../../identity/index.js';
import { agencies } from '../../organization/index.js';
import {
  interopApis,
  interopConsumers,
  interopCredentials,
  interopSubscriptions,
} from './tables.js';

export type ApiRow = typeof interopApis.$inferSelect;
export type ConsumerRow = typeof interopConsumers.$inferSelect;
export type SubscriptionRow = typeof interopSubscriptions.$inferSelect;
export type CredentialRow = typeof interopCredentials.$inferSelect;
export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

export async function findApiById(db: Executor, id: string, forUpdate = false) {
  const query = db.select().from(interopApis).where(eq(interopApis.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findConsumerById(db: Executor, id: string) {
  const [row] = await db.select().from(interopConsumers).where(eq(interopConsumers.id, id));
  return row;
}

export async function findConsumerByApplication(db: Executor, applicationId: string) {
  const [row] = await db
    .select()
    .from(interopConsumers)
    .where(eq(interopConsumers.applicationId, applicationId));
  return row;
}

export async function findSubscriptionById(db: Executor, id: string, forUpdate = false) {
  const query = db.select().from(interopSubscriptions).where(eq(interopSubscriptions.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findCredentialById(db: Executor, id: string, forUpdate = false) {
  const query = db.select().from(interopCredentials).where(eq(interopCredentials.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findAgencyRefs(db: Executor, ids: string[]): Promise<Map<string, AgencyRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export function agencyOf(refs: Map<string, AgencyRef>, id: string): AgencyRef {
  return refs.get(id) ?? { id, code: '', name: '' };
}

/** Active users holding one of `roles` (in `agencyId` when given): who a notification goes to. */
export async function findActiveUserIdsWithRole(
  db: Executor,
  roles: Role[],
  agencyId?: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(users.status, 'active'),
        inArray(roleAssignments.role, roles),
        agencyId ? eq(roleAssignments.agencyId, agencyId) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}
