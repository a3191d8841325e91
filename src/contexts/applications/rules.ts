import { DEFAULT_WORKING_DAY } from '../../platform/calendar/working-calendar.js';
import { DOCUMENT_KINDS, type DocumentKind } from './model.js';

/**
 * Today's date (`YYYY-MM-DD`) in the regency's time zone (WIB, as the working calendar), the day
 * against which audit due dates are compared.
 */
export function localToday(now: Date = new Date()): string {
  const offsetMs = DEFAULT_WORKING_DAY.utcOffsetHours * 3_600_000;
  return new Date(now.getTime() + offsetMs).toISOString().slice(0, 10);
}

/**
 * Whether the four documents are asked of this application. Tabanan 44/2022 Pasal 7 ayat (4)
 * (and Sragen 11(2), OKU Timur 19(2)) binds the application a PD builds or develops. An entry that
 * *is* a national aplikasi umum (SRIKANDI as used by the Setda) was neither, and its documents
 * and source are held by the national owner: it is not counted as missing them.
 */
export const documentsRequired = (nationalRelation: string | null) => nationalRelation !== 'is';

export interface Completeness {
  required: boolean;
  /** How many of the four kinds have a current document. */
  present: number;
  total: number;
  missing: DocumentKind[];
}

/** The completeness indicator: n of 4, and which kinds are missing (empty when not required). */
export function completenessOf(nationalRelation: string | null, kinds: string[]): Completeness {
  const have = new Set(kinds);
  const required = documentsRequired(nationalRelation);
  const present = DOCUMENT_KINDS.filter((k) => have.has(k)).length;
  return {
    required,
    present,
    total: DOCUMENT_KINDS.length,
    missing: required ? DOCUMENT_KINDS.filter((k) => !have.has(k)) : [],
  };
}

/**
 * OKU Timur 2022 Pasal 19 ayat (6): an audit at least every two years. The due date itself is
 * derived by the database (tables.ts); an application is overdue when it is still in use and
 * that date has passed. A retired application is no longer audited.
 */
export const isAuditOverdue = (status: string, auditDueDate: string, today: string) =>
  status === 'active' && auditDueDate < today;
