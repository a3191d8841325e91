import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { findAgencyRefs } from '../db/queries.js';
import { activityRecords } from '../db/tables.js';
import { presentActivityRecord } from '../http/presenters.js';
import { canReadActivities } from '../policies.js';

/** One logbook entry, for the Dinas and the oversight roles. */
export async function getActivityRecord(ctx: Ctx, id: string) {
  if (!canReadActivities(ctx.actor)) throw forbidden();
  const [row] = await ctx.db.select().from(activityRecords).where(eq(activityRecords.id, id));
  if (!row) throw notFound();
  const refs = await findAgencyRefs(ctx.db, row.agencyId ? [row.agencyId] : []);
  return presentActivityRecord(row, row.agencyId ? (refs.get(row.agencyId) ?? null) : null);
}
