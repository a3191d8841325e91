import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, conflict, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { findAgencyById, findKominfoAgency, isAgencyCodeTaken } from '../db/queries.js';
import { agencies } from '../db/tables.js';
import type { CreateAgencyBody } from '../http/organization.schemas.js';
import { presentAgency } from '../http/presenters.js';
import { canCreateAgency } from '../policies.js';

/** Registers a Perangkat Daerah. Codes are unique (case-insensitive); one agency is the Dinas Kominfo. */
export async function createAgency(ctx: Ctx, input: Static<typeof CreateAgencyBody>) {
  if (!canCreateAgency(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    if (await isAgencyCodeTaken(tx, input.code)) {
      throw conflict('agency.codeTaken', '/code', t(ctx.lang, 'agency.codeTaken'));
    }
    if (input.isKominfo && (await findKominfoAgency(tx))) {
      throw conflict('agency.kominfoTaken', '/isKominfo', t(ctx.lang, 'agency.kominfoTaken'));
    }
    if (input.parentId && !(await findAgencyById(tx, input.parentId))) {
      throw new AppError('VALIDATION_FAILED', {
        detailKey: 'agency.parentInvalid',
        errors: [{ path: '/parentId', message: t(ctx.lang, 'agency.parentInvalid') }],
      });
    }
    const [row] = await tx
      .insert(agencies)
      .values({ ...input, code: input.code.trim(), name: input.name.trim() })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const agency = presentAgency(row);
    await recordAuditEvent(tx, ctx, {
      action: 'agency.create',
      entityType: 'agency',
      entityId: agency.id,
      after: agency,
    });
    return agency;
  });
}
