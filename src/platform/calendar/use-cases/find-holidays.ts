import { and, asc, gte, lte } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Ctx } from '../../auth/actor.js';
import type { HolidayListQuery } from '../calendar.schemas.js';
import { presentHoliday } from '../presenters.js';
import { holidays } from '../tables.js';

/** The holidays of one year (or all), by date: readable by every signed-in user. */
export async function findHolidays(ctx: Ctx, query: Static<typeof HolidayListQuery>) {
  const rows = await ctx.db
    .select()
    .from(holidays)
    .where(
      query.year === undefined
        ? undefined
        : and(gte(holidays.date, `${query.year}-01-01`), lte(holidays.date, `${query.year}-12-31`)),
    )
    .orderBy(asc(holidays.date), asc(holidays.name));
  return { items: rows.map(presentHoliday) };
}
