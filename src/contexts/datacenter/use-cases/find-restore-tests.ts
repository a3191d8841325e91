import { count, desc, eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { type Page, type PageInput, pageWindow } from '../../../platform/http/schemas.js';
import { findBackupPolicyById } from '../db/queries.js';
import { restoreTests } from '../db/tables.js';
import type { RestoreTest } from '../http/backups.schemas.js';
import { presentRestoreTest } from '../http/presenters.js';
import { inScope } from '../policies.js';

/** A policy's restore tests, newest first. */
export async function findRestoreTests(
  ctx: Ctx,
  policyId: string,
  query: PageInput,
): Promise<Page<Static<typeof RestoreTest>>> {
  const policy = await findBackupPolicyById(ctx.db, policyId);
  if (!policy || !inScope(ctx.actor, policy.agencyId)) throw notFound();
  const { page, pageSize, offset } = pageWindow(query);
  const where = eq(restoreTests.policyId, policyId);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(restoreTests)
      .where(where)
      .orderBy(desc(restoreTests.testedOn), desc(restoreTests.createdAt))
      .limit(pageSize)
      .offset(offset),
    ctx.db.select({ n: count() }).from(restoreTests).where(where),
  ]);
  return { items: rows.map(presentRestoreTest), total: total?.n ?? 0, page, pageSize };
}
