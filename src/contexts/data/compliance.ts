import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  type ComplianceCheckProvider,
  coverageOf,
  type EvidenceRecord,
  evaluation,
  type PartyEvaluation,
  rowsPerParty,
  type Source,
} from '../../platform/compliance/check-provider.js';
import { workflowInstances } from '../../platform/workflow/tables.js';
import { DATASET_SUBJECT, datasetWorkflow } from './data-workflow.js';
import { dataPlans, dataResources, dataReviews, datasets } from './db/tables.js';
import { CHECKLIST_KEYS } from './vocabulary.js';

/**
 * What the Satu Data records tell the compliance view (docs/user/compliance.md). An agency is
 * judged on the datasets it produces; the regency, the Dinas and the walidata on every agency's.
 */

type Db = Parameters<Source>[0];

const datasetRecord = (d: { id: string; title: string; state: string }): EvidenceRecord => ({
  type: 'dataset',
  id: d.id,
  label: `${d.title} (${d.state})`,
  link: `/console/data/datasets/${d.id}`,
});

async function loadDatasets(db: Db) {
  return db
    .select({
      id: datasets.id,
      agencyId: datasets.agencyId,
      title: datasets.title,
      state: datasets.state,
      description: datasets.description,
      standard: datasets.standard,
      contactName: datasets.contactName,
      licenseId: datasets.licenseId,
      frequency: datasets.frequency,
    })
    .from(datasets)
    .orderBy(datasets.title);
}
type DatasetRow = Awaited<ReturnType<typeof loadDatasets>>[number];

/**
 * `data.datasets` — OKU Timur 2022 Pasal 9 ayat (1) and Pasal 12 ayat (3)–(4): the agency provides
 * its data — at least one dataset verified by the walidata and published. Missing otherwise (every
 * agency produces data), with its unpublished datasets as the records.
 */
const publishedDatasets: Source = async (db, request) => {
  const perParty = rowsPerParty(request.parties, await loadDatasets(db));
  const out = new Map<string, PartyEvaluation>();
  for (const party of request.parties) {
    const own = perParty.get(party.key) ?? [];
    const published = own.filter((d) => d.state === 'published');
    out.set(
      party.key,
      published.length
        ? evaluation(
            'met',
            `${published.length} dataset diverifikasi walidata dan terbit.`,
            `${published.length} datasets verified by the walidata and published.`,
            published.map(datasetRecord),
          )
        : evaluation(
            'missing',
            own.length
              ? `Belum ada dataset yang terbit (${own.length} draf, diperiksa atau dikembalikan).`
              : 'Belum ada dataset.',
            own.length
              ? `No dataset published yet (${own.length} in draft, review or returned).`
              : 'No dataset yet.',
            own.map(datasetRecord),
          ),
    );
  }
  return out;
};

const STANDARD_FIELDS = ['konsep', 'definisi', 'klasifikasi', 'ukuran', 'satuan'] as const;
const filled = (v: string | null | undefined) => Boolean(v?.trim());

/**
 * `data.conformity` — the principles of Satu Data (Perpres 39/2019 Pasal 3; OKU Timur 2022 Pasal
 * 9 ayat (3), Pasal 10 ayat (1), Pasal 12 ayat (1); Sragen 41/2019 Pasal 17 ayat (3), Pasal 18;
 * Tabanan 44/2022 Pasal 22 ayat (2)). `params.checks` names items of the walidata's conformity
 * checklist (`standar_data`, `metadata`, `interoperabilitas`, `kode_referensi`, `klasifikasi`);
 * `params.fields` adds `contact` (a named responsible official). Every published dataset of the
 * agency must have passed those items at its publication and still hold them today: the Standar
 * Data complete, its tables valid against their data dictionary, the metadata (description,
 * licence) filled. No published dataset: nothing to judge here (`data.datasets` says it).
 */
const conformity: Source = async (db, request) => {
  const checks = (Array.isArray(request.params.checks) ? request.params.checks : []).filter(
    (c): c is string => typeof c === 'string' && CHECKLIST_KEYS.includes(c),
  );
  const fields = Array.isArray(request.params.fields) ? request.params.fields : [];
  const all = (await loadDatasets(db)).filter((d) => d.state === 'published');
  const ids = all.map((d) => d.id);
  const [reviews, resources] = ids.length
    ? await Promise.all([
        db
          .select({ datasetId: dataReviews.datasetId, checklist: dataReviews.checklist })
          .from(dataReviews)
          .where(and(inArray(dataReviews.datasetId, ids), eq(dataReviews.decision, 'publish')))
          .orderBy(desc(dataReviews.createdAt)),
        db
          .select({
            datasetId: dataResources.datasetId,
            kind: dataResources.kind,
            validation: dataResources.validation,
          })
          .from(dataResources)
          .where(inArray(dataResources.datasetId, ids)),
      ])
    : [[], []];
  const checklistOf = new Map<string, Record<string, boolean>>();
  for (const r of reviews)
    if (!checklistOf.has(r.datasetId)) checklistOf.set(r.datasetId, r.checklist);
  const invalidTables = new Set(
    resources.filter((r) => r.kind === 'table' && !r.validation?.valid).map((r) => r.datasetId),
  );
  const problemsOf = (d: DatasetRow): string[] => {
    const ticked = checklistOf.get(d.id) ?? {};
    const problems = checks.filter((c) => ticked[c] !== true);
    if (checks.includes('standar_data')) {
      if (!STANDARD_FIELDS.every((f) => filled(d.standard?.[f]))) problems.push('standar_data');
      if (invalidTables.has(d.id)) problems.push('tabel');
    }
    if (checks.includes('metadata') && ![d.description, d.licenseId].every(filled))
      problems.push('metadata');
    if (fields.includes('contact') && !filled(d.contactName)) problems.push('contact');
    return [...new Set(problems)];
  };
  const perParty = rowsPerParty(request.parties, all);
  const out = new Map<string, PartyEvaluation>();
  for (const party of request.parties) {
    const own = perParty.get(party.key) ?? [];
    if (own.length === 0) {
      out.set(
        party.key,
        evaluation('not_applicable', 'Belum ada dataset terbit.', 'No published dataset yet.'),
      );
      continue;
    }
    const failing = own.filter((d) => problemsOf(d).length > 0);
    const what = [...checks, ...fields].join(', ');
    out.set(
      party.key,
      failing.length === 0
        ? evaluation(
            'met',
            `${own.length} dataset terbit memenuhi: ${what}.`,
            `${own.length} published datasets meet: ${what}.`,
            own.map(datasetRecord),
          )
        : evaluation(
            'missing',
            `${failing.length} dari ${own.length} dataset terbit tidak memenuhi: ${[...new Set(failing.flatMap(problemsOf))].join(', ')}.`,
            `${failing.length} of ${own.length} published datasets fall short on: ${[...new Set(failing.flatMap(problemsOf))].join(', ')}.`,
            failing.map(datasetRecord),
          ),
    );
  }
  return out;
};

/**
 * `data.verification` — OKU Timur 2022 Pasal 12 ayat (3): the walidata checks the conformity of
 * every dataset submitted before it is published. Late when a submission waits past the
 * workflow's service level, due soon while one waits within it; met when none waits.
 */
const verification: Source = async (db, request) => {
  const waiting = await db
    .select({
      id: datasets.id,
      agencyId: datasets.agencyId,
      title: datasets.title,
      state: datasets.state,
      dueAt: workflowInstances.dueAt,
    })
    .from(datasets)
    .innerJoin(
      workflowInstances,
      and(
        eq(workflowInstances.subjectId, datasets.id),
        eq(workflowInstances.subjectType, DATASET_SUBJECT),
        eq(workflowInstances.workflowId, datasetWorkflow.id),
      ),
    )
    .where(eq(workflowInstances.state, 'submitted'));
  const reviewed = await db
    .selectDistinct({ agencyId: datasets.agencyId })
    .from(dataReviews)
    .innerJoin(datasets, eq(datasets.id, dataReviews.datasetId));
  const everReviewed = new Set(reviewed.map((r) => r.agencyId));
  const now = new Date().toISOString();
  const perParty = rowsPerParty(request.parties, waiting);
  const out = new Map<string, PartyEvaluation>();
  for (const party of request.parties) {
    const own = perParty.get(party.key) ?? [];
    const late = own.filter((d) => d.dueAt && d.dueAt < now);
    const cover = coverageOf(party);
    const reviewedAny =
      cover === null ? everReviewed.size > 0 : cover.some((a) => everReviewed.has(a));
    out.set(
      party.key,
      late.length
        ? evaluation(
            'late',
            `${late.length} dataset menunggu pemeriksaan walidata melewati batas waktu.`,
            `${late.length} datasets wait for the walidata's check past the service level.`,
            late.map(datasetRecord),
            late.map((d) => d.dueAt?.slice(0, 10) ?? '').sort()[0] ?? null,
          )
        : own.length
          ? evaluation(
              'due_soon',
              `${own.length} dataset menunggu pemeriksaan walidata, masih dalam batas waktu.`,
              `${own.length} datasets await the walidata's check, within the service level.`,
              own.map(datasetRecord),
              own.map((d) => d.dueAt?.slice(0, 10) ?? '').sort()[0] ?? null,
            )
          : reviewedAny
            ? evaluation(
                'met',
                'Setiap dataset yang diajukan sudah diperiksa walidata.',
                'Every submitted dataset has been checked by the walidata.',
              )
            : evaluation(
                'not_applicable',
                'Belum ada dataset diajukan.',
                'No dataset submitted yet.',
              ),
    );
  }
  return out;
};

/**
 * `data.daftar_data` — OKU Timur 2022 Pasal 12 ayat (4): the producer gives its input to the
 * Pembina Data's planning — the yearly Daftar Data (Perpres 39/2019 Pasal 27). Met with entries for
 * this year or the next, late when the latest entries are for an earlier year, missing without any.
 */
const daftarData: Source = async (db, request) => {
  const year = Number(request.today.slice(0, 4));
  const plans = await db
    .select({
      id: dataPlans.id,
      agencyId: dataPlans.agencyId,
      year: dataPlans.year,
      title: dataPlans.title,
    })
    .from(dataPlans)
    .orderBy(desc(dataPlans.year), dataPlans.title);
  const record = (p: (typeof plans)[number]): EvidenceRecord => ({
    type: 'data_plan',
    id: p.id,
    label: `Daftar Data ${p.year}: ${p.title}`,
    link: '/console/data',
  });
  const perParty = rowsPerParty(request.parties, plans);
  const out = new Map<string, PartyEvaluation>();
  for (const party of request.parties) {
    const own = perParty.get(party.key) ?? [];
    const current = own.filter((p) => p.year >= year);
    const latest = own[0]?.year ?? null;
    out.set(
      party.key,
      current.length
        ? evaluation(
            'met',
            `Daftar Data ${year}: ${current.length} entri.`,
            `Daftar Data ${year}: ${current.length} entries.`,
            current.map(record),
            `${year}-12-31`,
          )
        : latest !== null
          ? evaluation(
              'late',
              `Daftar Data terakhir untuk ${latest}; belum ada untuk ${year}.`,
              `The latest Daftar Data is for ${latest}; none for ${year}.`,
              own.filter((p) => p.year === latest).map(record),
              `${year}-01-01`,
            )
          : evaluation('missing', 'Belum ada Daftar Data.', 'No Daftar Data yet.'),
    );
  }
  return out;
};

export const dataComplianceChecks: ComplianceCheckProvider = {
  module: 'data',
  sources: {
    'data.datasets': publishedDatasets,
    'data.conformity': conformity,
    'data.verification': verification,
    'data.daftar_data': daftarData,
  },
};
