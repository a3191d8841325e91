export const HOLIDAY_KINDS = ['national', 'cuti_bersama', 'regional'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** The years offered by the year selector: a few back, a few ahead, always including `selected`. */
export function holidayYears(currentYear: number, selected: number, span = 2): number[] {
  const years = new Set<number>();
  for (let year = currentYear - span; year <= currentYear + span; year++) years.add(year);
  years.add(selected);
  return [...years].sort((a, b) => a - b);
}

/** The year of a `YYYY-MM-DD` date, or null. */
export function yearOf(date: string): number | null {
  const match = /^(\d{4})-\d{2}-\d{2}$/.exec(date);
  return match ? Number(match[1]) : null;
}
