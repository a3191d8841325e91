import { and, eq, gte, inArray, isNull, lt, or } from 'drizzle-orm';
import {
  addDaysTo,
  type ComplianceCheckProvider,
  DUE_SOON_DAYS,
  type EvidenceRecord,
  evaluation,
  type PartyEvaluation,
  rowsPerParty,
  type Source,
} from '../../platform/compliance/check-provider.js';
import { workflowEvents, workflowInstances } from '../../platform/workflow/tables.js';
import { type BackupStatus, loadBackupStatuses } from './backup-status.js';
import { accessAuthorities, activityRecords, devices, hostingRequests } from './db/tables.js';
import { HOSTING_SUBJECT, hostingWorkflow } from './hosting-workflow.js';

/**
 * What the Pusat Data records can tell the compliance view (docs/user/compliance.md). Agency
 * duties are judged on the agency's own records; duties of the Dinas on the whole regency's.
 */

const requestRecord = (r: {
  id: string;
  applicationName: string;
  state: string;
}): EvidenceRecord => ({
  type: 'hosting_request',
  id: r.id,
  label: `${r.applicationName} (${r.state})`,
  link: `/console/pusat-data/hosting/${r.id}`,
});

const policyRecord = (s: BackupStatus): EvidenceRecord => ({
  type: 'backup_policy',
  id: s.policy.id,
  label: s.policy.systemName,
  link: `/console/pusat-data/backups/${s.policy.id}`,
});

/** The hosting requests with their workflow state, for every agency at once. */
async function hostingInstances(db: Parameters<Source>[0]) {
  return db
    .select({
      id: hostingRequests.id,
      agencyId: hostingRequests.agencyId,
      applicationName: hostingRequests.applicationName,
      applicationId: hostingRequests.applicationId,
      instanceId: workflowInstances.id,
      state: workflowInstances.state,
      dueAt: workflowInstances.dueAt,
    })
    .from(hostingRequests)
    .innerJoin(
      workflowInstances,
      and(
        eq(workflowInstances.subjectId, hostingRequests.id),
        eq(workflowInstances.subjectType, HOSTING_SUBJECT),
        eq(workflowInstances.workflowId, hostingWorkflow.id),
      ),
    );
}

/** The states in which each step of Tabanan 44/2022 Pasal 14 ayat (10) is pending. */
const STEP_STATES: Record<string, string[]> = {
  test: ['submitted', 'testing'],
  analysis: ['analysis'],
  decision: ['analysis'],
};

/**
 * Backups and restore tests per agency (OKU Timur 2022 Pasal 15 ayat (1), Sragen 41/2019 Pasal 17
 * ayat (4), Purbalingga 45/2024 Pasal 14 ayat (13)), on the thresholds of backup-status.ts: a
 * backup never restored is not counted as a backup. An agency with systems in the Pusat Data
 * (a hosting request) but no backup policy is missing; one with neither is not concerned.
 */
function backupSource(part: 'both' | 'restore'): Source {
  return async (db, request) => {
    const statuses = await loadBackupStatuses(db, 'all', request.today);
    const requests = await db
      .selectDistinct({ agencyId: hostingRequests.agencyId })
      .from(hostingRequests);
    const hosting = new Set(requests.map((r) => r.agencyId));
    const perParty = rowsPerParty(
      request.parties,
      statuses.map((s) => ({ ...s, agencyId: s.agency.id })),
    );
    const soon = addDaysTo(request.today, DUE_SOON_DAYS);
    const out = new Map<string, PartyEvaluation>();
    for (const party of request.parties) {
      const own = perParty.get(party.key) ?? [];
      if (own.length === 0) {
        const concerned =
          party.kind !== 'agency' || (party.agencyId && hosting.has(party.agencyId));
        out.set(
          party.key,
          concerned
            ? evaluation(
                'missing',
                'Belum ada kebijakan pencadangan untuk sistem di Pusat Data.',
                'No backup policy for the systems in the Pusat Data.',
              )
            : evaluation(
                'not_applicable',
                'Tidak ada sistem di Pusat Data.',
                'No system in the Pusat Data.',
              ),
        );
        continue;
      }
      const late = own.filter((s) => s.restoreTestOverdue || (part === 'both' && s.backupOverdue));
      if (late.length) {
        const dues = late.flatMap((s) => [
          ...(s.restoreTestOverdue ? [s.restoreTestDueBy] : []),
          ...(part === 'both' && s.backupOverdue ? [s.backupDueBy] : []),
        ]);
        out.set(
          party.key,
          evaluation(
            'late',
            `${late.length} sistem: ${part === 'both' ? 'pencadangan atau ' : ''}uji pemulihan terlambat.`,
            `${late.length} systems: ${part === 'both' ? 'backup or ' : ''}restore test overdue.`,
            late.map(policyRecord),
            dues.sort()[0] ?? null,
          ),
        );
        continue;
      }
      const nextRestore = own.map((s) => s.restoreTestDueBy).sort()[0] ?? null;
      out.set(
        party.key,
        nextRestore && nextRestore <= soon
          ? evaluation(
              'due_soon',
              `Uji pemulihan berikutnya jatuh tempo ${nextRestore}.`,
              `The next restore test is due ${nextRestore}.`,
              own.map(policyRecord),
              nextRestore,
            )
          : evaluation(
              'met',
              `${own.length} sistem dicadangkan dan diuji pemulihannya tepat waktu.`,
              `${own.length} systems backed up and restore-tested on time.`,
              own.map(policyRecord),
              nextRestore,
            ),
      );
    }
    return out;
  };
}

/** A catalogue kept by the Dinas (Tabanan 44/2022 Pasal 14 ayat (6)): judged for the whole Pusat Data. */
function catalogue(
  count: (db: Parameters<Source>[0], today: string) => Promise<{ total: number; late: number }>,
  words: { what: { id: string; en: string }; late?: { id: string; en: string } },
  link: string,
): Source {
  return async (db, request) => {
    const { total, late } = await count(db, request.today);
    const record: EvidenceRecord = { type: 'catalogue', id: link, label: words.what.id, link };
    const result =
      total === 0
        ? evaluation('missing', `${words.what.id} masih kosong.`, `${words.what.en} is empty.`)
        : late > 0 && words.late
          ? evaluation('late', `${late} ${words.late.id}`, `${late} ${words.late.en}`, [record])
          : evaluation(
              'met',
              `${words.what.id}: ${total} entri.`,
              `${words.what.en}: ${total} entries.`,
              [record],
            );
    return new Map(request.parties.map((p) => [p.key, result]));
  };
}

export const datacenterComplianceChecks: ComplianceCheckProvider = {
  module: 'datacenter',
  sources: {
    'datacenter.backups': backupSource('both'),
    'datacenter.restore_tests': backupSource('restore'),
    /** Tabanan 44/2022 Pasal 14 ayat (10) huruf a–e: each step of the request recorded in time. */
    'datacenter.hosting_workflow': async (db, request) => {
      const step = String(request.params.step ?? '');
      const all = await hostingInstances(db);
      const returnedEver = new Set(
        all.length
          ? (
              await db
                .selectDistinct({ instanceId: workflowEvents.instanceId })
                .from(workflowEvents)
                .where(
                  and(
                    eq(workflowEvents.toState, 'returned'),
                    inArray(
                      workflowEvents.instanceId,
                      all.map((r) => r.instanceId),
                    ),
                  ),
                )
            ).map((r) => r.instanceId)
          : [],
      );
      const now = new Date().toISOString();
      const perParty = rowsPerParty(request.parties, all);
      const out = new Map<string, PartyEvaluation>();
      for (const party of request.parties) {
        const own = perParty.get(party.key) ?? [];
        if (own.length === 0) {
          out.set(
            party.key,
            evaluation('not_applicable', 'Belum ada permohonan.', 'No request yet.'),
          );
          continue;
        }
        if (step === 'submit') {
          const placed = own.filter((r) => r.state !== 'draft');
          out.set(
            party.key,
            evaluation(
              'met',
              `${placed.length} permohonan diajukan melalui alur Pusat Data.`,
              `${placed.length} requests submitted through the Pusat Data workflow.`,
              placed.map(requestRecord),
            ),
          );
        } else if (step === 'resubmit') {
          const returned = own.filter((r) => returnedEver.has(r.instanceId));
          out.set(
            party.key,
            returned.length === 0
              ? evaluation(
                  'not_applicable',
                  'Tidak ada permohonan yang dikembalikan.',
                  'No request was returned.',
                )
              : evaluation(
                  'met',
                  `${returned.length} permohonan dikembalikan: diajukan ulang atau masih terbuka; tidak ada penempatan tanpa penerimaan.`,
                  `${returned.length} requests returned: resubmitted or still open; nothing placed without acceptance.`,
                  returned.map(requestRecord),
                ),
          );
        } else {
          const states = STEP_STATES[step] ?? [];
          const pending = own.filter((r) => states.includes(r.state));
          const late = pending.filter((r) => r.dueAt && r.dueAt < now);
          const soonest =
            pending
              .map((r) => r.dueAt)
              .filter(Boolean)
              .sort()[0] ?? null;
          out.set(
            party.key,
            late.length
              ? evaluation(
                  'late',
                  `${late.length} permohonan melewati batas waktu layanan pada langkah ini.`,
                  `${late.length} requests are past their service level at this step.`,
                  late.map(requestRecord),
                  late.map((r) => r.dueAt?.slice(0, 10) ?? '').sort()[0] ?? null,
                )
              : pending.length
                ? evaluation(
                    'due_soon',
                    `${pending.length} permohonan menunggu langkah ini, masih dalam batas waktu.`,
                    `${pending.length} requests await this step, within their service level.`,
                    pending.map(requestRecord),
                    soonest?.slice(0, 10) ?? null,
                  )
                : evaluation(
                    'met',
                    'Setiap permohonan melewati langkah ini tepat waktu.',
                    'Every request passed this step in time.',
                  ),
          );
        }
      }
      return out;
    },
    'datacenter.devices': catalogue(
      async (db) => ({
        total: (await db.select({ id: devices.id }).from(devices)).length,
        late: 0,
      }),
      { what: { id: 'Katalog perangkat', en: 'The device catalogue' } },
      '/console/pusat-data/devices',
    ),
    'datacenter.access_authorities': catalogue(
      async (db, today) => {
        const rows = await db
          .select({ reviewOn: accessAuthorities.reviewOn })
          .from(accessAuthorities)
          .where(or(isNull(accessAuthorities.revokedOn), gte(accessAuthorities.revokedOn, today)));
        return {
          total: rows.length,
          late: rows.filter((r) => r.reviewOn !== null && r.reviewOn < today).length,
        };
      },
      {
        what: { id: 'Katalog pengguna dan kewenangan', en: 'The user and authority catalogue' },
        late: {
          id: 'kewenangan melewati tanggal tinjauannya.',
          en: 'grants are past their review date.',
        },
      },
      '/console/pusat-data/authorities',
    ),
    'datacenter.activity_records': catalogue(
      async (db, today) => {
        const since = `${addDaysTo(today, -31)}T00:00:00Z`;
        const rows = await db
          .select({ id: activityRecords.id })
          .from(activityRecords)
          .where(
            and(
              gte(activityRecords.startedAt, since),
              lt(activityRecords.startedAt, `${addDaysTo(today, 1)}T00:00:00Z`),
            ),
          );
        return { total: rows.length, late: 0 };
      },
      {
        what: {
          id: 'Rekaman aktivitas 31 hari terakhir',
          en: 'Activity records of the last 31 days',
        },
      },
      '/console/pusat-data/activities',
    ),
  },
};
