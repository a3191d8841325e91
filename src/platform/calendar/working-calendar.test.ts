import { describe, expect, it } from 'vitest';
import { addWorkingHours, workingHoursBetween } from './working-calendar.js';

/** A WIB wall-clock time, e.g. `wib('2026-03-02 08:00')`. */
const wib = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);
const none = new Set<string>();
// Idul Fitri 1447 H with its cuti bersama and Nyepi: Wed 18 – Tue 24 March 2026 (SKB 2026).
const lebaran = new Set([
  '2026-03-18',
  '2026-03-19',
  '2026-03-20',
  '2026-03-21',
  '2026-03-22',
  '2026-03-23',
  '2026-03-24',
]);

describe('addWorkingHours', () => {
  it('adds within one working day', () => {
    expect(addWorkingHours(wib('2026-03-02 08:00'), 3, none)).toEqual(wib('2026-03-02 11:00'));
  });

  it('continues the next morning after closing time', () => {
    expect(addWorkingHours(wib('2026-03-02 15:00'), 2, none)).toEqual(wib('2026-03-03 08:30'));
  });

  it('ends exactly at closing time rather than the next opening', () => {
    expect(addWorkingHours(wib('2026-03-02 07:30'), 8.5, none)).toEqual(wib('2026-03-02 16:00'));
    expect(addWorkingHours(wib('2026-03-02 07:30'), 17, none)).toEqual(wib('2026-03-03 16:00'));
  });

  it('skips the weekend', () => {
    // Friday 6 March 2026, 15:00 → Monday 9 March.
    expect(addWorkingHours(wib('2026-03-06 15:00'), 2, none)).toEqual(wib('2026-03-09 08:30'));
  });

  it('skips holidays and cuti bersama', () => {
    // Tuesday 17 March, 15:00: one hour that day, then nothing until Wednesday 25 March.
    expect(addWorkingHours(wib('2026-03-17 15:00'), 2, lebaran)).toEqual(wib('2026-03-25 08:30'));
  });

  it('starts counting at the next opening when started outside working hours', () => {
    expect(addWorkingHours(wib('2026-03-02 06:00'), 1, none)).toEqual(wib('2026-03-02 08:30'));
    expect(addWorkingHours(wib('2026-03-02 18:00'), 1, none)).toEqual(wib('2026-03-03 08:30'));
    expect(addWorkingHours(wib('2026-03-07 10:00'), 1, none)).toEqual(wib('2026-03-09 08:30'));
    expect(addWorkingHours(wib('2026-03-18 09:00'), 1, lebaran)).toEqual(wib('2026-03-25 08:30'));
  });

  it('uses the local (WIB) date, not the UTC date', () => {
    // 20:00 UTC on Monday is 03:00 WIB on Tuesday.
    expect(addWorkingHours(new Date('2026-03-02T20:00:00Z'), 1, none)).toEqual(
      wib('2026-03-03 08:30'),
    );
    // 23:00 UTC on Friday is 06:00 WIB on Saturday: the weekend, not Friday.
    expect(addWorkingHours(new Date('2026-03-06T23:00:00Z'), 1, none)).toEqual(
      wib('2026-03-09 08:30'),
    );
  });

  it('returns the start for zero hours', () => {
    expect(addWorkingHours(wib('2026-03-07 10:00'), 0, none)).toEqual(wib('2026-03-07 10:00'));
  });
});

describe('workingHoursBetween', () => {
  it('counts within a day and across days', () => {
    expect(workingHoursBetween(wib('2026-03-02 08:00'), wib('2026-03-02 11:30'), none)).toBe(3.5);
    expect(workingHoursBetween(wib('2026-03-02 15:00'), wib('2026-03-03 08:30'), none)).toBe(2);
  });

  it('counts nothing outside working hours, on weekends and holidays', () => {
    expect(workingHoursBetween(wib('2026-03-02 16:00'), wib('2026-03-03 07:30'), none)).toBe(0);
    expect(workingHoursBetween(wib('2026-03-06 16:00'), wib('2026-03-09 07:00'), none)).toBe(0);
    expect(workingHoursBetween(wib('2026-03-17 16:00'), wib('2026-03-25 07:30'), lebaran)).toBe(0);
    expect(workingHoursBetween(wib('2026-03-17 15:00'), wib('2026-03-25 08:30'), lebaran)).toBe(2);
  });

  it('counts a full week as five working days of 8.5 hours', () => {
    expect(workingHoursBetween(wib('2026-03-02 00:00'), wib('2026-03-09 00:00'), none)).toBe(42.5);
  });

  it('is negative when the end is before the start', () => {
    expect(workingHoursBetween(wib('2026-03-03 08:30'), wib('2026-03-02 15:00'), none)).toBe(-2);
  });

  it('inverts addWorkingHours', () => {
    const starts = ['2026-03-02 06:10', '2026-03-05 15:59', '2026-03-14 12:00', '2026-03-17 09:15'];
    for (const start of starts) {
      for (const hours of [0.25, 1, 8.5, 9, 40, 100]) {
        const due = addWorkingHours(wib(start), hours, lebaran);
        const counted = workingHoursBetween(wib(start), due, lebaran);
        expect(counted, `${start} + ${hours}`).toBeCloseTo(hours, 9);
      }
    }
  });
});
