import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden } from '../../../platform/errors.js';
import { checkAgencyId, findAgencyRefs, throwIfInvalid } from '../db/queries.js';
import { devices } from '../db/tables.js';
import { agencyOf, presentDevice } from '../http/presenters.js';
import type { CreateDeviceBody } from '../http/registry.schemas.js';
import { canManageRegistry } from '../policies.js';

/** Adds a server, storage, network device or rack to the katalog perangkat (Tabanan 44/2022 Pasal 14 ayat (6) huruf b). */
export async function createDevice(ctx: Ctx, input: Static<typeof CreateDeviceBody>) {
  if (!canManageRegistry(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    throwIfInvalid(await checkAgencyId(tx, ctx, input.agencyId, '/agencyId'));
    const [row] = await tx
      .insert(devices)
      .values({ ...input, name: input.name.trim() })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const device = presentDevice(
      row,
      agencyOf(await findAgencyRefs(tx, [row.agencyId]), row.agencyId),
    );
    await recordAuditEvent(tx, ctx, {
      action: 'datacenter_device.create',
      entityType: 'datacenter_device',
      entityId: row.id,
      after: device,
    });
    return device;
  });
}
