import type { MessageKey } from '../../platform/i18n/messages.js';
import { defineWorkflow } from '../../platform/workflow/definition.js';
import {
  findActiveUserIdsWithRole,
  findHostingRequestById,
  findHostingTest,
  type HostingRequestRow,
} from './db/queries.js';

export const HOSTING_SUBJECT = 'hosting_request';

export const HOSTING_STATES = [
  'draft',
  'submitted',
  'testing',
  'analysis',
  'accepted',
  'returned',
] as const;
export type HostingState = (typeof HOSTING_STATES)[number];

/** The agency may change its request only before submitting it or after it came back. */
export const EDITABLE_STATES: readonly string[] = ['draft', 'returned'];

/**
 * What a request must say before it goes to the Dinas: the backup and disaster-recovery plans
 * (Purbalingga 45/2024 Pasal 14 ayat (13)–(16), Sragen 41/2019 Pasal 16–17) and the resources a
 * VPS or hosting needs. Field names, for the form to point at.
 */
export function missingForSubmission(row: HostingRequestRow): string[] {
  const missing: string[] = [];
  if (!row.backupPlan?.trim()) missing.push('backupPlan');
  if (!row.disasterRecoveryPlan?.trim()) missing.push('disasterRecoveryPlan');
  if (row.serviceType === 'vps') {
    if (row.vcpu === null) missing.push('vcpu');
    if (row.ramGb === null) missing.push('ramGb');
    if (!row.operatingSystem?.trim()) missing.push('operatingSystem');
  }
  if (row.serviceType !== 'colocation' && row.storageGb === null) missing.push('storageGb');
  return missing;
}

async function completeForSubmission(
  db: Parameters<typeof findHostingRequestById>[0],
  requestId: string,
): Promise<MessageKey | null> {
  const row = await findHostingRequestById(db, requestId);
  if (!row) return 'error.NOT_FOUND';
  return missingForSubmission(row).length ? 'datacenter.hostingRequest.incomplete' : null;
}

/**
 * The placement of an application or server in the Pusat Data, exactly the stages of Perbup
 * Tabanan 44/2022 Pasal 14 ayat (10):
 * a. the PD submits (`submit`), b. the Kepala Dinas runs the security and feasibility test
 * (`start_test` → checklist → `complete_test`), c. analyses the test's results (state
 * `analysis`), d. accepts (`accept`, recording what was allocated) or returns it (`return`, with
 * the reasons), e. the PD fixes the application and submits again (`resubmit`).
 *
 * SLA hours count working time (platform/calendar). The Perbup names no service level; these are
 * Simpul's defaults: two working days to pick a submission up, five to test, two to decide.
 */
export const hostingWorkflow = defineWorkflow({
  id: 'hosting_request',
  version: 1,
  label: { id: 'Permohonan Pusat Data', en: 'Data centre request' },
  initial: 'draft',
  states: {
    draft: { label: { id: 'Draf', en: 'Draft' } },
    submitted: { label: { id: 'Diajukan', en: 'Submitted' }, slaHours: 16 },
    testing: {
      label: { id: 'Uji keamanan dan kelayakan', en: 'Security and feasibility test' },
      slaHours: 40,
    },
    analysis: { label: { id: 'Analisis hasil uji', en: 'Analysis of the test' }, slaHours: 16 },
    accepted: { label: { id: 'Diterima', en: 'Accepted' }, final: true },
    returned: { label: { id: 'Dikembalikan', en: 'Returned' } },
  },
  transitions: [
    {
      name: 'submit',
      label: { id: 'Ajukan', en: 'Submit' },
      from: ['draft'],
      to: 'submitted',
      roles: ['agency_operator', 'agency_head'],
      guard: (instance, ctx) => completeForSubmission(ctx.db, instance.subjectId),
    },
    {
      name: 'resubmit',
      label: { id: 'Ajukan ulang', en: 'Resubmit' },
      from: ['returned'],
      to: 'submitted',
      roles: ['agency_operator', 'agency_head'],
      guard: (instance, ctx) => completeForSubmission(ctx.db, instance.subjectId),
    },
    {
      name: 'start_test',
      label: { id: 'Mulai uji', en: 'Start testing' },
      from: ['submitted'],
      to: 'testing',
      roles: ['kominfo_admin'],
    },
    {
      name: 'complete_test',
      label: { id: 'Selesaikan uji', en: 'Complete testing' },
      from: ['testing'],
      to: 'analysis',
      roles: ['kominfo_admin'],
      // The analysis (huruf c) is of the test's results: there must be a recorded checklist.
      guard: async (instance, ctx) => {
        const request = await findHostingRequestById(ctx.db, instance.subjectId);
        const test = request && (await findHostingTest(ctx.db, request.id, request.testRound));
        return test && test.checklist.length > 0 ? null : 'datacenter.hostingRequest.testMissing';
      },
    },
    {
      name: 'accept',
      label: { id: 'Terima', en: 'Accept' },
      from: ['analysis'],
      to: 'accepted',
      roles: ['kominfo_admin'],
      // The allocation is required by the use case (it travels in the same request).
    },
    {
      name: 'return',
      label: { id: 'Kembalikan', en: 'Return' },
      from: ['analysis'],
      to: 'returned',
      roles: ['kominfo_admin'],
      requireComment: true,
    },
  ],
  // Submissions go to the Dinas admins; the decision goes back to the agency's operators.
  notify: async (tx, { instance, transition }) => {
    if (transition.name === 'submit' || transition.name === 'resubmit') {
      return findActiveUserIdsWithRole(tx, ['kominfo_admin']);
    }
    if (transition.name === 'accept' || transition.name === 'return') {
      return findActiveUserIdsWithRole(tx, ['agency_operator'], instance.agencyId);
    }
    return [];
  },
  describe: async (tx, instance) =>
    (await findHostingRequestById(tx, instance.subjectId))?.applicationName ?? null,
  link: (instance) => `/console/pusat-data/hosting/${instance.subjectId}`,
});
