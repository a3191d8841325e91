import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { Executor } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { getGovernment, setRegulationProfile } from '../../organization/index.js';
import type { SelectProfileBody } from '../http/compliance.schemas.js';
import { canManageProfiles } from '../policies.js';
import { loadProfile } from '../profiles.js';

/** The profile the Pemda profile names (Tabanan 44/2022 until the admin chooses). */
export async function activeProfileId(db: Executor): Promise<string> {
  return (await getGovernment(db)).regulationProfile;
}

/** Binds the regency to a regulation profile, shipped or its own (kept in the Pemda profile). */
export async function selectProfile(ctx: Ctx, input: Static<typeof SelectProfileBody>) {
  if (!canManageProfiles(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    await loadProfile(tx, input.profileId).catch(() => {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: '/profileId', message: t(ctx.lang, 'compliance.profileUnknown') }],
      });
    });
    const done = await setRegulationProfile(tx, ctx, input.profileId);
    if (!done) {
      throw new AppError('CONFLICT', { detailKey: 'error.CONFLICT' });
    }
    return { profileId: input.profileId };
  });
}
