import { count, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { agencies } from '../db/tables.js';
import { getGovernment } from './get-government.js';

/** What the public portal shows about the regency: no internal data. */
export async function getPublicProfile(db: Executor) {
  const gov = await getGovernment(db);
  const [row] = await db.select({ n: count() }).from(agencies).where(eq(agencies.status, 'active'));
  return {
    name: gov.name,
    type: gov.type,
    province: gov.province,
    portalDomain: gov.portalDomain,
    regulationProfile: gov.regulationProfile,
    agencyCount: row?.n ?? 0,
  };
}
