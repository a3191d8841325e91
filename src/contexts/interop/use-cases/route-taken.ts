import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { interopApis } from '../db/tables.js';

/** Whether another API of the agency already answers at `/{agency}/{slug}/{version}`. */
export async function routeTaken(
  db: Executor,
  agencyId: string,
  slug: string,
  version: string,
  exceptId?: string,
) {
  const [row] = await db
    .select({ id: interopApis.id })
    .from(interopApis)
    .where(
      and(
        eq(interopApis.agencyId, agencyId),
        eq(interopApis.slug, slug),
        eq(interopApis.version, version),
        exceptId ? ne(interopApis.id, exceptId) : undefined,
      ),
    );
  return Boolean(row);
}
