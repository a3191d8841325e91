import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Executor } from '../../../platform/db/client.js';
import { government } from '../db/tables.js';
import type { Government } from '../http/organization.schemas.js';

/** Shown until the Diskominfo admin fills in the Pemda profile. */
const UNCONFIGURED: Static<typeof Government> = {
  name: 'Pemerintah Daerah',
  type: 'kabupaten',
  province: '',
  portalDomain: '',
  regulationProfile: 'tabanan-44-2022',
  configured: false,
  updatedAt: null,
};

/** The Pemda profile (readable by every signed-in user and, in part, by the public). */
export async function getGovernment(db: Executor): Promise<Static<typeof Government>> {
  const [row] = await db.select().from(government).where(eq(government.id, 1));
  if (!row) return UNCONFIGURED;
  return {
    name: row.name,
    type: row.type as 'kabupaten' | 'kota',
    province: row.province,
    portalDomain: row.portalDomain,
    regulationProfile: row.regulationProfile,
    configured: true,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
