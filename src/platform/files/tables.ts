import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../contexts/identity/index.js';
import { agencies } from '../../contexts/organization/index.js';

/**
 * Uploaded files: metadata per upload, contents in the file store by SHA-256 (the same bytes
 * uploaded twice are stored once). A file belongs to an agency; who may read it follows the
 * agency scope of the reader.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Sniffed from the bytes, never taken from the name or the browser. */
    mediaType: text('media_type').notNull(),
    /** As uploaded (checked, not a path); offered on download. */
    originalName: text('original_name').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** Null when Simpul itself stored it (seed, import). */
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .defaultNow(),
  },
  (t) => [index('files_agency_idx').on(t.agencyId), index('files_sha256_idx').on(t.sha256)],
);
