import { and, eq, inArray } from 'drizzle-orm';
import {
  addDaysTo,
  type ComplianceCheckProvider,
  DUE_SOON_DAYS,
  type EvidenceRecord,
  evaluation,
  type PartyEvaluation,
  rowsPerParty,
  type SourceRequest,
} from '../../platform/compliance/check-provider.js';
import type { Executor } from '../../platform/db/client.js';
import { workflowEvents, workflowInstances } from '../../platform/workflow/tables.js';
import { applicationDocuments, applications } from './db/tables.js';
import { APPLICATION_SUBJECT, DOCUMENT_KINDS, LIFECYCLE_WORKFLOW_ID, STAGES } from './model.js';

/**
 * What the applications registry can tell the compliance view (docs/user/compliance.md). An
 * agency is judged by its own active applications; the Dinas and the regency by all of them. An
 * agency without applications: not applicable.
 */

type AppRow = {
  id: string;
  agencyId: string;
  name: string;
  kind: string;
  sourceRepositoryUrl: string | null;
  handoverDate: string | null;
  auditDueDate: string;
};

async function activeApplications(db: Executor, request: SourceRequest): Promise<AppRow[]> {
  const kind = request.params.kind;
  return db
    .select({
      id: applications.id,
      agencyId: applications.agencyId,
      name: applications.name,
      kind: applications.kind,
      sourceRepositoryUrl: applications.sourceRepositoryUrl,
      handoverDate: applications.handoverDate,
      auditDueDate: applications.auditDueDate,
    })
    .from(applications)
    .where(
      and(
        eq(applications.status, 'active'),
        typeof kind === 'string' ? eq(applications.kind, kind) : undefined,
      ),
    )
    .orderBy(applications.name);
}

const appRecord = (a: AppRow): EvidenceRecord => ({
  type: 'application',
  id: a.id,
  label: a.name,
  link: `/console/applications/${a.id}`,
});

/** Every application passes `ok`: met; otherwise `failStatus` listing the ones that do not. */
function coverage(
  request: SourceRequest,
  apps: AppRow[],
  ok: (a: AppRow) => boolean,
  fail: { status: 'missing' | 'late'; id: string; en: string },
  empty = { id: 'Tidak ada aplikasi terdaftar.', en: 'No registered application.' },
): Map<string, PartyEvaluation> {
  const perParty = rowsPerParty(request.parties, apps);
  const out = new Map<string, PartyEvaluation>();
  for (const party of request.parties) {
    const own = perParty.get(party.key) ?? [];
    if (own.length === 0) {
      out.set(party.key, evaluation('not_applicable', empty.id, empty.en));
      continue;
    }
    const failing = own.filter((a) => !ok(a));
    out.set(
      party.key,
      failing.length === 0
        ? evaluation(
            'met',
            `Semua ${own.length} aplikasi memenuhi.`,
            `All ${own.length} applications comply.`,
            own.slice(0, 20).map(appRecord),
          )
        : evaluation(
            fail.status,
            `${failing.length} dari ${own.length} aplikasi: ${fail.id}`,
            `${failing.length} of ${own.length} applications: ${fail.en}`,
            failing.map(appRecord),
          ),
    );
  }
  return out;
}

export const applicationsComplianceChecks: ComplianceCheckProvider = {
  module: 'applications',
  sources: {
    /** Tabanan 44/2022 Pasal 7 ayat (4), OKU Timur 2022 19(2), Sragen 41/2019 11(2): the four artefacts. */
    'applications.documents': async (db, request) => {
      const apps = await activeApplications(db, request);
      const kinds = apps.length
        ? await db
            .selectDistinct({
              applicationId: applicationDocuments.applicationId,
              kind: applicationDocuments.kind,
            })
            .from(applicationDocuments)
            .where(
              inArray(
                applicationDocuments.applicationId,
                apps.map((a) => a.id),
              ),
            )
        : [];
      const have = new Map<string, Set<string>>();
      for (const k of kinds)
        have.set(k.applicationId, (have.get(k.applicationId) ?? new Set()).add(k.kind));
      return coverage(request, apps, (a) => DOCUMENT_KINDS.every((k) => have.get(a.id)?.has(k)), {
        status: 'missing',
        id: 'dokumen wajib (kebutuhan, rancangan, manual, kode sumber) belum lengkap.',
        en: 'required documents (requirements, design, manual, source code) incomplete.',
      });
    },
    /** Tabanan 7(5), OKU Timur 19(3), Sragen 11(3): kept in the repository, handed over. */
    'applications.repository': async (db, request) =>
      coverage(
        request,
        await activeApplications(db, request),
        (a) => Boolean(a.sourceRepositoryUrl && a.handoverDate),
        {
          status: 'missing',
          id: 'repositori kode sumber atau tanggal serah terima belum dicatat.',
          en: 'source repository or handover date not recorded.',
        },
      ),
    /** Tabanan 7(1): every application follows the seven-stage lifecycle (the workflow keeps the order). */
    'applications.lifecycle': async (db, request) => {
      const apps = await activeApplications(db, request);
      const instances = apps.length
        ? await db
            .select({ subjectId: workflowInstances.subjectId })
            .from(workflowInstances)
            .where(
              and(
                eq(workflowInstances.workflowId, LIFECYCLE_WORKFLOW_ID),
                eq(workflowInstances.subjectType, APPLICATION_SUBJECT),
              ),
            )
        : [];
      const tracked = new Set(instances.map((i) => i.subjectId));
      return coverage(request, apps, (a) => tracked.has(a.id), {
        status: 'missing',
        id: 'tidak punya catatan siklus pengembangan.',
        en: 'no development lifecycle record.',
      });
    },
    /**
     * Tabanan 7(3) and 6(3): the Kepala Dinas was consulted before the build. An application past
     * rancang bangun whose current development cycle ran in Simpul needs a recorded consultation
     * in that cycle (the workflow refuses implementasi without one). An application registered as
     * already existing at a later stage is not judged: its consultation predates Simpul.
     */
    'applications.consultation': async (db, request) => {
      const apps = await activeApplications(db, request);
      const beyond = STAGES.slice(STAGES.indexOf('implementasi'));
      const rows = apps.length
        ? await db
            .select({ subjectId: workflowInstances.subjectId, instanceId: workflowInstances.id })
            .from(workflowInstances)
            .where(
              and(
                eq(workflowInstances.workflowId, LIFECYCLE_WORKFLOW_ID),
                eq(workflowInstances.subjectType, APPLICATION_SUBJECT),
                inArray(workflowInstances.state, [...beyond]),
              ),
            )
        : [];
      const events = rows.length
        ? await db
            .select({
              instanceId: workflowEvents.instanceId,
              seq: workflowEvents.seq,
              transition: workflowEvents.transition,
            })
            .from(workflowEvents)
            .where(
              inArray(
                workflowEvents.instanceId,
                rows.map((r) => r.instanceId),
              ),
            )
        : [];
      const cycle = new Map<string, { start: number; existing: boolean; consulted: boolean }>();
      for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
        const c = cycle.get(e.instanceId) ?? { start: 0, existing: false, consulted: false };
        if (e.transition === 'redevelop')
          cycle.set(e.instanceId, { start: e.seq, existing: false, consulted: false });
        else if (e.transition.startsWith('register_existing'))
          cycle.set(e.instanceId, { ...c, existing: true });
        else if (e.transition === 'record_consultation')
          cycle.set(e.instanceId, { ...c, consulted: true });
        else cycle.set(e.instanceId, c);
      }
      const past = new Map(rows.map((r) => [r.subjectId, cycle.get(r.instanceId)]));
      const judged = apps.filter((a) => past.has(a.id) && !past.get(a.id)?.existing);
      return coverage(
        request,
        judged,
        (a) => Boolean(past.get(a.id)?.consulted),
        {
          status: 'late',
          id: 'dibangun tanpa konsultasi dengan Kepala Dinas yang tercatat.',
          en: 'built without a recorded consultation with the Kepala Dinas.',
        },
        {
          id: 'Tidak ada aplikasi yang dibangun melalui Simpul melewati tahap rancang bangun.',
          en: 'No application built through Simpul is past the design stage.',
        },
      );
    },
    /** OKU Timur 2022 Pasal 19 ayat (6): an application audit at least every two years. */
    'applications.audit': async (db, request) => {
      const apps = await activeApplications(db, request);
      const soon = addDaysTo(request.today, DUE_SOON_DAYS);
      const perParty = rowsPerParty(request.parties, apps);
      const out = new Map<string, PartyEvaluation>();
      for (const party of request.parties) {
        const own = perParty.get(party.key) ?? [];
        if (own.length === 0) {
          out.set(
            party.key,
            evaluation(
              'not_applicable',
              'Tidak ada aplikasi terdaftar.',
              'No registered application.',
            ),
          );
          continue;
        }
        const late = own.filter((a) => a.auditDueDate < request.today);
        const dueSoon = own.filter(
          (a) => a.auditDueDate >= request.today && a.auditDueDate <= soon,
        );
        const next = own.map((a) => a.auditDueDate).sort()[0] ?? null;
        out.set(
          party.key,
          late.length
            ? evaluation(
                'late',
                `${late.length} aplikasi melewati batas audit dua tahunan.`,
                `${late.length} applications are past their two-yearly audit.`,
                late.map(appRecord),
                late.map((a) => a.auditDueDate).sort()[0] ?? null,
              )
            : dueSoon.length
              ? evaluation(
                  'due_soon',
                  `${dueSoon.length} aplikasi harus diaudit dalam ${DUE_SOON_DAYS} hari.`,
                  `${dueSoon.length} applications are due for audit within ${DUE_SOON_DAYS} days.`,
                  dueSoon.map(appRecord),
                  next,
                )
              : evaluation(
                  'met',
                  'Semua aplikasi diaudit dalam dua tahun terakhir (atau baru terdaftar).',
                  'Every application audited within two years (or newly registered).',
                  [],
                  next,
                ),
        );
      }
      return out;
    },
  },
};
