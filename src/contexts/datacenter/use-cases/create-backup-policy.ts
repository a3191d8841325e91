import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { checkOffsite } from '../checks.js';
import { checkAgencyId, findAgencyRefs, throwIfInvalid } from '../db/queries.js';
import { backupPolicies } from '../db/tables.js';
import type { CreateBackupPolicyBody } from '../http/backups.schemas.js';
import { agencyOf, presentBackupPolicy } from '../http/presenters.js';
import { canManageBackups } from '../policies.js';

/**
 * Registers how a system is backed up: how often, where, whether a copy is kept off-site and for
 * how long. The owner agency's duty (OKU Timur 2022 Pasal 15 ayat (1); Sragen 41/2019 Pasal 14
 * ayat (6), Pasal 17 ayat (4)); the off-site copy is what a DRC outside the region is for (Sragen
 * Pasal 16 ayat (2), Purbalingga 45/2024 Pasal 14 ayat (15)–(16)).
 */
export async function createBackupPolicy(ctx: Ctx, input: Static<typeof CreateBackupPolicyBody>) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const agencyId = input.agencyId ?? (actor.type === 'user' ? actor.agencyId : null);
  if (!agencyId) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: '/agencyId', message: t(ctx.lang, 'validation.required') }],
    });
  }
  if (!canManageBackups(actor, agencyId)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    throwIfInvalid([
      ...(await checkAgencyId(tx, ctx, agencyId, '/agencyId')),
      ...checkOffsite(ctx, input.offsiteCopy ?? false, input.offsiteLocation),
    ]);
    const { agencyId: _ignored, ...fields } = input;
    const [row] = await tx
      .insert(backupPolicies)
      .values({ ...fields, agencyId, systemName: fields.systemName.trim() })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const policy = presentBackupPolicy(
      row,
      agencyOf(await findAgencyRefs(tx, [agencyId]), agencyId),
    );
    await recordAuditEvent(tx, ctx, {
      action: 'backup_policy.create',
      entityType: 'backup_policy',
      entityId: row.id,
      after: policy,
    });
    return policy;
  });
}
