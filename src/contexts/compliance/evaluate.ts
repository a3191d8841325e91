import { desc, inArray } from 'drizzle-orm';
import {
  COMPLIANCE_STATUSES,
  type ComplianceStatus,
  evaluation,
  type Party,
  type PartyEvaluation,
  type Source,
} from '../../platform/compliance/check-provider.js';
import type { Executor } from '../../platform/db/client.js';
import { complianceEvidence } from './db/tables.js';
import {
  attestationStatus,
  documentStatus,
  type EvidenceRow,
  submissionStatus,
} from './own-checks.js';
import { loadParties, type PartyUniverse, partiesOf } from './parties.js';
import type { CheckTypeRef, Obligation } from './profile-document.js';
import { checkOf, type LoadedProfile } from './profiles.js';
import { COMPLIANCE_SOURCES, PROVIDED_MODULES } from './providers.js';

export interface PartyResult extends PartyEvaluation {
  key: string;
  kind: Party['kind'];
  label: string;
  agencyId: string | null;
  /** The check type that decided this status (`attestation` when a person vouched instead). */
  decidedBy: string;
}

export interface ObligationResult {
  obligation: Omit<Obligation, 'check_type' | 'retired'>;
  check: CheckTypeRef;
  /** False when the check's source is not provided by any module of this Simpul. */
  supported: boolean;
  parties: PartyResult[];
  summary: Record<ComplianceStatus, number>;
}

export interface ProfileEvaluation {
  profileId: string;
  today: string;
  evaluatedAt: string;
  obligations: ObligationResult[];
  summary: Record<ComplianceStatus, number>;
}

export const emptySummary = (): Record<ComplianceStatus, number> =>
  Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, 0])) as Record<ComplianceStatus, number>;

/** The evidence of the profile's obligations, newest first, grouped by obligation and party. */
async function loadEvidence(db: Executor, obligationIds: string[]) {
  const byKey = new Map<string, EvidenceRow[]>();
  if (obligationIds.length === 0) return byKey;
  const rows = await db
    .select()
    .from(complianceEvidence)
    .where(inArray(complianceEvidence.obligationId, obligationIds))
    .orderBy(desc(complianceEvidence.recordedOn), desc(complianceEvidence.createdAt));
  for (const row of rows) {
    const key = `${row.obligationId}\u0000${row.partyKey}`;
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return byKey;
}

/** The source named by a check, or undefined when no module of this Simpul provides it. */
export function sourceOf(check: CheckTypeRef): Source | undefined {
  const name = check.params.source;
  return typeof name === 'string' ? COMPLIANCE_SOURCES.get(name) : undefined;
}

/**
 * Why a duty is not supported: its module is missing, or — once the module has landed — the
 * module keeps no record that decides this duty yet (e.g. interop has no SPLP connection record).
 */
function notSupported(module: string): PartyEvaluation {
  return PROVIDED_MODULES.includes(module)
    ? evaluation(
        'not_supported',
        `Belum didukung: modul ${module} belum mencatat hal yang memutuskan kewajiban ini.`,
        `Not yet supported: the ${module} module keeps no record that decides this duty yet.`,
      )
    : evaluation(
        'not_supported',
        `Belum didukung: modul ${module} belum tersedia.`,
        `Not yet supported: the ${module} module is not available.`,
      );
}

/** Whether a check can be evaluated here: an own check type, or a provided source. */
export function isSupported(check: CheckTypeRef): boolean {
  if (check.type === 'pending') return false;
  if (check.type === 'attestation' || check.type === 'document_in_force') return true;
  if (check.type === 'recurring_submission' && check.params.source === undefined) return true;
  return sourceOf(check) !== undefined;
}

/**
 * Evaluates every live obligation of a profile for every party it binds. Set-based: one query for
 * the parties, one for all compliance evidence, and one call per distinct provider source (each
 * a few queries over all parties at once), so the cost does not grow as agencies × obligations.
 * `onlyParty` narrows the answer (an agency's own to-do list), not the queries.
 */
export async function evaluateProfile(
  db: Executor,
  profile: LoadedProfile,
  today: string,
  options: { universe?: PartyUniverse } = {},
): Promise<ProfileEvaluation> {
  const universe = options.universe ?? (await loadParties(db));
  const live = profile.document.obligations.filter((o) => !o.retired);
  const evidence = await loadEvidence(
    db,
    live.map((o) => o.id),
  );
  const cache = new Map<string, Promise<Map<string, PartyEvaluation>>>();
  const summary = emptySummary();
  const results: ObligationResult[] = [];

  for (const o of live) {
    const check = checkOf(o);
    const parties = partiesOf(o, universe);
    const supported = isSupported(check);
    let fromSource: Map<string, PartyEvaluation> | null = null;
    const source = sourceOf(check);
    if (supported && source) {
      const key = JSON.stringify([check.type, check.params, o.binds]);
      let pending = cache.get(key);
      if (!pending) {
        pending = source(db, { checkType: check.type, params: check.params, parties, today });
        cache.set(key, pending);
      }
      fromSource = await pending;
    }
    const obligationSummary = emptySummary();
    const partyResults = parties.map((party): PartyResult => {
      const rows = evidence.get(`${o.id}\u0000${party.key}`) ?? [];
      let result: PartyEvaluation;
      let decidedBy = check.type;
      if (!supported) {
        // A person may vouch for a duty no module can check yet; otherwise it is not supported.
        const attested = attestationStatus(rows, today);
        if (attested.status === 'met' || attested.status === 'due_soon') {
          result = attested;
          decidedBy = 'attestation';
        } else {
          result = notSupported(String(check.params.module ?? check.params.source ?? o.module));
        }
      } else if (check.type === 'attestation') {
        result = attestationStatus(rows, today);
      } else if (check.type === 'document_in_force') {
        result = documentStatus(rows, today);
      } else if (check.type === 'recurring_submission' && !source) {
        result = submissionStatus(rows, check.params.period as string | undefined, today);
      } else {
        result =
          fromSource?.get(party.key) ??
          evaluation('not_applicable', 'Tidak berlaku.', 'Not applicable.');
      }
      obligationSummary[result.status]++;
      summary[result.status]++;
      return {
        key: party.key,
        kind: party.kind,
        label: party.label,
        agencyId: party.agencyId,
        decidedBy,
        ...result,
      };
    });
    const { check_type: _c, retired: _r, ...obligation } = o;
    results.push({
      obligation,
      check,
      supported,
      parties: partyResults,
      summary: obligationSummary,
    });
  }
  return {
    profileId: profile.id,
    today,
    evaluatedAt: new Date().toISOString(),
    obligations: results,
    summary,
  };
}
