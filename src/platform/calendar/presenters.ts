import type { Static } from 'typebox';
import type { Holiday } from './calendar.schemas.js';
import type { holidays } from './tables.js';

/** The allow-list of holiday fields that leave the server. */
export function presentHoliday(row: typeof holidays.$inferSelect): Static<typeof Holiday> {
  return {
    id: row.id,
    date: row.date,
    name: row.name,
    kind: row.kind,
    source: row.source,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
