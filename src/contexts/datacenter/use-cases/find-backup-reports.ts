import { count, desc, eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { type Page, type PageInput, pageWindow } from '../../../platform/http/schemas.js';
import { findBackupPolicyById } from '../db/queries.js';
import { backupReports } from '../db/tables.js';
import type { BackupReport } from '../http/backups.schemas.js';
import { presentBackupReport } from '../http/presenters.js';
import { inScope } from '../policies.js';

/** A policy's backup reports, newest backup first. */
export async function findBackupReports(
  ctx: Ctx,
  policyId: string,
  query: PageInput,
): Promise<Page<Static<typeof BackupReport>>> {
  const policy = await findBackupPolicyById(ctx.db, policyId);
  if (!policy || !inScope(ctx.actor, policy.agencyId)) throw notFound();
  const { page, pageSize, offset } = pageWindow(query);
  const where = eq(backupReports.policyId, policyId);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(backupReports)
      .where(where)
      .orderBy(desc(backupReports.backupOn), desc(backupReports.createdAt))
      .limit(pageSize)
      .offset(offset),
    ctx.db.select({ n: count() }).from(backupReports).where(where),
  ]);
  return { items: rows.map(presentBackupReport), total: total?.n ?? 0, page, pageSize };
}
