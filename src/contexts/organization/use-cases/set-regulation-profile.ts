import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { Tx } from '../../../platform/db/client.js';
import { government } from '../db/tables.js';

/**
 * Points the Pemda profile at a regulation profile, inside the caller's transaction. The caller
 * (the compliance context) has checked that the profile exists and that the actor may choose it.
 * Returns false when the Pemda profile is not configured yet.
 */
export async function setRegulationProfile(tx: Tx, ctx: Ctx, profileId: string): Promise<boolean> {
  const [before] = await tx
    .select({ regulationProfile: government.regulationProfile })
    .from(government)
    .where(eq(government.id, 1))
    .for('update');
  if (!before) return false;
  await tx
    .update(government)
    .set({ regulationProfile: profileId, updatedAt: new Date().toISOString() })
    .where(eq(government.id, 1));
  await recordAuditEvent(tx, ctx, {
    action: 'government.regulation_profile.set',
    entityType: 'government',
    entityId: '1',
    before,
    after: { regulationProfile: profileId },
  });
  return true;
}
