import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Party } from '../../platform/compliance/check-provider.js';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.js';
import { applicationsComplianceChecks } from '../applications/index.js';
import { attachDocuments, buildApplication } from '../applications/testing/factories.js';
import { takeApplicationTransition } from '../applications/use-cases/take-application-transition.js';
import { buildAgency, ensureKominfo } from '../organization/testing/factories.js';
import { localToday } from './local-date.js';
import { attestationStatus, type EvidenceRow, submissionStatus } from './own-checks.js';

/** The applications provider's sources on records built for the purpose, and the own checks. */
let t: TestApp;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-compliance-sources-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  await ensureKominfo(t.ctx);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const partyOf = (agencyId: string): Party => ({
  key: agencyId,
  kind: 'agency',
  label: 'PD',
  agencyId,
});
const ask = (source: string, parties: Party[]) =>
  applicationsComplianceChecks.sources[source]?.(t.ctx.db, {
    checkType: 'x',
    params: {},
    parties,
    today: localToday(),
  });

describe('applications sources', () => {
  it('judges the consultation only for applications built through Simpul', async () => {
    const built = (await buildAgency(t.ctx)).id;
    const existing = (await buildAgency(t.ctx)).id;
    const fresh = (await buildAgency(t.ctx)).id;
    const app = await buildApplication(t.ctx, { agencyId: built });
    for (const transition of ['to_planning', 'to_design']) {
      await takeApplicationTransition(t.ctx, app.id, { transition });
    }
    await takeApplicationTransition(t.ctx, app.id, {
      transition: 'record_consultation',
      comment: 'Konsultasi dengan Kepala Dinas, notulen terlampir.',
    });
    await takeApplicationTransition(t.ctx, app.id, { transition: 'to_implementation' });
    // Registered as already running: its consultation predates Simpul.
    await buildApplication(t.ctx, { agencyId: existing, stage: 'pemeliharaan' });
    // Still in needs assessment: nothing to judge yet.
    await buildApplication(t.ctx, { agencyId: fresh });

    const result = await ask('applications.consultation', [built, existing, fresh].map(partyOf));
    expect(result?.get(built)?.status).toBe('met');
    expect(result?.get(built)?.records.map((r) => r.id)).toEqual([app.id]);
    expect(result?.get(existing)?.status).toBe('not_applicable');
    expect(result?.get(fresh)?.status).toBe('not_applicable');
  });

  it('counts the four required documents per application', async () => {
    const agency = (await buildAgency(t.ctx)).id;
    const complete = await buildApplication(t.ctx, { agencyId: agency });
    const partial = await buildApplication(t.ctx, { agencyId: agency });
    await attachDocuments(t.ctx, join(dataDir, 'files'), complete);
    await attachDocuments(t.ctx, join(dataDir, 'files'), partial, ['requirements', 'design']);
    const result = await ask('applications.documents', [partyOf(agency)]);
    expect(result?.get(agency)?.status).toBe('missing');
    expect(result?.get(agency)?.records.map((r) => r.id)).toEqual([partial.id]);
  });
});

describe('own checks', () => {
  const row = (over: Partial<EvidenceRow>): EvidenceRow => ({
    id: 'e1',
    kind: 'submission',
    obligationId: 'x.p1',
    partyKey: 'p',
    agencyId: 'a',
    period: null,
    recordedOn: '2026-01-10',
    validUntil: null,
    fileId: null,
    url: 'https://x.go.id',
    statement: 's',
    recordedBy: null,
    recordedByName: 'n',
    createdAt: '2026-01-10T00:00:00Z',
    ...over,
  });
  it('holds a yearly submission for twelve months, due soon in the last thirty days', () => {
    expect(submissionStatus([], 'yearly', '2026-06-01').status).toBe('missing');
    expect(submissionStatus([row({})], 'yearly', '2026-06-01')).toMatchObject({
      status: 'met',
      dueOn: '2027-01-10',
    });
    expect(submissionStatus([row({})], 'yearly', '2026-12-20').status).toBe('due_soon');
    expect(submissionStatus([row({})], 'yearly', '2027-01-11').status).toBe('late');
    // A submission without a period (on change, once) holds until replaced.
    expect(submissionStatus([row({})], 'once', '2030-01-01').status).toBe('met');
  });
  it('reads an attestation until its end date', () => {
    const attested = row({ kind: 'attestation', validUntil: '2026-03-01' });
    expect(attestationStatus([row({})], '2026-02-01').status).toBe('missing');
    expect(attestationStatus([attested], '2026-01-15').status).toBe('met');
    expect(attestationStatus([attested], '2026-02-15').status).toBe('due_soon');
    expect(attestationStatus([attested], '2026-03-02').status).toBe('late');
  });
});
