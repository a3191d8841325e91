import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { agencies } from './tables.js';

export async function findAgencyById(db: Executor, id: string) {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row;
}

export async function isAgencyCodeTaken(db: Executor, code: string, exceptId?: string) {
  const [row] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(
      and(
        sql`lower(${agencies.code}) = lower(${code})`,
        exceptId ? ne(agencies.id, exceptId) : undefined,
      ),
    );
  return Boolean(row);
}

export async function findKominfoAgency(db: Executor) {
  const [row] = await db.select().from(agencies).where(eq(agencies.isKominfo, true));
  return row;
}
