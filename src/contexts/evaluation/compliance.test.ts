import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Party } from '../../platform/compliance/check-provider.js';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.js';
import { evaluateProfile } from '../compliance/evaluate.js';
import { loadProfile } from '../compliance/profiles.js';
import { ensureKominfo } from '../organization/testing/factories.js';
import { evaluationComplianceChecks } from './compliance.js';
import { buildEvaluation } from './testing/factories.js';

/**
 * The yearly SPBE evaluation duty (OKU Timur 2022 Pasal 36 ayat (1), Sragen 41/2019 Pasal 26 ayat
 * (1), Tabanan 44/2022 Pasal 29 ayat (4) huruf a) on evaluations built through the use cases. Each
 * test has a database of its own: the evaluations are regency-wide, one per year.
 */
let t: TestApp;
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-evaluation-compliance-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function fresh() {
  await t?.close();
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  await ensureKominfo(t.ctx);
}
afterAll(async () => t?.close());

const dinas: Party = { key: 'kominfo', kind: 'kominfo', label: 'Dinas', agencyId: null };
const team: Party = {
  key: 'coordination_team',
  kind: 'coordination_team',
  label: 'Tim Koordinasi SPBE',
  agencyId: null,
};
const ask = async (today: string, stage?: string) =>
  (await evaluationComplianceChecks.sources['evaluation.yearly']?.(t.ctx.db, {
    checkType: 'review_within_period',
    params: { source: 'evaluation.yearly', ...(stage ? { stage } : {}) },
    parties: [dinas, team],
    today,
  })) ?? new Map();

describe('evaluation.yearly', () => {
  it('is missing with no evaluation, and while the first one is still open', async () => {
    await fresh();
    const none = await ask('2026-06-15');
    expect(none.get('kominfo')).toMatchObject({ status: 'missing', records: [] });
    expect(none.get('coordination_team')?.status).toBe('missing');
    const open = await buildEvaluation(t.ctx, join(dataDir, 'files'), { year: 2026 });
    const first = (await ask('2026-06-15')).get('kominfo');
    expect(first?.status).toBe('missing');
    expect(first?.records.map((r: { id: string }) => r.id)).toEqual([open.id]);
  }, 60_000);

  it('is met in a year whose evaluation is submitted, and done counts only once completed', async () => {
    await fresh();
    const submitted = await buildEvaluation(t.ctx, join(dataDir, 'files'), {
      year: 2026,
      stage: 'submitted',
    });
    const met = (await ask('2026-06-15')).get('kominfo');
    expect(met).toMatchObject({ status: 'met', dueOn: '2027-12-31' });
    expect(met?.records).toEqual([
      {
        type: 'spbe_evaluation',
        id: submitted.id,
        label: 'Evaluasi SPBE 2026 (submitted)',
        link: `/console/evaluation/${submitted.id}`,
      },
    ]);
    // Asking for the external result: a submitted evaluation is not enough.
    expect((await ask('2026-06-15', 'completed')).get('kominfo')?.status).toBe('missing');
  }, 60_000);

  it('carries last year’s evaluation until 31 December: met, then due soon, then late', async () => {
    await fresh();
    await buildEvaluation(t.ctx, join(dataDir, 'files'), { year: 2025, stage: 'completed' });
    await buildEvaluation(t.ctx, join(dataDir, 'files'), { year: 2026 });
    expect((await ask('2026-06-15')).get('kominfo')).toMatchObject({
      status: 'met',
      dueOn: '2026-12-31',
    });
    expect((await ask('2026-06-15', 'completed')).get('kominfo')?.status).toBe('met');
    expect((await ask('2026-12-10')).get('kominfo')).toMatchObject({
      status: 'due_soon',
      dueOn: '2026-12-31',
    });
    // 2027: the 2026 evaluation was never submitted — a cycle left open past its year.
    const late = (await ask('2027-01-05')).get('coordination_team');
    expect(late).toMatchObject({ status: 'late', dueOn: '2026-12-31' });
    expect(late?.reason.en).toBe(
      'The 2026 SPBE evaluation is not submitted (stage self_assessment).',
    );
    // 2028: no evaluation at all for 2027 — a year skipped.
    expect((await ask('2028-03-01')).get('kominfo')).toMatchObject({
      status: 'late',
      reason: { en: 'No SPBE evaluation for 2027.' },
    });
  }, 60_000);

  it('decides the mapped duties of the three profiles', async () => {
    await fresh();
    await buildEvaluation(t.ctx, join(dataDir, 'files'), { year: 2026, stage: 'submitted' });
    const statusOf = async (profile: string, id: string) => {
      const result = await evaluateProfile(
        t.ctx.db,
        await loadProfile(t.ctx.db, profile),
        '2026-09-01',
      );
      const o = result.obligations.find((x) => x.obligation.id === id);
      return o?.parties.map((p) => [p.key, p.status, p.decidedBy]);
    };
    expect(await statusOf('oku-timur-2022', 'oku-timur-2022.p36.a1')).toEqual([
      ['kominfo', 'met', 'review_within_period'],
    ]);
    expect(await statusOf('sragen-41-2019', 'sragen-41-2019.p26.a1')).toEqual([
      ['kominfo', 'met', 'review_within_period'],
    ]);
    expect(await statusOf('tabanan-44-2022', 'tabanan-44-2022.p29.a4.a')).toEqual([
      ['coordination_team', 'met', 'review_within_period'],
    ]);
    // The report to the Bupati through the Sekda is no record of the evaluation module: the Dinas
    // records it as a yearly submission.
    expect(await statusOf('oku-timur-2022', 'oku-timur-2022.p36.a4')).toEqual([
      ['kominfo', 'missing', 'recurring_submission'],
    ]);
  }, 60_000);
});
