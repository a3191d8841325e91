import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { findBackupPolicyById, throwIfInvalid } from '../db/queries.js';
import { backupReports } from '../db/tables.js';
import type { CreateBackupReportBody } from '../http/backups.schemas.js';
import { presentBackupReport } from '../http/presenters.js';
import { localToday } from '../local-date.js';
import { canManageBackups, inScope } from '../policies.js';

/**
 * The owner agency reports a backup run of a system, successful or failed (OKU Timur 2022 Pasal
 * 15 ayat (1)): the record the Dinas supervises (ayat (2)). A date in the future is refused: it
 * would hide an overdue backup. Reports are not edited or deleted; a mistake is corrected by a
 * new report.
 */
export async function recordBackupReport(
  ctx: Ctx,
  policyId: string,
  input: Static<typeof CreateBackupReportBody>,
) {
  return inTransaction(ctx, async (tx) => {
    const policy = await findBackupPolicyById(tx, policyId);
    if (!policy || !inScope(ctx.actor, policy.agencyId)) throw notFound();
    if (!canManageBackups(ctx.actor, policy.agencyId)) throw forbidden();
    throwIfInvalid(
      input.backupOn > localToday()
        ? [{ path: '/backupOn', message: t(ctx.lang, 'datacenter.dateInFuture') }]
        : [],
    );
    const [row] = await tx
      .insert(backupReports)
      .values({
        policyId,
        backupOn: input.backupOn,
        result: input.result,
        sizeBytes: input.sizeBytes ?? null,
        notes: input.notes?.trim() || null,
        recordedBy: ctx.actor?.type === 'user' ? ctx.actor.id : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const report = presentBackupReport(row);
    await recordAuditEvent(tx, ctx, {
      action: 'backup_report.create',
      entityType: 'backup_policy',
      entityId: policyId,
      after: report,
    });
    return report;
  });
}
