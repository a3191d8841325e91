import type { Ctx } from '../../../platform/auth/actor.js';
import type { Tx } from '../../../platform/db/client.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { findApiById } from '../db/queries.js';
import { canManageApi, canSeeApi } from '../policies.js';

/** The API locked for a change by its provider: unseen → 404, seen but not the provider's → 403. */
export async function loadApiForChange(tx: Tx, ctx: Ctx, id: string) {
  const api = await findApiById(tx, id, true);
  if (!api || !canSeeApi(ctx.actor, api)) throw notFound();
  if (!canManageApi(ctx.actor, api.agencyId)) throw forbidden();
  return api;
}
