import { DEFAULT_WORKING_DAY } from '../../platform/calendar/working-calendar.js';

const DAY_MS = 86_400_000;

/**
 * Today's date (`YYYY-MM-DD`) in the regency's time zone — the working calendar's — for the
 * date-only records of the Pusat Data (backup dates, review dates).
 */
export function localToday(now: Date = new Date()): string {
  return new Date(now.getTime() + DEFAULT_WORKING_DAY.utcOffsetHours * 3_600_000)
    .toISOString()
    .slice(0, 10);
}

/** The local date of an instant stored as a timestamp. */
export const localDateOf = (instant: string | Date) => localToday(new Date(instant));

/** `date` plus `days` (negative: minus), on dates `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
