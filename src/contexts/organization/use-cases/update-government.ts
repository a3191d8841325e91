import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { REGULATION_PROFILES } from '../agency-kinds.js';
import { government } from '../db/tables.js';
import type { UpdateGovernmentBody } from '../http/organization.schemas.js';
import { canUpdateGovernment } from '../policies.js';
import { getGovernment } from './get-government.js';

/** Sets the Pemda profile: name, kabupaten/kota, province, portal domain, regulation profile. */
export async function updateGovernment(ctx: Ctx, input: Static<typeof UpdateGovernmentBody>) {
  if (!canUpdateGovernment(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const before = await getGovernment(tx);
    const shipped = (REGULATION_PROFILES as readonly string[]).includes(input.regulationProfile);
    if (!shipped && input.regulationProfile !== before.regulationProfile) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            path: '/regulationProfile',
            message: t(ctx.lang, 'organization.regulationProfileUnknown'),
          },
        ],
      });
    }
    const values = { ...input, updatedAt: new Date().toISOString() };
    await tx
      .insert(government)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: government.id, set: values });
    const after = await getGovernment(tx);
    await recordAuditEvent(tx, ctx, {
      action: 'government.update',
      entityType: 'government',
      entityId: '1',
      before: before.configured ? before : null,
      after,
    });
    return after;
  });
}
