import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication } from '../../contexts/applications/testing/factories.js';
import { copyProfile } from '../../contexts/compliance/use-cases/manage-profiles.js';
import { dataPlans } from '../../contexts/data/db/tables.js';
import {
  ALL_CHECKED,
  buildDataset,
  completeDataset,
  kecamatanSchema,
} from '../../contexts/data/testing/factories.js';
import type { HostingState } from '../../contexts/datacenter/index.js';
import {
  buildAccessAuthority,
  buildActivityRecord,
  buildBackupPolicy,
  buildDevice,
  buildHostingRequest,
  buildHostingRequestIn,
  completeRequest,
  passingTest,
} from '../../contexts/datacenter/testing/factories.js';
import { createEvaluation } from '../../contexts/evaluation/use-cases/create-evaluation.js';
import { buildUser, signIn } from '../../contexts/identity/testing/factories.js';
import {
  buildApi,
  buildCredential,
  buildSubscription,
  sampleOpenApiText,
} from '../../contexts/interop/testing/factories.js';
import { updateGovernment } from '../../contexts/organization/index.js';
import { buildAgency, ensureKominfo } from '../../contexts/organization/testing/factories.js';
import { ROLES, type Role } from '../auth/roles.js';
import { createHoliday } from '../calendar/use-cases/create-holiday.js';
import { createFileStore } from '../files/file-store.js';
import { buildFile, SAMPLE_PDF, uploadForm } from '../files/testing/factories.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Every API route × every role (and anonymous). A role user holds that one role in agency A
 * (Dinas roles in the Dinas Kominfo). Targets live in agency B unless a row says otherwise.
 * Outcomes: ok = 2xx; unauth = 401; denied = 403; hidden = 404 (outside the caller's scope);
 * reached = passed authorization and failed later on purpose (400/409 from a deliberately
 * incomplete payload).
 */
type Outcome = 'ok' | 'unauth' | 'denied' | 'hidden' | 'reached';
type Caller = Role | 'anonymous';

interface Targets {
  agencyA: string;
  agencyB: string;
  userB: string;
  fileB: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** The concrete request; may create what it needs first. */
  request: (t: Targets, caller: Caller) => Promise<{ url: string; payload?: unknown }>;
  expect: (caller: Caller) => Outcome;
}

const ADMIN: Caller[] = ['kominfo_admin'];
const OVERSIGHT: Caller[] = ['coordination_team', 'internal_assessor', 'auditor'];
const OWN_AGENCY: Caller[] = ['agency_head', 'agency_operator'];

const only =
  (allowed: Caller[], otherwise: Outcome = 'denied', granted: Outcome = 'ok') =>
  (c: Caller): Outcome =>
    c === 'anonymous' ? 'unauth' : allowed.includes(c) ? granted : otherwise;
const anyUser = (granted: Outcome = 'ok') => only([...ROLES], 'denied', granted);
const everyone = (outcome: Outcome) => () => outcome;

let t: TestApp;
let targets: Targets;
let dataDir: string;
const fresh = () => buildUser(t.ctx, { agencyId: targets.agencyB }).then((u) => u.id);
/** A new application of agency B, in kajian kebutuhan. */
const appB = () => buildApplication(t.ctx, { agencyId: targets.agencyB }).then((a) => a.id);
/** A new application of agency A (the callers' agency). */
const appA = () => buildApplication(t.ctx, { agencyId: targets.agencyA }).then((a) => a.id);
/** A requested subscription of an application of `consumer` to a published API of `provider`. */
const subscriptionOf = async (provider: string, consumer: string) =>
  (await buildSubscription(t.ctx, consumer, (await buildApi(t.ctx, provider)).id)).id;
/** Credentials of agency A's applications: its operator and head only. */
const credentialOutcome = only(OWN_AGENCY);

/** Pusat Data records of agency B (hosting request in `state`, device, grant, backup policy). */
const requestB = (state: HostingState = 'draft') =>
  buildHostingRequestIn(t.ctx, targets.agencyB, state).then((r) => r.id);
const deviceB = () => buildDevice(t.ctx, targets.agencyB).then((d) => d.id);
const authorityB = () => buildAccessAuthority(t.ctx, targets.agencyB).then((a) => a.id);
const policyB = () => buildBackupPolicy(t.ctx, targets.agencyB).then((p) => p.id);
const activity = () => buildActivityRecord(t.ctx).then((a) => a.id);
const matrixName = () => Math.random().toString(36).slice(2, 10);
/** A dataset of agency B with one validated table, in `state`. */
const datasetB = (state: 'draft' | 'submitted') =>
  buildDataset(t.ctx, createFileStore(join(dataDir, 'files')), targets.agencyB, state);
/** A regional holiday (holidays are readable by every signed-in user). */
const holiday = () =>
  createHoliday(t.ctx, {
    date: '2040-08-18',
    name: `Libur ${matrixName()}`,
    kind: 'regional',
  }).then((h) => h.id);
/**
 * A regulation profile in the reference files' shape, one obligation, and the Pemda profile set
 * to the Tabanan profile (compliance reads the active profile from it).
 */
const matrixObligation = {
  id: 'matriks.p1',
  article: 'Pasal 1',
  text: 'Perangkat Daerah wajib menyampaikan laporan.',
  summary_en: 'Every agency submits a report.',
  binds: 'agency',
  kind: 'recurring_submission',
  period: 'yearly',
  module: 'compliance',
  check: 'manual attestation',
};
const matrixProfile = () => ({
  regulation: {
    id: 'perbup-matriks',
    title: 'Peraturan Bupati Matriks',
    region: 'Kabupaten Matriks',
    province: 'Bali',
    year: 2026,
  },
  notes: [],
  obligations: [matrixObligation],
});
const configureGovernment = () =>
  updateGovernment(t.ctx, {
    name: 'Kabupaten Uji',
    type: 'kabupaten',
    province: 'Bali',
    portalDomain: 'ujikab.go.id',
    regulationProfile: 'tabanan-44-2022',
  });
/**
 * A change to a record of agency B: `allowed` may; the others who see it (the Dinas, oversight)
 * are refused; everyone else does not see it.
 */
const seenNotChanged =
  (allowed: Caller[]) =>
  (c: Caller): Outcome =>
    c === 'anonymous'
      ? 'unauth'
      : allowed.includes(c)
        ? 'ok'
        : [...ADMIN, ...OVERSIGHT].includes(c)
          ? 'denied'
          : 'hidden';

/** An evaluation with nobody of the matrix on its team (evaluation context). */
let evaluationYear = 2200;
let httpEvaluationYear = 2030;
const evaluationB = () =>
  createEvaluation(t.ctx, { year: evaluationYear++, frameworkId: 'permenpanrb-59-2020' }).then(
    (e) => e.id,
  );
const EVALUATION_READERS: Caller[] = [...ADMIN, ...OVERSIGHT];
/** Seen by the readers but changed only by the evaluation's team (none of the callers). */
const teamOnly = (c: Caller): Outcome =>
  c === 'anonymous' ? 'unauth' : EVALUATION_READERS.includes(c) ? 'denied' : 'hidden';
const ALL_THREES = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [String(i + 1), 3]));

/** As `seenNotChanged`, for Satu Data, where the walidata also sees every agency's datasets. */
const dataSeenNotChanged =
  (allowed: Caller[]) =>
  (c: Caller): Outcome =>
    c === 'anonymous'
      ? 'unauth'
      : allowed.includes(c)
        ? 'ok'
        : [...ADMIN, ...OVERSIGHT, 'data_custodian'].includes(c)
          ? 'denied'
          : 'hidden';

const rows: Row[] = [
  {
    method: 'GET',
    url: '/api/v1/public/profile',
    request: async () => ({ url: '/api/v1/public/profile' }),
    expect: everyone('ok'),
  },
  {
    method: 'GET',
    url: '/api/v1/providers',
    request: async () => ({ url: '/api/v1/providers' }),
    expect: everyone('ok'),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/login',
    request: async () => ({ url: '/api/v1/auth/login', payload: { email: 'x@uji.go.id' } }),
    expect: everyone('reached'),
  },
  // Browser-facing: both redirect, to the IdP or back to the console's login page with an error.
  {
    method: 'GET',
    url: '/api/v1/auth/oidc/start',
    request: async () => ({ url: '/api/v1/auth/oidc/start' }),
    expect: everyone('ok'),
  },
  {
    method: 'GET',
    url: '/api/v1/auth/oidc/callback',
    request: async () => ({ url: '/api/v1/auth/oidc/callback' }),
    expect: everyone('ok'),
  },
  {
    method: 'GET',
    url: '/api/v1/auth/me',
    request: async () => ({ url: '/api/v1/auth/me' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/logout',
    request: async () => ({ url: '/api/v1/auth/logout' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/password',
    request: async () => ({
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'bukan-sandinya', newPassword: 'sandi-baru-panjang' },
    }),
    expect: anyUser('reached'),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/totp/setup',
    request: async () => ({ url: '/api/v1/auth/totp/setup' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/totp/enable',
    request: async () => ({ url: '/api/v1/auth/totp/enable', payload: { code: '000000' } }),
    expect: anyUser('reached'),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/totp/disable',
    request: async () => ({
      url: '/api/v1/auth/totp/disable',
      payload: { password: 'bukan-sandinya' },
    }),
    // Admins may never switch their second factor off themselves.
    expect: (c) => (c === 'anonymous' ? 'unauth' : c === 'kominfo_admin' ? 'denied' : 'reached'),
  },
  {
    method: 'GET',
    url: '/api/v1/auth/tokens',
    request: async () => ({ url: '/api/v1/auth/tokens' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/auth/tokens',
    request: async () => ({ url: '/api/v1/auth/tokens', payload: { name: 'matriks' } }),
    expect: anyUser(),
  },
  {
    method: 'DELETE',
    url: '/api/v1/auth/tokens/:id',
    // Someone else's token: nobody sees it.
    request: async () => ({ url: '/api/v1/auth/tokens/00000000-0000-4000-8000-000000000000' }),
    expect: anyUser('hidden'),
  },
  {
    method: 'GET',
    url: '/api/v1/government',
    request: async () => ({ url: '/api/v1/government' }),
    expect: anyUser(),
  },
  {
    method: 'PUT',
    url: '/api/v1/government',
    request: async () => ({
      url: '/api/v1/government',
      payload: {
        name: 'Kabupaten Uji',
        type: 'kabupaten',
        province: 'Bali',
        portalDomain: 'ujikab.go.id',
        regulationProfile: 'tabanan-44-2022',
      },
    }),
    expect: only(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/agencies',
    request: async () => ({ url: '/api/v1/agencies' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/agencies',
    request: async () => ({
      url: '/api/v1/agencies',
      payload: {
        code: `M-${Math.random().toString(36).slice(2, 8)}`,
        name: 'Dinas Matriks',
        kind: 'dinas',
      },
    }),
    expect: only(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/agencies/:id',
    request: async (tg) => ({ url: `/api/v1/agencies/${tg.agencyB}` }),
    expect: anyUser(),
  },
  {
    method: 'PATCH',
    url: '/api/v1/agencies/:id',
    // Contacts of one's own agency: its head and operators may; of another agency: only the admin.
    request: async (tg) => ({
      url: `/api/v1/agencies/${tg.agencyA}`,
      payload: { phone: '0361 811 000' },
    }),
    expect: only([...ADMIN, ...OWN_AGENCY]),
  },
  {
    method: 'GET',
    url: '/api/v1/users',
    request: async () => ({ url: '/api/v1/users' }),
    expect: only([...ADMIN, ...OVERSIGHT, ...OWN_AGENCY]),
  },
  {
    method: 'POST',
    url: '/api/v1/users',
    request: async (tg) => ({
      url: '/api/v1/users',
      payload: {
        email: `m-${Math.random().toString(36).slice(2, 10)}@uji.go.id`,
        name: 'Pengguna Matriks',
        agencyId: tg.agencyB,
        password: 'sandi-awal-panjang',
        roles: [{ role: 'agency_operator', agencyId: tg.agencyB }],
      },
    }),
    expect: only(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/users/:id',
    request: async (tg) => ({ url: `/api/v1/users/${tg.userB}` }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'PATCH',
    url: '/api/v1/users/:id',
    request: async () => ({
      url: `/api/v1/users/${await fresh()}`,
      payload: { position: 'Analis' },
    }),
    // Oversight roles see the user but may not change it; everyone else does not see it at all.
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'PUT',
    url: '/api/v1/users/:id/roles',
    request: async (tg) => ({
      url: `/api/v1/users/${await fresh()}/roles`,
      payload: { roles: [{ role: 'data_producer', agencyId: tg.agencyB }] },
    }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'POST',
    url: '/api/v1/users/:id/password',
    request: async () => ({
      url: `/api/v1/users/${await fresh()}/password`,
      payload: { newPassword: 'sandi-sementara-1' },
    }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'POST',
    url: '/api/v1/users/:id/unlock',
    request: async () => ({ url: `/api/v1/users/${await fresh()}/unlock` }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'POST',
    url: '/api/v1/users/:id/totp/reset',
    request: async () => ({ url: `/api/v1/users/${await fresh()}/totp/reset` }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/audit-events',
    request: async () => ({ url: '/api/v1/audit-events' }),
    expect: only(['kominfo_admin', 'auditor']),
  },
  {
    method: 'GET',
    url: '/api/v1/audit-events/verify',
    request: async () => ({ url: '/api/v1/audit-events/verify' }),
    expect: only(['kominfo_admin', 'auditor']),
  },
  {
    method: 'GET',
    url: '/api/v1/holidays',
    request: async () => ({ url: '/api/v1/holidays?year=2026' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/holidays',
    request: async () => ({
      url: '/api/v1/holidays',
      payload: { date: '2040-08-17', name: `Libur ${matrixName()}`, kind: 'regional' },
    }),
    expect: only(ADMIN),
  },
  {
    method: 'PATCH',
    url: '/api/v1/holidays/:id',
    request: async () => ({
      url: `/api/v1/holidays/${await holiday()}`,
      payload: { source: 'Matriks' },
    }),
    expect: only(ADMIN),
  },
  {
    method: 'DELETE',
    url: '/api/v1/holidays/:id',
    request: async () => ({ url: `/api/v1/holidays/${await holiday()}` }),
    expect: only(ADMIN),
  },
  {
    method: 'POST',
    url: '/api/v1/files',
    // Uploading for agency B: within the scope of the admin and the oversight roles only.
    request: async (tg) => ({
      url: '/api/v1/files',
      payload: uploadForm(tg.agencyB, 'matriks.pdf', SAMPLE_PDF),
    }),
    expect: only([...ADMIN, ...OVERSIGHT]),
  },
  {
    method: 'GET',
    url: '/api/v1/files/:id',
    request: async (tg) => ({ url: `/api/v1/files/${tg.fileB}` }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'GET',
    url: '/api/v1/files/:id/content',
    request: async (tg) => ({ url: `/api/v1/files/${tg.fileB}/content` }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'GET',
    url: '/api/v1/notifications',
    request: async () => ({ url: '/api/v1/notifications' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    // Someone else's notification (or none): nobody sees it.
    request: async () => ({
      url: '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read',
    }),
    expect: anyUser('hidden'),
  },
  {
    method: 'POST',
    url: '/api/v1/notifications/read-all',
    request: async () => ({ url: '/api/v1/notifications/read-all' }),
    expect: anyUser(),
  },
  {
    method: 'GET',
    url: '/api/v1/outbox',
    request: async () => ({ url: '/api/v1/outbox' }),
    expect: only(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/applications',
    request: async () => ({ url: '/api/v1/applications' }),
    // Everyone lists, scoped to the agencies they may read.
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/applications',
    // For one's own agency: its head and operators may, and the admin for any.
    request: async (tg) => ({
      url: '/api/v1/applications',
      payload: {
        agencyId: tg.agencyA,
        name: `Aplikasi Matriks ${Math.random().toString(36).slice(2, 8)}`,
        kind: 'khusus',
        hostingLocation: 'pusat_data_daerah',
        dataClassification: 'terbatas',
      },
    }),
    expect: only([...ADMIN, ...OWN_AGENCY]),
  },
  {
    method: 'GET',
    url: '/api/v1/applications/export.xlsx',
    request: async () => ({ url: '/api/v1/applications/export.xlsx' }),
    expect: anyUser(),
  },
  {
    method: 'GET',
    url: '/api/v1/applications/:id',
    request: async () => ({ url: `/api/v1/applications/${await appB()}` }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'PATCH',
    url: '/api/v1/applications/:id',
    request: async () => ({
      url: `/api/v1/applications/${await appB()}`,
      payload: { description: 'Diubah oleh matriks' },
    }),
    // Oversight roles read but do not edit; other agencies do not see it.
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'POST',
    url: '/api/v1/applications/:id/documents',
    request: async (tg) => ({
      url: `/api/v1/applications/${await appB()}/documents`,
      payload: { kind: 'design', fileId: tg.fileB },
    }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'POST',
    url: '/api/v1/applications/:id/transitions',
    request: async () => ({
      url: `/api/v1/applications/${await appB()}/transitions`,
      payload: { transition: 'to_planning' },
    }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/reference/national-applications',
    request: async () => ({ url: '/api/v1/reference/national-applications' }),
    expect: anyUser(),
  },
  // Pusat Data. Hosting requests, devices, authorities and backup policies of agency B are seen
  // by the Dinas and the oversight roles only; activity records are Dinas records altogether.
  {
    method: 'GET',
    url: '/api/v1/datacenter/hosting-requests',
    request: async () => ({ url: '/api/v1/datacenter/hosting-requests' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/datacenter/hosting-requests',
    // The applicant agency's head and operators draft it; nobody else, the Dinas included.
    request: async (tg) => ({
      url: '/api/v1/datacenter/hosting-requests',
      payload: completeRequest(tg.agencyA),
    }),
    expect: only(OWN_AGENCY),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/hosting-requests/:id',
    request: async () => ({ url: `/api/v1/datacenter/hosting-requests/${await requestB()}` }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'PATCH',
    url: '/api/v1/datacenter/hosting-requests/:id',
    request: async () => ({
      url: `/api/v1/datacenter/hosting-requests/${await requestB()}`,
      payload: { storageGb: 120 },
    }),
    // Only the applicant edits its request: the Dinas and oversight see it but may not.
    expect: seenNotChanged([]),
  },
  {
    method: 'PUT',
    url: '/api/v1/datacenter/hosting-requests/:id/test',
    request: async () => ({
      url: `/api/v1/datacenter/hosting-requests/${await requestB('testing')}/test`,
      payload: passingTest,
    }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'POST',
    url: '/api/v1/datacenter/hosting-requests/:id/transitions',
    // Submitting a draft of agency A: its head and operators may; everyone else sees it (agency
    // A is every caller's home) and is refused by the workflow.
    request: async (tg) => ({
      url: `/api/v1/datacenter/hosting-requests/${(await buildHostingRequest(t.ctx, tg.agencyA)).id}/transitions`,
      payload: { transition: 'submit' },
    }),
    expect: only(OWN_AGENCY),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/devices',
    request: async () => ({ url: '/api/v1/datacenter/devices' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/datacenter/devices',
    request: async (tg) => ({
      url: '/api/v1/datacenter/devices',
      payload: { name: 'srv-matriks', kind: 'server', agencyId: tg.agencyB },
    }),
    expect: only(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/devices/:id',
    request: async () => ({ url: `/api/v1/datacenter/devices/${await deviceB()}` }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'PATCH',
    url: '/api/v1/datacenter/devices/:id',
    request: async () => ({
      url: `/api/v1/datacenter/devices/${await deviceB()}`,
      payload: { status: 'maintenance' },
    }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/authorities',
    request: async () => ({ url: '/api/v1/datacenter/authorities' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/datacenter/authorities',
    request: async (tg) => ({
      url: '/api/v1/datacenter/authorities',
      payload: {
        personName: 'Petugas Matriks',
        agencyId: tg.agencyB,
        system: 'VM matriks',
        authority: 'read',
        grantedBy: 'Kepala Dinas',
        grantedOn: '2026-01-05',
      },
    }),
    expect: only(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/authorities/:id',
    request: async () => ({ url: `/api/v1/datacenter/authorities/${await authorityB()}` }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'PATCH',
    url: '/api/v1/datacenter/authorities/:id',
    request: async () => ({
      url: `/api/v1/datacenter/authorities/${await authorityB()}`,
      payload: { revokedOn: '2026-02-01' },
    }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/activities',
    request: async () => ({ url: '/api/v1/datacenter/activities' }),
    expect: only([...ADMIN, ...OVERSIGHT]),
  },
  {
    method: 'POST',
    url: '/api/v1/datacenter/activities',
    request: async () => ({
      url: '/api/v1/datacenter/activities',
      payload: {
        startedAt: '2026-02-02T01:00:00.000Z',
        personName: 'Teknisi Matriks',
        purpose: 'Pemeriksaan rutin',
      },
    }),
    expect: only(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/activities/:id',
    request: async () => ({ url: `/api/v1/datacenter/activities/${await activity()}` }),
    expect: only([...ADMIN, ...OVERSIGHT]),
  },
  {
    method: 'PATCH',
    url: '/api/v1/datacenter/activities/:id',
    request: async () => ({
      url: `/api/v1/datacenter/activities/${await activity()}`,
      payload: { notes: 'Diperiksa matriks' },
    }),
    expect: only(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/backup-policies',
    request: async () => ({ url: '/api/v1/datacenter/backup-policies' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/datacenter/backup-policies',
    // For one's own agency: its head and operators, and the admin for any.
    request: async (tg) => ({
      url: '/api/v1/datacenter/backup-policies',
      payload: {
        agencyId: tg.agencyA,
        systemName: 'Sistem Matriks',
        frequency: 'weekly',
        location: 'Server backup Pusat Data',
      },
    }),
    expect: only([...ADMIN, ...OWN_AGENCY]),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/backup-policies/:id',
    request: async () => ({ url: `/api/v1/datacenter/backup-policies/${await policyB()}` }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'PATCH',
    url: '/api/v1/datacenter/backup-policies/:id',
    request: async () => ({
      url: `/api/v1/datacenter/backup-policies/${await policyB()}`,
      payload: { retentionDays: 60 },
    }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/backup-policies/:id/reports',
    request: async () => ({ url: `/api/v1/datacenter/backup-policies/${await policyB()}/reports` }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'POST',
    url: '/api/v1/datacenter/backup-policies/:id/reports',
    request: async () => ({
      url: `/api/v1/datacenter/backup-policies/${await policyB()}/reports`,
      payload: { backupOn: '2026-01-05', result: 'success' },
    }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/backup-policies/:id/restore-tests',
    request: async () => ({
      url: `/api/v1/datacenter/backup-policies/${await policyB()}/restore-tests`,
    }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'POST',
    url: '/api/v1/datacenter/backup-policies/:id/restore-tests',
    request: async () => ({
      url: `/api/v1/datacenter/backup-policies/${await policyB()}/restore-tests`,
      payload: { testedOn: '2026-01-05', result: 'success', durationMinutes: 30 },
    }),
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/datacenter/backup-supervision',
    // Scoped: the Dinas and oversight see every agency, others their own systems.
    request: async () => ({ url: '/api/v1/datacenter/backup-supervision' }),
    expect: anyUser(),
  },

  {
    method: 'GET',
    url: '/api/v1/evaluation/frameworks',
    request: async () => ({ url: '/api/v1/evaluation/frameworks' }),
    expect: anyUser(),
  },
  {
    method: 'GET',
    url: '/api/v1/evaluation/frameworks/:id',
    request: async () => ({ url: '/api/v1/evaluation/frameworks/permenpanrb-59-2020' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/evaluation/compute',
    request: async () => ({
      url: '/api/v1/evaluation/compute',
      payload: { frameworkId: 'permenpanrb-59-2020', levels: ALL_THREES },
    }),
    expect: anyUser(),
  },
  {
    method: 'GET',
    url: '/api/v1/evaluation/evaluations',
    // Scoped: the readers see every evaluation, a team member theirs, others none.
    request: async () => ({ url: '/api/v1/evaluation/evaluations' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/evaluation/evaluations',
    request: async () => ({
      url: '/api/v1/evaluation/evaluations',
      payload: { year: httpEvaluationYear++, frameworkId: 'permenpanrb-59-2020' },
    }),
    expect: only(['kominfo_admin', 'coordination_team']),
  },
  {
    method: 'GET',
    url: '/api/v1/evaluation/evaluations/:id',
    request: async () => ({ url: `/api/v1/evaluation/evaluations/${await evaluationB()}` }),
    expect: only(EVALUATION_READERS, 'hidden'),
  },
  {
    method: 'GET',
    url: '/api/v1/evaluation/evaluations/:id/candidates',
    request: async () => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/candidates`,
    }),
    expect: (c) => (c === 'kominfo_admin' ? 'ok' : teamOnly(c)),
  },
  {
    method: 'PUT',
    url: '/api/v1/evaluation/evaluations/:id/team',
    request: async (tg) => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/team`,
      payload: { members: [{ userId: tg.userB, role: 'coordinator' }] },
    }),
    expect: (c) => (c === 'kominfo_admin' ? 'ok' : teamOnly(c)),
  },
  {
    method: 'POST',
    url: '/api/v1/evaluation/evaluations/:id/assignments',
    request: async () => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/assignments`,
      payload: { indicatorNos: [1], assigneeId: null },
    }),
    expect: (c) => (c === 'kominfo_admin' ? 'ok' : teamOnly(c)),
  },
  {
    method: 'PUT',
    url: '/api/v1/evaluation/evaluations/:id/indicators/:no/self-assessment',
    request: async () => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/indicators/1/self-assessment`,
      payload: { level: 3 },
    }),
    expect: teamOnly,
  },
  {
    method: 'PUT',
    url: '/api/v1/evaluation/evaluations/:id/indicators/:no/validation',
    request: async () => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/indicators/1/validation`,
      payload: { level: 3, note: 'Matriks' },
    }),
    expect: teamOnly,
  },
  {
    method: 'PUT',
    url: '/api/v1/evaluation/evaluations/:id/external-levels',
    // The admin passes authorization; the evaluation is not submitted yet (409).
    request: async () => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/external-levels`,
      payload: { levels: { '1': 3 } },
    }),
    expect: (c) => (c === 'kominfo_admin' ? 'reached' : teamOnly(c)),
  },
  {
    method: 'PUT',
    url: '/api/v1/evaluation/evaluations/:id/berita-acara',
    request: async (tg) => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/berita-acara`,
      payload: { fileId: tg.fileB },
    }),
    expect: teamOnly,
  },
  {
    method: 'POST',
    url: '/api/v1/evaluation/evaluations/:id/transitions',
    request: async () => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/transitions`,
      payload: { transition: 'start_validation' },
    }),
    expect: teamOnly,
  },
  {
    method: 'POST',
    url: '/api/v1/evaluation/evaluations/:id/what-if',
    request: async () => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/what-if`,
      payload: { levels: { '1': 4 } },
    }),
    expect: only(EVALUATION_READERS, 'hidden'),
  },
  {
    method: 'POST',
    url: '/api/v1/evaluation/evaluations/:id/plan',
    request: async () => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/plan`,
      payload: { targetRating: 'Baik' },
    }),
    expect: only(EVALUATION_READERS, 'hidden'),
  },
  {
    method: 'GET',
    url: '/api/v1/evaluation/evaluations/:id/report.pdf',
    request: async () => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/report.pdf`,
    }),
    expect: only(EVALUATION_READERS, 'hidden'),
  },
  {
    method: 'GET',
    url: '/api/v1/evaluation/evaluations/:id/berita-acara-draft.pdf',
    request: async () => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/berita-acara-draft.pdf`,
    }),
    expect: only(EVALUATION_READERS, 'hidden'),
  },
  {
    method: 'GET',
    url: '/api/v1/evaluation/evaluations/:id/indicators.xlsx',
    request: async () => ({
      url: `/api/v1/evaluation/evaluations/${await evaluationB()}/indicators.xlsx`,
    }),
    expect: only(EVALUATION_READERS, 'hidden'),
  },
  // Compliance: everyone reads within their scope; the Dinas admin manages profiles.
  {
    method: 'GET',
    url: '/api/v1/compliance/profiles',
    request: async () => ({ url: '/api/v1/compliance/profiles' }),
    expect: anyUser(),
  },
  {
    method: 'GET',
    url: '/api/v1/compliance/profiles/:id',
    request: async () => ({ url: '/api/v1/compliance/profiles/tabanan-44-2022' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/compliance/profiles',
    request: async () => ({
      url: '/api/v1/compliance/profiles',
      payload: { from: 'purbalingga-45-2024', id: `matriks-${matrixName()}` },
    }),
    expect: only(ADMIN),
  },
  {
    method: 'POST',
    url: '/api/v1/compliance/profiles/import',
    request: async () => ({
      url: `/api/v1/compliance/profiles/import?id=matriks-${matrixName()}`,
      payload: matrixProfile(),
    }),
    expect: only(ADMIN),
  },
  {
    method: 'PUT',
    url: '/api/v1/compliance/profiles/:id/obligations/:obligationId',
    request: async () => {
      const id = `matriks-${matrixName()}`;
      await copyProfile(t.ctx, { from: 'purbalingga-45-2024', id });
      const { id: _id, ...fields } = matrixObligation;
      return {
        url: `/api/v1/compliance/profiles/${id}/obligations/matriks.p1`,
        payload: fields,
      };
    },
    expect: only(ADMIN),
  },
  {
    method: 'PUT',
    url: '/api/v1/compliance/active-profile',
    request: async () => {
      await configureGovernment();
      return {
        url: '/api/v1/compliance/active-profile',
        payload: { profileId: 'tabanan-44-2022' },
      };
    },
    expect: only(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/compliance/evaluation',
    request: async () => ({ url: '/api/v1/compliance/evaluation?module=datacenter' }),
    expect: anyUser(),
  },
  {
    method: 'GET',
    url: '/api/v1/compliance/obligations/:obligationId',
    // An agency duty: everyone sees at least their own agency's line.
    request: async () => ({ url: '/api/v1/compliance/obligations/tabanan-44-2022.p11.a1' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/compliance/evidence',
    // An attestation for agency B: the admin may; oversight sees B but may not; others do not see it.
    request: async (tg) => {
      await configureGovernment();
      return {
        url: '/api/v1/compliance/evidence',
        payload: {
          kind: 'attestation',
          obligationId: 'tabanan-44-2022.p22.a4',
          partyKey: tg.agencyB,
          url: 'https://tabanankab.go.id/bukti',
          statement: 'Dicatat oleh matriks.',
          validUntil: '2099-12-31',
        },
      };
    },
    expect: seenNotChanged(ADMIN),
  },
  {
    method: 'GET',
    url: '/api/v1/compliance/snapshots',
    request: async () => ({ url: '/api/v1/compliance/snapshots' }),
    expect: only([...ADMIN, ...OVERSIGHT]),
  },
  {
    method: 'POST',
    url: '/api/v1/compliance/snapshots',
    request: async () => ({ url: '/api/v1/compliance/snapshots' }),
    expect: only([...ADMIN, 'coordination_team']),
  },
  {
    method: 'GET',
    url: '/api/v1/compliance/report.xlsx',
    request: async () => ({ url: '/api/v1/compliance/report.xlsx' }),
    expect: anyUser(),
  },
  {
    method: 'GET',
    url: '/api/v1/compliance/report.pdf',
    request: async () => ({ url: '/api/v1/compliance/report.pdf' }),
    expect: anyUser(),
  },
  // Sistem Penghubung Layanan (interop). The catalogue reads are public (developer portal).
  {
    method: 'GET',
    url: '/api/v1/interop/apis',
    request: async () => ({ url: '/api/v1/interop/apis' }),
    expect: everyone('ok'),
  },
  {
    method: 'POST',
    url: '/api/v1/interop/apis',
    request: async () => ({
      url: '/api/v1/interop/apis',
      payload: {
        name: 'API Matriks',
        slug: `matriks-${matrixName()}`,
        version: 'v1',
        upstreamUrl: 'http://127.0.0.1:9/x',
        visibility: 'internal',
        dataClassification: 'terbatas',
      },
    }),
    expect: only(OWN_AGENCY),
  },
  {
    method: 'GET',
    url: '/api/v1/interop/apis/:id',
    // A published internal API: every signed-in user; anonymous visitors only see public ones.
    request: async (tg) => ({
      url: `/api/v1/interop/apis/${(await buildApi(t.ctx, tg.agencyB)).id}`,
    }),
    expect: (c) => (c === 'anonymous' ? 'hidden' : 'ok'),
  },
  {
    method: 'PATCH',
    url: '/api/v1/interop/apis/:id',
    request: async (tg) => ({
      url: `/api/v1/interop/apis/${(await buildApi(t.ctx, tg.agencyA)).id}`,
      payload: { description: 'Diperbarui' },
    }),
    expect: only(OWN_AGENCY),
  },
  {
    method: 'PUT',
    url: '/api/v1/interop/apis/:id/openapi',
    request: async (tg) => ({
      url: `/api/v1/interop/apis/${(await buildApi(t.ctx, tg.agencyA)).id}/openapi`,
      payload: { document: sampleOpenApiText() },
    }),
    expect: only(OWN_AGENCY),
  },
  {
    method: 'PUT',
    url: '/api/v1/interop/apis/:id/upstream-credential',
    request: async (tg) => ({
      url: `/api/v1/interop/apis/${(await buildApi(t.ctx, tg.agencyA)).id}/upstream-credential`,
      payload: { headerName: 'X-Gateway-Secret', value: 'rahasia' },
    }),
    expect: only(OWN_AGENCY),
  },
  {
    method: 'DELETE',
    url: '/api/v1/interop/apis/:id/upstream-credential',
    request: async (tg) => ({
      url: `/api/v1/interop/apis/${(await buildApi(t.ctx, tg.agencyA)).id}/upstream-credential`,
    }),
    expect: only(OWN_AGENCY),
  },
  {
    method: 'POST',
    url: '/api/v1/interop/apis/:id/status',
    request: async (tg) => ({
      url: `/api/v1/interop/apis/${(await buildApi(t.ctx, tg.agencyA)).id}/status`,
      payload: { status: 'deprecated' },
    }),
    expect: only(OWN_AGENCY),
  },
  {
    method: 'GET',
    url: '/api/v1/interop/subscriptions',
    request: async () => ({ url: '/api/v1/interop/subscriptions' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/interop/subscriptions',
    // An application of agency A asks for an API of agency B: A's operator and head only.
    request: async (tg) => ({
      url: '/api/v1/interop/subscriptions',
      payload: {
        applicationId: await appA(),
        apiId: (await buildApi(t.ctx, tg.agencyB)).id,
        purpose: 'Uji matriks izin',
      },
    }),
    expect: only(OWN_AGENCY),
  },
  {
    method: 'GET',
    url: '/api/v1/interop/subscriptions/:id',
    request: async (tg) => ({
      url: `/api/v1/interop/subscriptions/${await subscriptionOf(tg.agencyB, tg.agencyB)}`,
    }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'POST',
    url: '/api/v1/interop/subscriptions/:id/transitions',
    // Agency A provides the API: its operator and head approve first.
    request: async (tg) => ({
      url: `/api/v1/interop/subscriptions/${await subscriptionOf(tg.agencyA, tg.agencyB)}/transitions`,
      payload: { transition: 'approve_provider' },
    }),
    expect: only(OWN_AGENCY),
  },
  {
    method: 'PUT',
    url: '/api/v1/interop/subscriptions/:id/plan',
    request: async (tg) => ({
      url: `/api/v1/interop/subscriptions/${await subscriptionOf(tg.agencyA, tg.agencyB)}/plan`,
      payload: { ratePerMinute: 30, dailyQuota: 1000, monthlyQuota: null },
    }),
    expect: only([...OWN_AGENCY, ...ADMIN]),
  },
  {
    method: 'GET',
    url: '/api/v1/interop/credentials',
    request: async () => ({ url: `/api/v1/interop/credentials?applicationId=${await appB()}` }),
    expect: only([...ADMIN, ...OVERSIGHT], 'hidden'),
  },
  {
    method: 'POST',
    url: '/api/v1/interop/credentials',
    request: async () => ({
      url: '/api/v1/interop/credentials',
      payload: { applicationId: await appA(), kind: 'api_key', label: 'Matriks' },
    }),
    expect: credentialOutcome,
  },
  {
    method: 'POST',
    url: '/api/v1/interop/credentials/:id/rotate',
    request: async () => ({
      url: `/api/v1/interop/credentials/${(await buildCredential(t.ctx, await appA())).id}/rotate`,
    }),
    expect: credentialOutcome,
  },
  {
    method: 'POST',
    url: '/api/v1/interop/credentials/:id/revoke',
    request: async () => ({
      url: `/api/v1/interop/credentials/${(await buildCredential(t.ctx, await appA())).id}/revoke`,
    }),
    expect: credentialOutcome,
  },
  {
    method: 'GET',
    url: '/api/v1/interop/usage',
    // Scoped: the Dinas and oversight see all calls, others those of their agencies.
    request: async () => ({ url: '/api/v1/interop/usage' }),
    expect: anyUser(),
  },
  // Satu Data (data): datasets of agency B; the walidata (data_custodian) and the oversight
  // roles (acting as Pembina Data) see every agency, producers only their own.
  {
    method: 'GET',
    url: '/api/v1/data/datasets',
    request: async () => ({ url: '/api/v1/data/datasets' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/data/datasets',
    request: async (tg) => ({ url: '/api/v1/data/datasets', payload: completeDataset(tg.agencyA) }),
    expect: only(['data_producer']),
  },
  {
    method: 'GET',
    url: '/api/v1/data/datasets/:id',
    request: async () => ({ url: `/api/v1/data/datasets/${(await datasetB('draft')).id}` }),
    expect: only([...ADMIN, ...OVERSIGHT, 'data_custodian'], 'hidden'),
  },
  {
    method: 'PATCH',
    url: '/api/v1/data/datasets/:id',
    request: async () => ({
      url: `/api/v1/data/datasets/${(await datasetB('draft')).id}`,
      payload: { unit: 'orang' },
    }),
    expect: dataSeenNotChanged([]),
  },
  {
    method: 'POST',
    url: '/api/v1/data/datasets/:id/resources',
    request: async () => ({
      url: `/api/v1/data/datasets/${(await datasetB('draft')).id}/resources`,
      payload: { kind: 'link', name: 'API', url: 'https://data.example.go.id/api' },
    }),
    expect: dataSeenNotChanged([]),
  },
  {
    method: 'PUT',
    url: '/api/v1/data/datasets/:id/resources/:resourceId/schema',
    request: async () => {
      const d = await datasetB('draft');
      return {
        url: `/api/v1/data/datasets/${d.id}/resources/${d.resourceId}/schema`,
        payload: { tableSchema: kecamatanSchema('jumlah', 'persen') },
      };
    },
    expect: dataSeenNotChanged([]),
  },
  {
    method: 'PUT',
    url: '/api/v1/data/datasets/:id/resources/:resourceId/file',
    request: async () => {
      const d = await datasetB('draft');
      const form = new FormData();
      form.append('file', new File([Buffer.from('a\n1\n')], 'data.csv'));
      return { url: `/api/v1/data/datasets/${d.id}/resources/${d.resourceId}/file`, payload: form };
    },
    expect: dataSeenNotChanged([]),
  },
  {
    method: 'POST',
    url: '/api/v1/data/datasets/:id/transitions',
    request: async () => ({
      url: `/api/v1/data/datasets/${(await datasetB('submitted')).id}/transitions`,
      payload: { transition: 'publish', checklist: ALL_CHECKED },
    }),
    expect: dataSeenNotChanged(['data_custodian']),
  },
  {
    method: 'POST',
    url: '/api/v1/data/datasets/:id/comments',
    request: async () => ({
      url: `/api/v1/data/datasets/${(await datasetB('submitted')).id}/comments`,
      payload: { body: 'Gunakan definisi BPS.' },
    }),
    expect: dataSeenNotChanged([...OVERSIGHT, 'data_custodian']),
  },
  {
    method: 'GET',
    url: '/api/v1/data/reference-lists',
    request: async () => ({ url: '/api/v1/data/reference-lists' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/data/reference-lists',
    request: async () => ({
      url: '/api/v1/data/reference-lists',
      payload: {
        code: 'kode-uji',
        version: matrixName(),
        name: 'Kode uji',
        source: 'Uji matriks',
        validFrom: '2026-01-01',
        codes: [{ code: '1', label: 'Satu' }],
      },
    }),
    expect: only([...ADMIN, 'data_custodian']),
  },
  {
    method: 'GET',
    url: '/api/v1/data/reference-lists/:id',
    // Seeded by migration 0006 (Kemendagri region codes of the demo regency).
    request: async () => ({
      url: '/api/v1/data/reference-lists/5b1e0c2a-0d55-4a0e-9c51-000000005102',
    }),
    expect: anyUser(),
  },
  {
    method: 'GET',
    url: '/api/v1/data/plans',
    request: async () => ({ url: '/api/v1/data/plans' }),
    expect: anyUser(),
  },
  {
    method: 'POST',
    url: '/api/v1/data/plans',
    request: async (tg) => ({
      url: '/api/v1/data/plans',
      payload: {
        agencyId: tg.agencyA,
        year: 2027,
        title: 'Data rencana',
        topic: 'kesehatan',
        frequency: 'tahunan',
      },
    }),
    expect: only(['data_producer', 'data_custodian']),
  },
  {
    method: 'PATCH',
    url: '/api/v1/data/plans/:id',
    request: async (tg) => {
      const [plan] = await t.ctx.db
        .insert(dataPlans)
        .values({
          agencyId: tg.agencyB,
          year: 2027,
          title: 'Data rencana B',
          topic: 'kesehatan',
          frequency: 'tahunan',
        })
        .returning();
      return { url: `/api/v1/data/plans/${plan?.id}`, payload: { frequency: 'bulanan' } };
    },
    expect: dataSeenNotChanged(['data_custodian']),
  },
  {
    method: 'POST',
    url: '/api/v1/data/requests',
    // Public and rate-limited per address: an incomplete request shows it is reached by everyone.
    request: async () => ({ url: '/api/v1/data/requests', payload: { name: 'Uji' } }),
    expect: everyone('reached'),
  },
];

const STATUS: Record<Exclude<Outcome, 'ok' | 'reached'>, number> = {
  unauth: 401,
  denied: 403,
  hidden: 404,
};

function classify(status: number): Outcome {
  if (status >= 200 && status < 400) return 'ok';
  if (status === 401) return 'unauth';
  if (status === 403) return 'denied';
  if (status === 404) return 'hidden';
  return 'reached';
}

const callers: Caller[] = ['anonymous', ...ROLES];
const roleUsers = new Map<Caller, string>();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-matrix-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  await ensureKominfo(t.ctx);
  const agencyA = (await buildAgency(t.ctx)).id;
  const agencyB = (await buildAgency(t.ctx)).id;
  const userB = (await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: agencyB })).id;
  const fileB = (await buildFile(t.ctx, join(dataDir, 'files'), agencyB)).id;
  targets = { agencyA, agencyB, userB, fileB };
  for (const role of ROLES) {
    roleUsers.set(role, (await buildUser(t.ctx, { roles: [role], agencyId: agencyA })).email);
  }
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('permission matrix', () => {
  it('covers every API route in the OpenAPI document', () => {
    const documented = Object.entries(
      (t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths,
    ).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const api = documented.filter((r) => r.includes(' /api/v1/')).sort();
    expect(rows.map((r) => `${r.method} ${r.url}`).sort()).toEqual(api);
  });

  for (const row of rows) {
    it(`${row.method} ${row.url}`, async () => {
      const seen: Record<string, Outcome> = {};
      const wanted: Record<string, Outcome> = {};
      for (const caller of callers) {
        const email = roleUsers.get(caller);
        const session = email ? await signIn(t.app, email) : undefined;
        const { url, payload } = await row.request(targets, caller);
        const res = await t.app.inject({
          method: row.method,
          url,
          payload: payload as never,
          headers: session?.headers ?? {},
        });
        seen[caller] = classify(res.statusCode);
        wanted[caller] = row.expect(caller);
        const expected = wanted[caller];
        if (expected !== 'ok' && expected !== 'reached') {
          expect(res.statusCode, `${caller}: ${res.body}`).toBe(STATUS[expected]);
        }
      }
      expect(seen).toEqual(wanted);
    });
  }
});
