import type { Executor } from '../db/client.js';
import { holidays } from './tables.js';

/** Every holiday date (`YYYY-MM-DD`) for the working calendar: a few dozen rows a year. */
export async function loadHolidays(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ date: holidays.date }).from(holidays);
  return new Set(rows.map((r) => r.date));
}
