import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** The Pemerintah Daerah running this Simpul: one row (id = 1). */
export const government = pgTable('government', {
  id: integer('id').primaryKey().default(1),
  name: text('name').notNull(),
  type: text('type').notNull(),
  province: text('province').notNull(),
  portalDomain: text('portal_domain').notNull(),
  regulationProfile: text('regulation_profile').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Perangkat Daerah registry. Exactly one may be flagged as the Dinas Kominfo. */
export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id),
    headName: text('head_name'),
    headNip: text('head_nip'),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    website: text('website'),
    isKominfo: boolean('is_kominfo').notNull().default(false),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    uniqueIndex('agencies_code_key').on(sql`lower(${t.code})`),
    uniqueIndex('agencies_one_kominfo').on(t.isKominfo).where(sql`${t.isKominfo}`),
    index('agencies_name_idx').on(t.name),
  ],
);
