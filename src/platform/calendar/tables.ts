import { date, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const HOLIDAY_KINDS = ['national', 'regional', 'cuti_bersama'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/**
 * Days that are not working days besides weekends: national holidays and cuti bersama (the yearly
 * SKB of the Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB) and regional holidays of
 * the Pemda. Data, not code: a new year's SKB, a shifted Idul Fitri after the sidang isbat, or a
 * regional holiday is a row, and `source` names where it comes from.
 */
export const holidays = pgTable(
  'holidays',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Local date (WIB). */
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<HolidayKind>().notNull(),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .defaultNow(),
  },
  (t) => [uniqueIndex('holidays_date_name_key').on(t.date, t.name)],
);
