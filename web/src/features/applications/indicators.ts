import type { Completeness } from './api';

export interface Indicator {
  /** What the badge says: `3/4`, or the i18n key when the documents are not asked. */
  text: string | null;
  color: 'teal' | 'yellow' | 'red' | 'gray';
  complete: boolean;
}

/** The completeness badge of the four required documents. */
export function completenessIndicator(completeness: Completeness): Indicator {
  if (!completeness.required) return { text: null, color: 'gray', complete: true };
  const { present, total } = completeness;
  const complete = present >= total;
  return {
    text: `${present}/${total}`,
    color: complete ? 'teal' : present === 0 ? 'red' : 'yellow',
    complete,
  };
}

/** Days before the due date from which the audit shows as coming up. */
export const AUDIT_SOON_DAYS = 90;

export type AuditState = 'overdue' | 'soon' | 'ok' | 'none';

/**
 * Where an application stands with its audit (at least every two years, OKU Timur 2022 Pasal 19
 * ayat (6)): the server says whether it is overdue; "soon" is within `AUDIT_SOON_DAYS` of the due
 * date; a retired application is not audited.
 */
export function auditState(
  app: { status: string; auditDueDate: string; auditOverdue: boolean },
  today: string,
): AuditState {
  if (app.status !== 'active') return 'none';
  if (app.auditOverdue) return 'overdue';
  const days =
    (Date.parse(`${app.auditDueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= AUDIT_SOON_DAYS ? 'soon' : 'ok';
}
