import {
  addDaysTo,
  DUE_SOON_DAYS,
  type EvidenceRecord,
  evaluation,
  type PartyEvaluation,
} from '../../platform/compliance/check-provider.js';
import type { complianceEvidence } from './db/tables.js';

/**
 * The check types compliance decides from its own records: recurring submissions, documents in
 * force and attestations. Pure functions over the evidence of one obligation and one party,
 * newest first, so the engine loads all evidence of a profile in one query.
 */

export type EvidenceRow = typeof complianceEvidence.$inferSelect;

/** The check types owned by compliance (no provider needed). */
export const OWN_CHECK_TYPES = [
  'attestation',
  'recurring_submission',
  'document_in_force',
] as const;

/** How long a submission counts, in months, per period of the obligation. */
const WINDOW_MONTHS: Record<string, number> = { yearly: 12, every_2_years: 24, every_5_years: 60 };

export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

const record = (e: EvidenceRow): EvidenceRecord => ({
  type: e.kind,
  id: e.id,
  label: `${e.recordedOn} · ${e.recordedByName}`,
  link: `/console/compliance/obligations/${encodeURIComponent(e.obligationId)}`,
});

function untilStatus(
  latest: EvidenceRow,
  until: string | null,
  today: string,
  what: { id: string; en: string },
): PartyEvaluation {
  if (until && until < today) {
    return evaluation(
      'late',
      `${what.id} berakhir ${until}.`,
      `${what.en} ended ${until}.`,
      [record(latest)],
      until,
    );
  }
  if (until && until <= addDaysTo(today, DUE_SOON_DAYS)) {
    return evaluation(
      'due_soon',
      `${what.id} berakhir ${until}; perbarui sebelum tanggal itu.`,
      `${what.en} ends ${until}; renew it before then.`,
      [record(latest)],
      until,
    );
  }
  return evaluation(
    'met',
    until ? `${what.id} berlaku sampai ${until}.` : `${what.id} tercatat.`,
    until ? `${what.en} valid until ${until}.` : `${what.en} on record.`,
    [record(latest)],
    until,
  );
}

/** A valid attestation (who, when, evidence) until its end date. */
export function attestationStatus(rows: EvidenceRow[], today: string): PartyEvaluation {
  const latest = rows.find((r) => r.kind === 'attestation');
  if (!latest) {
    return evaluation('missing', 'Belum ada atestasi.', 'No attestation yet.');
  }
  return untilStatus(latest, latest.validUntil, today, { id: 'Atestasi', en: 'The attestation' });
}

/**
 * A submission each period: the latest one holds for the period's length (a yearly LAN diagram
 * for 12 months — Perbup OKU Timur 2022 Pasal 22 ayat (1)); without one the duty is missing.
 */
export function submissionStatus(
  rows: EvidenceRow[],
  period: string | null | undefined,
  today: string,
): PartyEvaluation {
  const latest = rows.find((r) => r.kind === 'submission');
  if (!latest) return evaluation('missing', 'Belum ada penyampaian.', 'Nothing submitted yet.');
  const months = WINDOW_MONTHS[period ?? ''];
  const until = months ? addMonths(latest.recordedOn, months) : null;
  return untilStatus(latest, until, today, {
    id: 'Penyampaian terakhir',
    en: 'The latest submission',
  });
}

/** A decree, plan or policy recorded with its validity (a plan term ends; a decree may not). */
export function documentStatus(rows: EvidenceRow[], today: string): PartyEvaluation {
  const latest = rows.find((r) => r.kind === 'submission');
  if (!latest) return evaluation('missing', 'Dokumen belum dicatat.', 'No document recorded.');
  return untilStatus(latest, latest.validUntil, today, { id: 'Dokumen', en: 'The document' });
}
