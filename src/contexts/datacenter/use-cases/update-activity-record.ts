import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { checkActivity } from '../checks.js';
import { findAgencyRefs } from '../db/queries.js';
import { activityRecords } from '../db/tables.js';
import { presentActivityRecord } from '../http/presenters.js';
import type { UpdateActivityRecordBody } from '../http/registry.schemas.js';
import { canManageRegistry, canReadActivities } from '../policies.js';

type ActivityFields = Static<typeof UpdateActivityRecordBody>;

/** Completes or corrects a logbook entry, typically with the time out; the change is audited. */
export async function updateActivityRecord(ctx: Ctx, id: string, input: ActivityFields) {
  if (!canReadActivities(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx
      .select()
      .from(activityRecords)
      .where(eq(activityRecords.id, id))
      .for('update');
    if (!current) throw notFound();
    if (!canManageRegistry(ctx.actor)) throw forbidden();
    await checkActivity(tx, ctx, {
      ...input,
      startedAt: input.startedAt ?? current.startedAt,
      endedAt: input.endedAt === undefined ? current.endedAt : input.endedAt,
    });
    const [row] = await tx
      .update(activityRecords)
      .set({ ...input, updatedAt: new Date().toISOString() })
      .where(eq(activityRecords.id, id))
      .returning();
    if (!row) throw notFound();
    const refs = await findAgencyRefs(
      tx,
      [current.agencyId, row.agencyId].filter((a): a is string => a !== null),
    );
    const present = (r: typeof row) =>
      presentActivityRecord(r, r.agencyId ? (refs.get(r.agencyId) ?? null) : null);
    const after = present(row);
    await recordAuditEvent(tx, ctx, {
      action: 'datacenter_activity.update',
      entityType: 'datacenter_activity',
      entityId: id,
      before: present(current),
      after,
    });
    return after;
  });
}
