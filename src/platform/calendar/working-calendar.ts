/**
 * The working calendar behind every SLA clock: working hours on working days, in the regency's
 * time zone. The service desk of Perbup Tabanan 44/2022 Pasal 27 ayat (7)–(11) (Tier 1 in each PD,
 * Tier 2 in the Dinas) and the Dinas's reviews need service levels; the regulation names no
 * hours, so counting them in working time, not wall-clock time, is Simpul's choice. Weekends and
 * holidays (national, regional, cuti bersama: the `holidays` table) are not working time.
 *
 * Pure functions over instants (`Date`). Holidays are local dates `YYYY-MM-DD`.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface WorkingDay {
  /** Offset of the local time zone from UTC, in hours (WIB = 7; Indonesia has no DST). */
  utcOffsetHours: number;
  /** Opening and closing times, in minutes after local midnight. */
  startMinute: number;
  endMinute: number;
}

/** Mon–Fri 07:30–16:00 WIB (Asia/Jakarta, UTC+7). */
export const DEFAULT_WORKING_DAY: WorkingDay = {
  utcOffsetHours: 7,
  startMinute: 7 * 60 + 30,
  endMinute: 16 * 60,
};

/** The UTC instant of local midnight of the day containing `ms`. */
function localMidnight(ms: number, day: WorkingDay): number {
  const offset = day.utcOffsetHours * HOUR_MS;
  return Math.floor((ms + offset) / DAY_MS) * DAY_MS - offset;
}

/** `YYYY-MM-DD` of the local day starting at `midnight`. */
function localDate(midnight: number, day: WorkingDay): string {
  return new Date(midnight + day.utcOffsetHours * HOUR_MS).toISOString().slice(0, 10);
}

/** The working window [open, close) of the local day starting at `midnight`, or null. */
function workingWindow(
  midnight: number,
  holidays: Set<string>,
  day: WorkingDay,
): [number, number] | null {
  const weekday = new Date(midnight + day.utcOffsetHours * HOUR_MS).getUTCDay();
  if (weekday === 0 || weekday === 6 || holidays.has(localDate(midnight, day))) return null;
  return [midnight + day.startMinute * 60_000, midnight + day.endMinute * 60_000];
}

/**
 * The instant `hours` working hours after `start`. A start outside working time counts from the
 * next opening; a deadline that falls exactly on a closing time stays there (16:00, not 07:30 of
 * the next working day).
 */
export function addWorkingHours(
  start: Date,
  hours: number,
  holidays: Set<string>,
  day: WorkingDay = DEFAULT_WORKING_DAY,
): Date {
  if (!(hours > 0)) return new Date(start);
  let remaining = hours * HOUR_MS;
  let from = start.getTime();
  for (let midnight = localMidnight(from, day); ; midnight += DAY_MS, from = midnight) {
    const open = workingWindow(midnight, holidays, day);
    if (!open) continue;
    const begin = Math.max(from, open[0]);
    if (begin >= open[1]) continue;
    if (remaining <= open[1] - begin) return new Date(begin + remaining);
    remaining -= open[1] - begin;
  }
}

/** Working hours between `a` and `b`; negative when `b` is before `a` (e.g. time overdue). */
export function workingHoursBetween(
  a: Date,
  b: Date,
  holidays: Set<string>,
  day: WorkingDay = DEFAULT_WORKING_DAY,
): number {
  if (b < a) return -workingHoursBetween(b, a, holidays, day);
  const end = b.getTime();
  let total = 0;
  for (let midnight = localMidnight(a.getTime(), day); midnight < end; midnight += DAY_MS) {
    const open = workingWindow(midnight, holidays, day);
    if (!open) continue;
    const overlap = Math.min(end, open[1]) - Math.max(a.getTime(), open[0]);
    if (overlap > 0) total += overlap;
  }
  return total / HOUR_MS;
}
