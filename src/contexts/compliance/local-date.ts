import { DEFAULT_WORKING_DAY } from '../../platform/calendar/working-calendar.js';

/** Today's date (`YYYY-MM-DD`) in the regency's time zone (the working calendar's). */
export function localToday(now: Date = new Date()): string {
  return new Date(now.getTime() + DEFAULT_WORKING_DAY.utcOffsetHours * 3_600_000)
    .toISOString()
    .slice(0, 10);
}
