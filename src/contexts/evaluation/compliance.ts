import {
  addDaysTo,
  type ComplianceCheckProvider,
  DUE_SOON_DAYS,
  type EvidenceRecord,
  evaluation,
  type PartyEvaluation,
} from '../../platform/compliance/check-provider.js';
import {
  type EvaluationYearStatus,
  evaluationStatusByYear,
} from './use-cases/evaluation-status.js';

/**
 * What the evaluation records tell the compliance view (docs/user/compliance.md).
 *
 * `evaluation.yearly`: the regency's Pemantauan dan Evaluasi SPBE is done every year — Perbup OKU
 * Timur 2022 Pasal 36 ayat (1), Sragen 41/2019 Pasal 26 ayat (1), Tabanan 44/2022 Pasal 29 ayat (4)
 * huruf a. The Perbup name no date; Simpul reads "every year" as: the year's evaluation reaches
 * `params.stage` (`submitted` — the self-assessment submitted after the Berita Acara, the part the
 * regency itself performs — or `completed`, the external result recorded) by 31 December of that
 * year. So:
 * - this year's evaluation reached the stage → met;
 * - last year's reached it → met until 31 December, due soon in the last 30 days;
 * - an earlier evaluation exists but last year's did not reach the stage → late (a cycle left open
 *   past its year, or a year skipped);
 * - no evaluation before this year → missing.
 * One regency-wide answer: every bound party (the Dinas, the Tim Koordinasi) gets the same.
 */

const STAGE_WORDS = {
  submitted: { id: 'disampaikan', en: 'submitted' },
  completed: {
    id: 'selesai (hasil eksternal dicatat)',
    en: 'completed (external result recorded)',
  },
} as const;
type RequiredStage = keyof typeof STAGE_WORDS;

const record = (s: EvaluationYearStatus): EvidenceRecord => ({
  type: 'spbe_evaluation',
  id: s.evaluationId,
  label: `Evaluasi SPBE ${s.year} (${s.stage})`,
  link: `/console/evaluation/${s.evaluationId}`,
});

/** The yearly evaluation duty on the evaluations on record, judged on `today` (YYYY-MM-DD). */
export function yearlyEvaluationStatus(
  years: EvaluationYearStatus[],
  stage: RequiredStage,
  today: string,
): PartyEvaluation {
  const year = Number(today.slice(0, 4));
  const reached = (s: EvaluationYearStatus | undefined) =>
    s !== undefined && (stage === 'completed' ? s.done : s.submitted);
  const words = STAGE_WORDS[stage];
  const current = years.find((s) => s.year === year);
  const previous = years.find((s) => s.year === year - 1);
  const onRecord = [current, previous].filter((s) => s !== undefined).map(record);

  if (reached(current)) {
    return evaluation(
      'met',
      `Evaluasi SPBE ${year} sudah ${words.id}.`,
      `The ${year} SPBE evaluation is ${words.en}.`,
      onRecord,
      `${year + 1}-12-31`,
    );
  }
  const dueOn = `${year}-12-31`;
  if (reached(previous)) {
    const soon = dueOn <= addDaysTo(today, DUE_SOON_DAYS);
    const now = current
      ? { id: `masih pada tahap ${current.stage}`, en: `still at stage ${current.stage}` }
      : { id: 'belum dibuka', en: 'not opened yet' };
    return evaluation(
      soon ? 'due_soon' : 'met',
      `Evaluasi SPBE ${year - 1} sudah ${words.id}; evaluasi ${year} (${now.id}) harus ${words.id} paling lambat ${dueOn}.`,
      `The ${year - 1} SPBE evaluation is ${words.en}; the ${year} evaluation (${now.en}) must be ${words.en} by ${dueOn}.`,
      onRecord,
      dueOn,
    );
  }
  if (years.some((s) => s.year < year)) {
    return evaluation(
      'late',
      previous
        ? `Evaluasi SPBE ${year - 1} belum ${words.id} (tahap ${previous.stage}).`
        : `Tidak ada evaluasi SPBE ${year - 1}.`,
      previous
        ? `The ${year - 1} SPBE evaluation is not ${words.en} (stage ${previous.stage}).`
        : `No SPBE evaluation for ${year - 1}.`,
      onRecord,
      `${year - 1}-12-31`,
    );
  }
  return evaluation(
    'missing',
    current
      ? `Belum ada evaluasi SPBE yang ${words.id}; evaluasi ${year} pada tahap ${current.stage}.`
      : 'Belum ada evaluasi SPBE.',
    current
      ? `No SPBE evaluation ${words.en} yet; the ${year} evaluation is at stage ${current.stage}.`
      : 'No SPBE evaluation yet.',
    onRecord,
    dueOn,
  );
}

export const evaluationComplianceChecks: ComplianceCheckProvider = {
  module: 'evaluation',
  sources: {
    'evaluation.yearly': async (db, request) => {
      const stage: RequiredStage = request.params.stage === 'completed' ? 'completed' : 'submitted';
      const result = yearlyEvaluationStatus(await evaluationStatusByYear(db), stage, request.today);
      return new Map(request.parties.map((p) => [p.key, result]));
    },
  },
};
