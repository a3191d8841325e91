import type { Executor } from '../db/client.js';

/**
 * The contract between the compliance context and the modules whose records decide an
 * obligation. A module contributes a `ComplianceCheckProvider` (one file per context,
 * `src/contexts/<ctx>/compliance.ts`, exported from its index.ts and listed once in
 * `src/contexts/compliance/providers.ts`). Each provider offers named *sources*
 * (`datacenter.backups`, `identity.role`, …); a profile's check mapping names the check type and the
 * source with its parameters. A source the running Simpul does not have is shown as "belum
 * didukung" (not yet supported), never as a pass or a fail.
 */

/** Evaluation statuses, in order of severity for summaries. */
export const COMPLIANCE_STATUSES = [
  'met',
  'due_soon',
  'late',
  'missing',
  'not_applicable',
  'not_supported',
] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** Who an obligation binds: an agency (Perangkat Daerah) or one of the named bodies. */
export interface Party {
  /** The agency id, or `kominfo`, `coordination_team`, `bupati`, `government`, `other`. */
  key: string;
  kind: 'agency' | 'kominfo' | 'coordination_team' | 'bupati' | 'government' | 'other';
  label: string;
  /** The agency whose records and scope decide it (the Dinas for kominfo/cio duties). */
  agencyId: string | null;
}

/** A record that decided a status, linked in the console. */
export interface EvidenceRecord {
  type: string;
  id: string;
  label: string;
  /** Console path, e.g. `/console/pusat-data/backups/<id>`. */
  link: string | null;
}

export interface PartyEvaluation {
  status: ComplianceStatus;
  /** Short reason in both UI languages. */
  reason: { id: string; en: string };
  /** The next deadline that matters, YYYY-MM-DD (due soon, late), or null. */
  dueOn: string | null;
  records: EvidenceRecord[];
}

export interface SourceRequest {
  /** The check type named by the mapping (`registry_coverage`, `workflow_step`, …). */
  checkType: string;
  params: Record<string, unknown>;
  /** Every bound party at once: a source answers with a few set-based queries, never per party. */
  parties: Party[];
  /** Local date (WIB), YYYY-MM-DD. */
  today: string;
}

/** Answers for every party in the request; a party left out is `not_applicable`. */
export type Source = (
  db: Executor,
  request: SourceRequest,
) => Promise<Map<string, PartyEvaluation>>;

export interface ComplianceCheckProvider {
  /** The module (context) name, as in the obligations' `module` field. */
  module: string;
  sources: Record<string, Source>;
}

/** How many days before a deadline a duty counts as due soon. */
export const DUE_SOON_DAYS = 30;

/** Helper for providers: the same answer for several parties. */
export function evaluation(
  status: ComplianceStatus,
  id: string,
  en: string,
  records: EvidenceRecord[] = [],
  dueOn: string | null = null,
): PartyEvaluation {
  return { status, reason: { id, en }, dueOn, records };
}

/** `date` plus `days`, on dates YYYY-MM-DD. */
export function addDaysTo(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * For sources that judge an agency by its own records and a body of the regency (the Dinas, the
 * government) by the records of every agency: the agency ids each party covers. `null` = all.
 */
export function coverageOf(party: Party): string[] | null {
  return party.kind === 'agency' && party.agencyId ? [party.agencyId] : null;
}

/** Rows of the parties' agencies, per party (a regency-wide party gets every row). */
export function rowsPerParty<T extends { agencyId: string }>(
  parties: Party[],
  rows: T[],
): Map<string, T[]> {
  const byAgency = new Map<string, T[]>();
  for (const row of rows) byAgency.set(row.agencyId, [...(byAgency.get(row.agencyId) ?? []), row]);
  return new Map(
    parties.map((p) => {
      const cover = coverageOf(p);
      return [p.key, cover ? cover.flatMap((id) => byAgency.get(id) ?? []) : rows];
    }),
  );
}
