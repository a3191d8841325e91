import type { Static } from 'typebox';
import type { agencies } from '../db/tables.js';
import type { Agency } from './organization.schemas.js';

type AgencyRow = typeof agencies.$inferSelect;

/** The allow-list of agency fields that leave the server. */
export function presentAgency(row: AgencyRow): Static<typeof Agency> {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind as Static<typeof Agency>['kind'],
    parentId: row.parentId,
    headName: row.headName,
    headNip: row.headNip,
    email: row.email,
    phone: row.phone,
    address: row.address,
    website: row.website,
    isKominfo: row.isKominfo,
    status: row.status as Static<typeof Agency>['status'],
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
