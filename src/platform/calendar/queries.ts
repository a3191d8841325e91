import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { holidays } from './tables.js';

/** Whether another holiday already has this date and name (the table's unique key). */
export async function isHolidayTaken(
  db: Executor,
  date: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: holidays.id })
    .from(holidays)
    .where(
      and(
        eq(holidays.date, date),
        eq(holidays.name, name),
        exceptId ? ne(holidays.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}
