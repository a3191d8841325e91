import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { checkAgencyId, findAgencyRefs, throwIfInvalid } from '../db/queries.js';
import { devices } from '../db/tables.js';
import { agencyOf, presentDevice } from '../http/presenters.js';
import type { UpdateDeviceBody } from '../http/registry.schemas.js';
import { canManageRegistry, inScope } from '../policies.js';

/** Changes a device of the katalog perangkat; retiring one is a status, not a deletion. */
export async function updateDevice(ctx: Ctx, id: string, input: Static<typeof UpdateDeviceBody>) {
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(devices).where(eq(devices.id, id)).for('update');
    if (!current || !inScope(ctx.actor, current.agencyId)) throw notFound();
    if (!canManageRegistry(ctx.actor)) throw forbidden();
    throwIfInvalid(await checkAgencyId(tx, ctx, input.agencyId, '/agencyId'));
    const [row] = await tx
      .update(devices)
      .set({
        ...input,
        ...(input.name ? { name: input.name.trim() } : {}),
        updatedAt: new Date().toISOString(),
      })
      .where(eq(devices.id, id))
      .returning();
    if (!row) throw notFound();
    const refs = await findAgencyRefs(tx, [current.agencyId, row.agencyId]);
    const after = presentDevice(row, agencyOf(refs, row.agencyId));
    await recordAuditEvent(tx, ctx, {
      action: 'datacenter_device.update',
      entityType: 'datacenter_device',
      entityId: id,
      before: presentDevice(current, agencyOf(refs, current.agencyId)),
      after,
    });
    return after;
  });
}
