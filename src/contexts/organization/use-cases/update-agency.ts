import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { findAgencyById, findKominfoAgency, isAgencyCodeTaken } from '../db/queries.js';
import { agencies } from '../db/tables.js';
import type { UpdateAgencyBody } from '../http/organization.schemas.js';
import { presentAgency } from '../http/presenters.js';
import { canUpdateAgency } from '../policies.js';

/** Changes a Perangkat Daerah: any field by the Diskominfo admin, contacts by its own people. */
export async function updateAgency(ctx: Ctx, id: string, input: Static<typeof UpdateAgencyBody>) {
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(agencies).where(eq(agencies.id, id)).for('update');
    if (!current) throw notFound();
    // The registry is readable by every signed-in user, so a refused edit is a 403, not a 404.
    if (!canUpdateAgency(ctx.actor, id, Object.keys(input))) throw forbidden();
    if (input.code && (await isAgencyCodeTaken(tx, input.code, id))) {
      throw conflict('agency.codeTaken', '/code', t(ctx.lang, 'agency.codeTaken'));
    }
    if (input.isKominfo && !current.isKominfo) {
      const other = await findKominfoAgency(tx);
      if (other)
        throw conflict('agency.kominfoTaken', '/isKominfo', t(ctx.lang, 'agency.kominfoTaken'));
    }
    if (input.parentId) {
      const parent = await findAgencyById(tx, input.parentId);
      if (!parent || (await isDescendant(tx, input.parentId, id))) {
        throw new AppError('VALIDATION_FAILED', {
          detailKey: 'agency.parentInvalid',
          errors: [{ path: '/parentId', message: t(ctx.lang, 'agency.parentInvalid') }],
        });
      }
    }
    const [row] = await tx
      .update(agencies)
      .set({ ...input, updatedAt: new Date().toISOString() })
      .where(eq(agencies.id, id))
      .returning();
    if (!row) throw notFound();
    const before = presentAgency(current);
    const after = presentAgency(row);
    await recordAuditEvent(tx, ctx, {
      action: 'agency.update',
      entityType: 'agency',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** True when `candidate` is `agencyId` itself or lies below it: it cannot become its parent. */
async function isDescendant(
  tx: Parameters<typeof findAgencyById>[0],
  candidate: string,
  agencyId: string,
): Promise<boolean> {
  let cursor: string | null = candidate;
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === agencyId) return true;
    cursor = (await findAgencyById(tx, cursor))?.parentId ?? null;
  }
  return false;
}
