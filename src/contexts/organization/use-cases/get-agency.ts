import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { findAgencyById } from '../db/queries.js';
import { presentAgency } from '../http/presenters.js';

/** One Perangkat Daerah, or NOT_FOUND. */
export async function getAgency(ctx: Ctx, id: string) {
  const row = await findAgencyById(ctx.db, id);
  if (!row) throw notFound();
  return presentAgency(row);
}
