import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore } from '../../platform/files/file-store.js';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.js';
import { evaluateProfile, type ProfileEvaluation } from '../compliance/evaluate.js';
import { loadProfile } from '../compliance/profiles.js';
import { buildAgency, ensureKominfo } from '../organization/testing/factories.js';
import { datasets } from './db/tables.js';
import { buildDataset } from './testing/factories.js';
import { createDataPlan } from './use-cases/data-plans.js';

/**
 * The Satu Data duties (OKU Timur 2022 Pasal 9–12, Sragen 41/2019 Pasal 17–18, Tabanan 44/2022
 * Pasal 22) on datasets and Daftar Data built through the data use cases.
 */
let t: TestApp;
let dataDir: string;
const today = '2026-09-01';
const a: Record<string, string> = {};
let oku: ProfileEvaluation;
let sragen: ProfileEvaluation;
let tabanan: ProfileEvaluation;
let lacking: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-data-compliance-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  await ensureKominfo(t.ctx);
  const store = createFileStore(join(dataDir, 'files'));
  for (const name of ['published', 'submittedOnly', 'none', 'noContact', 'oldPlan']) {
    a[name] = (await buildAgency(t.ctx)).id;
  }
  await buildDataset(t.ctx, store, a.published as string, 'published', {
    contactName: 'Kepala Bidang Statistik Sektoral',
  });
  await buildDataset(t.ctx, store, a.submittedOnly as string, 'submitted');
  const published = await buildDataset(t.ctx, store, a.noContact as string, 'published');
  // Published without a responsible official; its description emptied afterwards.
  await t.ctx.db.update(datasets).set({ description: '' }).where(eq(datasets.id, published.id));
  lacking = published.id;
  const plan = (agencyId: string, year: number) =>
    createDataPlan(t.ctx, {
      agencyId,
      year,
      title: `Jumlah posyandu ${year}`,
      topic: 'kesehatan',
      frequency: 'tahunan',
    });
  await plan(a.published as string, 2026);
  await plan(a.oldPlan as string, 2025);
  const load = async (id: string) =>
    evaluateProfile(t.ctx.db, await loadProfile(t.ctx.db, id), today);
  oku = await load('oku-timur-2022');
  sragen = await load('sragen-41-2019');
  tabanan = await load('tabanan-44-2022');
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const partyOf = (evaluation: ProfileEvaluation, obligationId: string, key: string) =>
  evaluation.obligations
    .find((o) => o.obligation.id === obligationId)
    ?.parties.find((p) => p.key === key);

describe('Satu Data duties', () => {
  it('each agency provides data: a published dataset (OKU Timur 9(1))', () => {
    const met = partyOf(oku, 'oku-timur-2022.p9.a1', a.published as string);
    expect(met?.status).toBe('met');
    expect(met?.records[0]?.link).toMatch(/^\/console\/data\/datasets\//);
    const waiting = partyOf(oku, 'oku-timur-2022.p9.a1', a.submittedOnly as string);
    expect(waiting?.status).toBe('missing');
    expect(waiting?.records).toHaveLength(1);
    expect(partyOf(oku, 'oku-timur-2022.p9.a1', a.none as string)?.status).toBe('missing');
  });

  it('judges standards and metadata on the published datasets (OKU Timur 12(1), Sragen 17(3), Tabanan 22(2))', () => {
    for (const [evaluation, id] of [
      [oku, 'oku-timur-2022.p12.a1.a'],
      [oku, 'oku-timur-2022.p12.a1.b'],
      [sragen, 'sragen-41-2019.p17.a3'],
      [tabanan, 'tabanan-44-2022.p22.a2'],
    ] as const) {
      expect(partyOf(evaluation, id, a.published as string)?.status, id).toBe('met');
      // Nothing published: nothing to judge here (9(1) says it is missing).
      expect(partyOf(evaluation, id, a.submittedOnly as string)?.status, id).toBe('not_applicable');
    }
    // A description lost after publication fails the metadata duty; no named official, 18(1).
    const metadata = partyOf(oku, 'oku-timur-2022.p12.a1.b', a.noContact as string);
    expect(metadata?.status).toBe('missing');
    expect(metadata?.records.map((r) => r.id)).toEqual([lacking]);
    expect(partyOf(sragen, 'sragen-41-2019.p18.a1', a.noContact as string)?.status).toBe('missing');
    expect(partyOf(sragen, 'sragen-41-2019.p18.a1', a.published as string)?.status).toBe('met');
  });

  it('sees the walidata check waiting within its service level (OKU Timur 12(3))', () => {
    const walidata = partyOf(oku, 'oku-timur-2022.p12.a3.a', 'other');
    expect(walidata?.status).toBe('due_soon');
    expect(walidata?.records).toHaveLength(1);
    expect(partyOf(oku, 'oku-timur-2022.p12.a3.b', 'other')?.status).toBe('met');
  });

  it('reads the yearly Daftar Data (OKU Timur 12(4))', () => {
    expect(partyOf(oku, 'oku-timur-2022.p12.a4.a', a.published as string)?.status).toBe('met');
    expect(partyOf(oku, 'oku-timur-2022.p12.a4.a', a.oldPlan as string)).toMatchObject({
      status: 'late',
      reason: { en: 'The latest Daftar Data is for 2025; none for 2026.' },
    });
    expect(partyOf(oku, 'oku-timur-2022.p12.a4.a', a.none as string)?.status).toBe('missing');
  });
});
