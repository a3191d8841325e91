import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { findHostingRequestById } from '../db/queries.js';
import { loadHostingRequestView } from '../hosting-request-view.js';
import { inScope } from '../policies.js';

/** One hosting request with its timeline, test rounds and allocation; outside the scope, 404. */
export async function getHostingRequest(ctx: Ctx, id: string) {
  const row = await findHostingRequestById(ctx.db, id);
  if (!row || !inScope(ctx.actor, row.agencyId)) throw notFound();
  return loadHostingRequestView(ctx.db, ctx, row);
}
