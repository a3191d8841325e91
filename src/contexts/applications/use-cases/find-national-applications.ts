import type { Ctx } from '../../../platform/auth/actor.js';
import { forbidden } from '../../../platform/errors.js';
import { findNationalApplicationRows } from '../db/queries.js';
import { presentNationalApplication } from '../http/presenters.js';

/** The reference list of national aplikasi umum (a form's picker), for every signed-in user. */
export async function findNationalApplications(ctx: Ctx) {
  if (!ctx.actor) throw forbidden();
  const rows = await findNationalApplicationRows(ctx.db);
  return { items: rows.map(presentNationalApplication) };
}
