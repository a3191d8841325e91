import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { createTestDatabase } from '../testing/test-database.js';
import { loadHolidays } from './holidays.js';
import { holidays } from './tables.js';
import { addWorkingHours } from './working-calendar.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('seeded holidays', () => {
  it('hold the 17 national holidays and 8 days of cuti bersama of 2026 (SKB 3 Menteri)', async () => {
    const rows = await database.db.select().from(holidays);
    const of2026 = rows.filter((r) => r.date.startsWith('2026-'));
    expect(of2026.filter((r) => r.kind === 'national')).toHaveLength(17);
    expect(of2026.filter((r) => r.kind === 'cuti_bersama')).toHaveLength(8);
    expect(of2026.every((r) => r.source === 'SKB 3 Menteri 2026')).toBe(true);
  });

  it('stretch an SLA clock across Idul Fitri 1447 H', async () => {
    const calendar = await loadHolidays(database.db);
    // Tuesday 17 March 2026, 15:00 WIB, plus two working hours: Wednesday 25 March, 08:30 WIB.
    expect(addWorkingHours(new Date('2026-03-17T15:00:00+07:00'), 2, calendar)).toEqual(
      new Date('2026-03-25T08:30:00+07:00'),
    );
  });
});
