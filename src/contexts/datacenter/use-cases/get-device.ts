import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { findAgencyRefs, findDeviceById } from '../db/queries.js';
import { agencyOf, presentDevice } from '../http/presenters.js';
import { inScope } from '../policies.js';

/** One device: any for the Dinas and oversight; an agency sees the devices it owns (else 404). */
export async function getDevice(ctx: Ctx, id: string) {
  const row = await findDeviceById(ctx.db, id);
  if (!row || !inScope(ctx.actor, row.agencyId)) throw notFound();
  return presentDevice(row, agencyOf(await findAgencyRefs(ctx.db, [row.agencyId]), row.agencyId));
}
