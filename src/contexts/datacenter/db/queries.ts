import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { Role } from '../../../platform/auth/roles.js';
import type { Executor } from '../../../platform/db/client.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import { inFileScope } from '../../../platform/files/policies.js';
import { files } from '../../../platform/files/tables.js';
import { t } from '../../../platform/i18n/messages.js';
import { roleAssignments, users } from '../../identity/index.js';
import { agencies } from '../../organization/index.js';
import {
  backupPolicies,
  devices,
  hostingAllocations,
  hostingRequests,
  hostingTests,
} from './tables.js';

export type HostingRequestRow = typeof hostingRequests.$inferSelect;
export type HostingTestRow = typeof hostingTests.$inferSelect;
export type HostingAllocationRow = typeof hostingAllocations.$inferSelect;
export type DeviceRow = typeof devices.$inferSelect;
export type BackupPolicyRow = typeof backupPolicies.$inferSelect;

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
}

/** The columns of an agency that lists and details show next to a record. */
export const agencyRefColumns = { id: agencies.id, code: agencies.code, name: agencies.name };

export async function findAgencyRefs(db: Executor, ids: string[]): Promise<Map<string, AgencyRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select(agencyRefColumns).from(agencies).where(inArray(agencies.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Active users holding `role`, for one agency's grants or (without `agencyId`) anywhere. */
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

export async function findHostingRequestById(db: Executor, id: string, forUpdate = false) {
  const query = db.select().from(hostingRequests).where(eq(hostingRequests.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findHostingTest(db: Executor, requestId: string, round: number) {
  const [row] = await db
    .select()
    .from(hostingTests)
    .where(and(eq(hostingTests.requestId, requestId), eq(hostingTests.round, round)));
  return row;
}

export async function findHostingTests(db: Executor, requestId: string) {
  return db
    .select()
    .from(hostingTests)
    .where(eq(hostingTests.requestId, requestId))
    .orderBy(desc(hostingTests.round));
}

export async function findHostingAllocation(db: Executor, requestId: string) {
  const [row] = await db
    .select()
    .from(hostingAllocations)
    .where(eq(hostingAllocations.requestId, requestId));
  return row;
}

export async function findDeviceById(db: Executor, id: string) {
  const [row] = await db.select().from(devices).where(eq(devices.id, id));
  return row;
}

export async function findBackupPolicyById(db: Executor, id: string) {
  const [row] = await db.select().from(backupPolicies).where(eq(backupPolicies.id, id));
  return row;
}

/**
 * Attachments must be uploaded files the actor can read (the same rule as the workflow engine's
 * attachments). Returns field errors under `path`.
 */
export async function checkAttachmentIds(
  db: Executor,
  ctx: Ctx,
  ids: string[],
  path: string,
): Promise<FieldError[]> {
  if (ids.length === 0) return [];
  const found = await db
    .select({ id: files.id, agencyId: files.agencyId })
    .from(files)
    .where(inArray(files.id, ids));
  const readable = new Set(
    found.filter((f) => inFileScope(ctx.actor, f.agencyId)).map((f) => f.id),
  );
  return ids.flatMap((id, i) =>
    readable.has(id)
      ? []
      : [{ path: `${path}/${i}`, message: t(ctx.lang, 'workflow.attachmentInvalid') }],
  );
}

/** Devices named by id must exist in the catalogue. */
export async function checkDeviceIds(
  db: Executor,
  ctx: Ctx,
  ids: string[],
  path: string,
): Promise<FieldError[]> {
  if (ids.length === 0) return [];
  const found = new Set(
    (await db.select({ id: devices.id }).from(devices).where(inArray(devices.id, ids))).map(
      (d) => d.id,
    ),
  );
  return ids.flatMap((id, i) =>
    found.has(id)
      ? []
      : [{ path: `${path}/${i}`, message: t(ctx.lang, 'datacenter.deviceInvalid') }],
  );
}

/** An agency named by id must exist. */
export async function checkAgencyId(
  db: Executor,
  ctx: Ctx,
  id: string | null | undefined,
  path: string,
): Promise<FieldError[]> {
  if (!id) return [];
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id));
  return row ? [] : [{ path, message: t(ctx.lang, 'user.agencyInvalid') }];
}

/** Throws the field errors as one 400 problem, if there are any. */
export function throwIfInvalid(errors: FieldError[]): void {
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
}

/** A device named by id must exist in the catalogue. */
export async function checkDeviceId(
  db: Executor,
  ctx: Ctx,
  id: string | null | undefined,
  path: string,
): Promise<FieldError[]> {
  if (!id) return [];
  return (await findDeviceById(db, id))
    ? []
    : [{ path, message: t(ctx.lang, 'datacenter.deviceInvalid') }];
}
