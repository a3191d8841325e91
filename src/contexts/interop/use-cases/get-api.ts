import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { agencyOf, findAgencyRefs, findApiById } from '../db/queries.js';
import { presentApiDetail } from '../http/presenters.js';
import { canSeeApi } from '../policies.js';

/**
 * One API with its rendered operations (the developer portal's API page). Anonymous visitors see
 * only published public APIs; anything the caller may not see is a 404.
 */
export async function getApi(ctx: Ctx, id: string) {
  const api = await findApiById(ctx.db, id);
  if (!api || !canSeeApi(ctx.actor, api)) throw notFound();
  const agencies = await findAgencyRefs(ctx.db, [api.agencyId]);
  return presentApiDetail(api, agencyOf(agencies, api.agencyId), ctx.actor);
}
