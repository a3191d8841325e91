import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { COMPLIANCE_STATUSES } from '../../platform/compliance/check-provider.js';
import { createFileStore } from '../../platform/files/file-store.js';
import { packageRoot } from '../../platform/paths.js';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.js';
import { datasets } from '../data/index.js';
import { roleAssignments, users } from '../identity/index.js';
import { interopApis } from '../interop/index.js';
import { agencies } from '../organization/index.js';
import { evaluateProfile, type ProfileEvaluation } from './evaluate.js';
import { localToday } from './local-date.js';
import type { ProfileDocument } from './profile-document.js';
import { checkOf, loadProfile, SHIPPED_PROFILES } from './profiles.js';
import { complianceReport } from './use-cases/export-reports.js';

/**
 * The four shipped profiles evaluated against the demo regency, with the counts checked against
 * the demo's own records (queried here independently), not against numbers copied from a run.
 */
let t: TestApp;
let dataDir: string;
const today = localToday();
const evaluations = new Map<string, ProfileEvaluation>();
let agencyIdByCode: Map<string, string>;
let activeAgencies: number;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-compliance-demo-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  await seedDemo(t.ctx, { fileStore: createFileStore(join(dataDir, 'files')) });
  const rows = await t.database.db
    .select({ id: agencies.id, code: agencies.code, status: agencies.status })
    .from(agencies);
  agencyIdByCode = new Map(rows.map((r) => [r.code, r.id]));
  activeAgencies = rows.filter((r) => r.status === 'active').length;
  for (const id of Object.keys(SHIPPED_PROFILES)) {
    evaluations.set(id, await evaluateProfile(t.ctx.db, await loadProfile(t.ctx.db, id), today));
  }
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The shared reference list (`../shared/reference/obligations` next to the checkout), if present. */
function reference(id: string): ProfileDocument | null {
  for (const up of ['..', '../..']) {
    const file = join(packageRoot, up, 'shared', 'reference', 'obligations', `${id}.json`);
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  }
  return null;
}

const partyOf = (profile: string, obligationId: string, code: string) => {
  const o = evaluations.get(profile)?.obligations.find((x) => x.obligation.id === obligationId);
  return o?.parties.find((p) => p.key === agencyIdByCode.get(code));
};

describe('the four shipped profiles against the demo regency', () => {
  it.each([
    ['tabanan-44-2022', 110],
    ['oku-timur-2022', 106],
    ['sragen-41-2019', 97],
    ['purbalingga-45-2024', 19],
  ])('%s: every obligation appears, with every party it binds', (id, count) => {
    const evaluation = evaluations.get(id);
    expect(evaluation?.obligations).toHaveLength(count);
    // The shipped copy is the reference list, word for word (when the shared reference is present).
    const ref = reference(id);
    if (ref) expect(SHIPPED_PROFILES[id]).toEqual(ref);
    for (const o of evaluation?.obligations ?? []) {
      const expected = o.obligation.binds === 'agency' ? activeAgencies : 1;
      expect(o.parties, o.obligation.id).toHaveLength(expected);
    }
    // The summary is the sum of the per-party statuses.
    const total = COMPLIANCE_STATUSES.reduce((n, s) => n + (evaluation?.summary[s] ?? 0), 0);
    expect(total).toBe(evaluation?.obligations.reduce((n, o) => n + o.parties.length, 0));
  });

  it('shows a duty no module can check yet as not supported, never as a pass or a fail', () => {
    for (const evaluation of evaluations.values()) {
      for (const o of evaluation.obligations) {
        if (checkOf({ ...o.obligation }).type !== 'pending') continue;
        expect(o.supported).toBe(false);
        for (const p of o.parties) expect(p.status, o.obligation.id).toBe('not_supported');
      }
    }
    // A duty of a module this Simpul has, which no record of it decides yet, says so.
    const pusatData = evaluations
      .get('purbalingga-45-2024')
      ?.obligations.find((o) => o.obligation.id === 'purbalingga-45-2024.p14.a1');
    expect(pusatData?.check).toEqual({ type: 'pending', params: { module: 'datacenter' } });
    expect(pusatData?.parties[0]?.reason.en).toBe(
      'Not yet supported: the datacenter module keeps no record that decides this duty yet.',
    );
    const plan = evaluations
      .get('purbalingga-45-2024')
      ?.obligations.find((o) => o.obligation.id === 'purbalingga-45-2024.p14.a5');
    expect(plan?.parties[0]?.reason.en).toBe(
      'Not yet supported: the planning module is not available.',
    );
  });

  it('passes Purbalingga 19(5) for an agency with a published API, and fails one without', async () => {
    const published = await t.database.db
      .selectDistinct({ agencyId: interopApis.agencyId })
      .from(interopApis)
      .where(eq(interopApis.status, 'published'));
    expect(published.length).toBeGreaterThan(0);
    const duty = evaluations
      .get('purbalingga-45-2024')
      ?.obligations.find((o) => o.obligation.id === 'purbalingga-45-2024.p19.a5');
    expect(duty?.check).toEqual({
      type: 'registry_coverage',
      params: { source: 'interop.published_apis' },
    });
    const met = new Set(duty?.parties.filter((p) => p.status === 'met').map((p) => p.key));
    expect(met).toEqual(new Set(published.map((r) => r.agencyId)));
    // Dinkes publishes the immunisation API.
    const dinkes = partyOf('purbalingga-45-2024', 'purbalingga-45-2024.p19.a5', 'DINKES');
    expect(dinkes?.status).toBe('met');
    expect(dinkes?.records.map((r) => r.label)).toEqual(['Layanan Data Imunisasi v1']);
    // Disdukcapil runs SIAK and consumes that API, but provides none of its own.
    expect(
      partyOf('purbalingga-45-2024', 'purbalingga-45-2024.p19.a5', 'DISDUKCAPIL')?.status,
    ).toBe('missing');
    // Both use the service bus (Tabanan 13(3)): one provides, the other subscribes.
    for (const code of ['DINKES', 'DISDUKCAPIL']) {
      expect(partyOf('tabanan-44-2022', 'tabanan-44-2022.p13.a3', code)?.status, code).toBe('met');
    }
  });

  it('fails the backup duty of an agency with a returned hosting request and no recent restore test', () => {
    // Disdikpora: its PPDB request was returned; its last successful restore test is 210 days old.
    const disdikpora = partyOf('oku-timur-2022', 'oku-timur-2022.p15.a1', 'DISDIKPORA');
    expect(disdikpora?.status).toBe('late');
    expect(disdikpora?.decidedBy).toBe('recurring_submission');
    expect(disdikpora?.records.map((r) => r.label)).toContain('PPDB Daring');
    expect(disdikpora?.records[0]?.link).toMatch(/^\/console\/pusat-data\/backups\//);
    // The same under Sragen's restore-test duty.
    expect(partyOf('sragen-41-2019', 'sragen-41-2019.p17.a4.b', 'DISDIKPORA')?.status).toBe('late');
    // The Dinas's portal is backed up and restore-tested on time.
    expect(partyOf('oku-timur-2022', 'oku-timur-2022.p15.a1', 'DISKOMINFO')?.status).toBe('met');
    // An agency with nothing in the Pusat Data is not concerned.
    expect(partyOf('oku-timur-2022', 'oku-timur-2022.p15.a1', 'DISPAR')?.status).toBe(
      'not_applicable',
    );
  });

  it('finds the Satu Data duty (OKU Timur 9(1)) met exactly where the demo published datasets', async () => {
    const producers = await t.database.db
      .selectDistinct({ agencyId: datasets.agencyId })
      .from(datasets)
      .where(eq(datasets.state, 'published'));
    expect(producers.length).toBeGreaterThan(0);
    const duty = evaluations
      .get('oku-timur-2022')
      ?.obligations.find((o) => o.obligation.id === 'oku-timur-2022.p9.a1');
    expect(duty?.check).toEqual({ type: 'registry_coverage', params: { source: 'data.datasets' } });
    const met = new Set(duty?.parties.filter((p) => p.status === 'met').map((p) => p.key));
    expect(met).toEqual(new Set(producers.map((r) => r.agencyId)));
    expect(duty?.parties.filter((p) => p.status === 'missing')).toHaveLength(
      activeAgencies - producers.length,
    );
  });

  it('sees the yearly LAN diagram (OKU Timur 22(1)) missing for every agency', () => {
    const lan = evaluations
      .get('oku-timur-2022')
      ?.obligations.find((o) => o.obligation.id === 'oku-timur-2022.p22.a1');
    expect(lan?.check).toEqual({ type: 'recurring_submission', params: { period: 'yearly' } });
    expect(lan?.parties).toHaveLength(activeAgencies);
    expect(lan?.parties.every((p) => p.status === 'missing')).toBe(true);
  });

  it('finds the Service Desk Tier 1 role filled exactly where the demo grants it', async () => {
    const holders = await t.database.db
      .selectDistinct({ agencyId: roleAssignments.agencyId })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.role, 'tier1_desk'), eq(users.status, 'active')));
    const expected = new Set(holders.map((h) => h.agencyId));
    expect(expected.size).toBeGreaterThan(0);
    const tier1 = evaluations
      .get('tabanan-44-2022')
      ?.obligations.find((o) => o.obligation.id === 'tabanan-44-2022.p27.a7.a');
    const met = new Set(tier1?.parties.filter((p) => p.status === 'met').map((p) => p.key));
    expect(met).toEqual(expected);
    expect(tier1?.parties.filter((p) => p.status === 'missing')).toHaveLength(
      activeAgencies - expected.size,
    );
  });

  it('reads the demo evaluations (2025 completed, 2026 open) for the yearly evaluation duty', async () => {
    // On a fixed day, so the answer does not depend on when the test runs.
    const midYear = await evaluateProfile(
      t.ctx.db,
      await loadProfile(t.ctx.db, 'oku-timur-2022'),
      '2026-06-15',
    );
    const duty = midYear.obligations.find((o) => o.obligation.id === 'oku-timur-2022.p36.a1');
    expect(duty?.check).toEqual({
      type: 'review_within_period',
      params: { source: 'evaluation.yearly', stage: 'submitted' },
    });
    expect(duty?.parties).toHaveLength(1);
    expect(duty?.parties[0]).toMatchObject({ key: 'kominfo', status: 'met', dueOn: '2026-12-31' });
    expect(duty?.parties[0]?.records.map((r) => r.label)).toEqual([
      'Evaluasi SPBE 2026 (self_assessment)',
      'Evaluasi SPBE 2025 (completed)',
    ]);
  });

  it('judges the hosting workflow: returned requests are still open, not a failure', () => {
    const e = partyOf('tabanan-44-2022', 'tabanan-44-2022.p14.a10.e', 'DISDIKPORA');
    expect(e?.status).toBe('met');
    expect(e?.records.some((r) => r.link?.startsWith('/console/pusat-data/hosting/'))).toBe(true);
    expect(partyOf('tabanan-44-2022', 'tabanan-44-2022.p14.a10.e', 'DISPAR')?.status).toBe(
      'not_applicable',
    );
  });

  it('reads the demo LAN diagrams (Tabanan 11(1)) as met, due soon and late, the rest missing', () => {
    expect(partyOf('tabanan-44-2022', 'tabanan-44-2022.p11.a1', 'DINKES')?.status).toBe('met');
    expect(partyOf('tabanan-44-2022', 'tabanan-44-2022.p11.a1', 'BAPPEDA')?.status).toBe(
      'due_soon',
    );
    expect(partyOf('tabanan-44-2022', 'tabanan-44-2022.p11.a1', 'DISDUKCAPIL')?.status).toBe(
      'late',
    );
    const lan = evaluations
      .get('tabanan-44-2022')
      ?.obligations.find((o) => o.obligation.id === 'tabanan-44-2022.p11.a1');
    expect(lan?.summary).toMatchObject({
      met: 1,
      due_soon: 1,
      late: 1,
      missing: activeAgencies - 3,
    });
    const decree = evaluations
      .get('tabanan-44-2022')
      ?.obligations.find((o) => o.obligation.id === 'tabanan-44-2022.p29.a5');
    expect(decree?.parties.map((p) => [p.key, p.status, p.decidedBy])).toEqual([
      ['bupati', 'met', 'document_in_force'],
    ]);
  });

  it('reports per obligation the status per party and the check that decided it, with a summary', async () => {
    const report = await complianceReport(t.ctx, 'tabanan-44-2022', today);
    expect(report.obligations).toHaveLength(110);
    const counted = Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, 0]));
    for (const o of report.obligations) {
      for (const p of o.parties) {
        counted[p.status] = (counted[p.status] ?? 0) + 1;
        expect(p.decidedBy).toBeTruthy();
      }
    }
    expect(report.summary).toEqual(counted);
    expect(report.summary.not_supported).toBeGreaterThan(0);
    expect(report.summary.met).toBeGreaterThan(0);
    expect(report.summary.missing).toBeGreaterThan(0);
  });
});
