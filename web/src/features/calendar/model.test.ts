import { describe, expect, it } from 'vitest';
import { holidayYears, yearOf } from './model';

describe('holidayYears', () => {
  it('offers two years either side of the current one', () => {
    expect(holidayYears(2026, 2026)).toEqual([2024, 2025, 2026, 2027, 2028]);
  });

  it('keeps a selected year outside that window, in order', () => {
    expect(holidayYears(2026, 2031)).toEqual([2024, 2025, 2026, 2027, 2028, 2031]);
    expect(holidayYears(2026, 2020, 1)).toEqual([2020, 2025, 2026, 2027]);
  });
});

describe('yearOf', () => {
  it('reads the year of a calendar date', () => {
    expect(yearOf('2026-03-20')).toBe(2026);
    expect(yearOf('20-03-2026')).toBeNull();
  });
});
