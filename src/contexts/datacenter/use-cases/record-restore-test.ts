import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { checkAttachmentIds, findBackupPolicyById, throwIfInvalid } from '../db/queries.js';
import { restoreTests } from '../db/tables.js';
import type { CreateRestoreTestBody } from '../http/backups.schemas.js';
import { presentRestoreTest } from '../http/presenters.js';
import { localToday } from '../local-date.js';
import { canManageBackups, inScope } from '../policies.js';

/**
 * The owner agency reports a restore test: a backup brought back and checked, how long it took,
 * with evidence attached (Sragen 41/2019 Pasal 17 ayat (4) huruf b: "penyediaan pemulihan sistem
 * informasi"). Like backup reports, restore tests are never edited or deleted.
 */
export async function recordRestoreTest(
  ctx: Ctx,
  policyId: string,
  input: Static<typeof CreateRestoreTestBody>,
) {
  return inTransaction(ctx, async (tx) => {
    const policy = await findBackupPolicyById(tx, policyId);
    if (!policy || !inScope(ctx.actor, policy.agencyId)) throw notFound();
    if (!canManageBackups(ctx.actor, policy.agencyId)) throw forbidden();
    const attachmentIds = input.attachmentIds ?? [];
    throwIfInvalid([
      ...(input.testedOn > localToday()
        ? [{ path: '/testedOn', message: t(ctx.lang, 'datacenter.dateInFuture') }]
        : []),
      ...(await checkAttachmentIds(tx, ctx, attachmentIds, '/attachmentIds')),
    ]);
    const [row] = await tx
      .insert(restoreTests)
      .values({
        policyId,
        testedOn: input.testedOn,
        result: input.result,
        durationMinutes: input.durationMinutes ?? null,
        notes: input.notes?.trim() || null,
        attachmentIds,
        recordedBy: ctx.actor?.type === 'user' ? ctx.actor.id : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const test = presentRestoreTest(row);
    await recordAuditEvent(tx, ctx, {
      action: 'restore_test.create',
      entityType: 'backup_policy',
      entityId: policyId,
      after: test,
    });
    return test;
  });
}
