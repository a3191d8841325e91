import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { checkOffsite } from '../checks.js';
import { findAgencyRefs, throwIfInvalid } from '../db/queries.js';
import { backupPolicies } from '../db/tables.js';
import type { UpdateBackupPolicyBody } from '../http/backups.schemas.js';
import { agencyOf, presentBackupPolicy } from '../http/presenters.js';
import { canManageBackups, inScope } from '../policies.js';

/** Changes a backup policy, or retires it (`status: retired`) when the system is switched off. */
export async function updateBackupPolicy(
  ctx: Ctx,
  id: string,
  input: Static<typeof UpdateBackupPolicyBody>,
) {
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx
      .select()
      .from(backupPolicies)
      .where(eq(backupPolicies.id, id))
      .for('update');
    if (!current || !inScope(ctx.actor, current.agencyId)) throw notFound();
    if (!canManageBackups(ctx.actor, current.agencyId)) throw forbidden();
    throwIfInvalid(
      checkOffsite(
        ctx,
        input.offsiteCopy ?? current.offsiteCopy,
        input.offsiteLocation === undefined ? current.offsiteLocation : input.offsiteLocation,
      ),
    );
    const [row] = await tx
      .update(backupPolicies)
      .set({
        ...input,
        ...(input.systemName ? { systemName: input.systemName.trim() } : {}),
        updatedAt: new Date().toISOString(),
      })
      .where(eq(backupPolicies.id, id))
      .returning();
    if (!row) throw notFound();
    const agency = agencyOf(await findAgencyRefs(tx, [row.agencyId]), row.agencyId);
    const after = presentBackupPolicy(row, agency);
    await recordAuditEvent(tx, ctx, {
      action: 'backup_policy.update',
      entityType: 'backup_policy',
      entityId: id,
      before: presentBackupPolicy(current, agency),
      after,
    });
    return after;
  });
}
