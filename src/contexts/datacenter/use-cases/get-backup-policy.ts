import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { findAgencyRefs, findBackupPolicyById } from '../db/queries.js';
import { agencyOf, presentBackupPolicy } from '../http/presenters.js';
import { inScope } from '../policies.js';

/** One backup policy; another agency's is a 404. */
export async function getBackupPolicy(ctx: Ctx, id: string) {
  const row = await findBackupPolicyById(ctx.db, id);
  if (!row || !inScope(ctx.actor, row.agencyId)) throw notFound();
  return presentBackupPolicy(
    row,
    agencyOf(await findAgencyRefs(ctx.db, [row.agencyId]), row.agencyId),
  );
}
