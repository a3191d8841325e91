import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden } from '../../../platform/errors.js';
import { checkActivity } from '../checks.js';
import { findAgencyRefs } from '../db/queries.js';
import { activityRecords } from '../db/tables.js';
import { presentActivityRecord } from '../http/presenters.js';
import type { CreateActivityRecordBody } from '../http/registry.schemas.js';
import { canManageRegistry } from '../policies.js';

/**
 * Writes an entry in the rekaman aktivitas of the Pusat Data (Perbup Tabanan 44/2022 Pasal 14
 * ayat (6) huruf d): who came in and out, from where, to do what, on which devices. Kept by the
 * Dinas, which runs the Pusat Data.
 */
export async function createActivityRecord(
  ctx: Ctx,
  input: Static<typeof CreateActivityRecordBody>,
) {
  if (!canManageRegistry(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    await checkActivity(tx, ctx, input);
    const [row] = await tx
      .insert(activityRecords)
      .values({
        ...input,
        personName: input.personName.trim(),
        purpose: input.purpose.trim(),
        recordedBy: ctx.actor?.type === 'user' ? ctx.actor.id : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const refs = await findAgencyRefs(tx, row.agencyId ? [row.agencyId] : []);
    const record = presentActivityRecord(
      row,
      row.agencyId ? (refs.get(row.agencyId) ?? null) : null,
    );
    await recordAuditEvent(tx, ctx, {
      action: 'datacenter_activity.create',
      entityType: 'datacenter_activity',
      entityId: row.id,
      after: record,
    });
    return record;
  });
}
