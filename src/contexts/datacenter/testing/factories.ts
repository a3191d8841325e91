import { randomBytes } from 'node:crypto';
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { HostingState } from '../hosting-workflow.js';
import type { CreateBackupPolicyBody, CreateBackupReportBody } from '../http/backups.schemas.js';
import type {
  AllocationBody,
  CreateHostingRequestBody,
  HostingTestBody,
} from '../http/hosting-requests.schemas.js';
import type {
  CreateAccessAuthorityBody,
  CreateActivityRecordBody,
  CreateDeviceBody,
} from '../http/registry.schemas.js';
import { createAccessAuthority } from '../use-cases/create-access-authority.js';
import { createActivityRecord } from '../use-cases/create-activity-record.js';
import { createBackupPolicy } from '../use-cases/create-backup-policy.js';
import { createDevice } from '../use-cases/create-device.js';
import { createHostingRequest } from '../use-cases/create-hosting-request.js';
import { recordBackupReport } from '../use-cases/record-backup-report.js';
import { recordHostingTest } from '../use-cases/record-hosting-test.js';
import { takeHostingRequestTransition } from '../use-cases/take-hosting-request-transition.js';

const suffix = () => randomBytes(3).toString('hex');

/** A request complete enough to submit: a VPS with backup and disaster-recovery plans. */
export const completeRequest = (agencyId: string): Static<typeof CreateHostingRequestBody> => ({
  agencyId,
  serviceType: 'vps',
  applicationName: `Aplikasi Uji ${suffix()}`,
  vcpu: 2,
  ramGb: 4,
  storageGb: 80,
  bandwidthMbps: 20,
  operatingSystem: 'Ubuntu Server 24.04 LTS',
  domain: `uji-${suffix()}.ujikab.go.id`,
  dataClassification: 'terbatas',
  backupPlan: 'Pencadangan basis data harian ke server backup Pusat Data, retensi 30 hari.',
  disasterRecoveryPlan: 'Salinan mingguan ke DRC provinsi; RTO 24 jam, RPO 24 jam.',
  lastRestoreTestOn: '2026-01-15',
});

export const passingTest: Static<typeof HostingTestBody> = {
  checklist: [
    { item: 'Pemindaian kerentanan', result: 'pass', notes: null },
    { item: 'HTTPS dengan sertifikat sah', result: 'pass' },
    { item: 'Log aplikasi', result: 'na', notes: 'Aplikasi statis' },
  ],
  findings: 'Tidak ada temuan kritis.',
};

export const sampleAllocation: Static<typeof AllocationBody> = {
  hostName: 'vm-uji-01',
  ipAddress: '10.10.20.31',
  vcpu: 2,
  ramGb: 4,
  storageGb: 80,
  allocatedOn: '2026-02-02',
};

/** A hosting request of `agencyId`, created as `ctx` (the system by default: any agency). */
export function buildHostingRequest(
  ctx: Ctx,
  agencyId: string,
  overrides: Partial<Static<typeof CreateHostingRequestBody>> = {},
) {
  return createHostingRequest(ctx, { ...completeRequest(agencyId), ...overrides });
}

/** The transitions that lead from a new draft to `state` (returned: through one rejection). */
const PATH: Record<HostingState, string[]> = {
  draft: [],
  submitted: ['submit'],
  testing: ['submit', 'start_test'],
  analysis: ['submit', 'start_test', 'complete_test'],
  accepted: ['submit', 'start_test', 'complete_test', 'accept'],
  returned: ['submit', 'start_test', 'complete_test', 'return'],
};

/** A hosting request moved to `state` by `ctx` (the system holds every role). */
export async function buildHostingRequestIn(ctx: Ctx, agencyId: string, state: HostingState) {
  let request = await buildHostingRequest(ctx, agencyId);
  for (const transition of PATH[state]) {
    if (transition === 'complete_test') await recordHostingTest(ctx, request.id, passingTest);
    request = await takeHostingRequestTransition(ctx, request.id, {
      transition,
      comment: transition === 'return' ? 'Lengkapi hasil uji penetrasi.' : undefined,
      allocation: transition === 'accept' ? sampleAllocation : undefined,
    });
  }
  return request;
}

export function buildDevice(
  ctx: Ctx,
  agencyId: string,
  overrides: Partial<Static<typeof CreateDeviceBody>> = {},
) {
  return createDevice(ctx, {
    name: `srv-uji-${suffix()}`,
    kind: 'server',
    brand: 'Dell',
    model: 'PowerEdge R650',
    serialNumber: `SN-${suffix()}`,
    location: 'Ruang Server Lt. 2',
    rack: 'R01 U10-U11',
    agencyId,
    acquiredOn: '2024-03-01',
    ...overrides,
  });
}

export function buildAccessAuthority(
  ctx: Ctx,
  agencyId: string | null,
  overrides: Partial<Static<typeof CreateAccessAuthorityBody>> = {},
) {
  return createAccessAuthority(ctx, {
    personName: `Petugas Uji ${suffix()}`,
    agencyId,
    position: 'Pranata Komputer',
    system: 'Hypervisor Pusat Data',
    authority: 'operator',
    grantedBy: 'Kepala Dinas Kominfo',
    grantedOn: '2025-01-06',
    reviewOn: '2026-01-06',
    ...overrides,
  });
}

export function buildActivityRecord(
  ctx: Ctx,
  overrides: Partial<Static<typeof CreateActivityRecordBody>> = {},
) {
  return createActivityRecord(ctx, {
    startedAt: '2026-02-03T01:30:00.000Z',
    endedAt: '2026-02-03T03:00:00.000Z',
    personName: `Teknisi Uji ${suffix()}`,
    purpose: 'Penggantian disk pada storage',
    ...overrides,
  });
}

export function buildBackupPolicy(
  ctx: Ctx,
  agencyId: string,
  overrides: Partial<Static<typeof CreateBackupPolicyBody>> = {},
) {
  return createBackupPolicy(ctx, {
    agencyId,
    systemName: `Sistem Uji ${suffix()}`,
    frequency: 'daily',
    location: 'Server backup Pusat Data',
    offsiteCopy: true,
    offsiteLocation: 'DRC Pemerintah Provinsi',
    retentionDays: 30,
    ...overrides,
  });
}

export function buildBackupReport(
  ctx: Ctx,
  policyId: string,
  input: Static<typeof CreateBackupReportBody>,
) {
  return recordBackupReport(ctx, policyId, input);
}
