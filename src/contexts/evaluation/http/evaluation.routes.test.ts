import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import { SAMPLE_PDF, uploadForm } from '../../../platform/files/testing/factories.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildApplication } from '../../applications/testing/factories.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { evaluationFrameworks } from '../db/tables.js';
import { readShippedFramework, SHIPPED_FRAMEWORK_IDS } from '../frameworks.js';
import { pdfText } from '../testing/pdf-text.js';
import { evaluationStatusByYear } from '../use-cases/evaluation-status.js';

let t: TestApp;
let dataDir: string;
let agencyB: string;
let admin: Session;
let coordinator: Session;
let validator: Session;
let member: Session;
let outsider: Session;
let ids: { coordinator: string; validator: string; member: string };

const base = '/api/v1/evaluation';
const session = async (
  roles: NonNullable<Parameters<typeof buildUser>[1]>['roles'],
  agencyId?: string,
) => {
  const u = await buildUser(t.ctx, { roles, agencyId });
  return { id: u.id, s: await signIn(t.app, u.email) };
};
const req = (
  s: Session | null,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  lang = 'id',
) =>
  t.app.inject({
    method,
    url: `${base}${url}`,
    headers: { ...(s?.headers ?? {}), 'accept-language': lang },
    payload: payload as never,
  });
const all = (level: number, count = 47) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [String(i + 1), level]));

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-evaluation-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  await ensureKominfo(t.ctx);
  agencyB = (await buildAgency(t.ctx)).id;
  admin = (await session(['kominfo_admin'])).s;
  const c = await session(['coordination_team']);
  const v = await session(['internal_assessor']);
  const m = await session(['agency_operator'], agencyB);
  coordinator = c.s;
  validator = v.s;
  member = m.s;
  outsider = (await session(['agency_operator'])).s;
  ids = { coordinator: c.id, validator: v.id, member: m.id };
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('frameworks as data', () => {
  it('the migration loaded exactly the shipped JSON files', async () => {
    const rows = await t.database.db.select().from(evaluationFrameworks);
    expect(rows.map((r) => r.id).sort()).toEqual([...SHIPPED_FRAMEWORK_IDS].sort());
    for (const row of rows) expect(row.definition).toEqual(readShippedFramework(row.id));
    const res = await req(member, 'GET', '/frameworks/permenpanrb-59-2020');
    expect(res.statusCode).toBe(200);
    expect(res.json().indicators).toHaveLength(47);
    expect(res.json().indicators[0].criteria[0].text).toMatch(/^Konsep kebijakan internal/);
  });

  it('a successor framework (Indeks Pemerintah Digital shape) works as data, with no code change', async () => {
    // PEMDI as announced (KemenPANRB B/66/PD.02/2025, unofficial summary): 9 aspects, 35
    // indicators. Modelled as one domain; indicators split evenly here for the test.
    const aspectWeights = [5, 5, 20, 6, 9, 10, 10, 15, 20];
    const perAspect = [4, 4, 4, 4, 4, 4, 4, 4, 3];
    let no = 0;
    const pemdi = {
      id: 'pemdi-test',
      title: 'Indeks Pemerintah Digital (uji)',
      regulation: 'uji',
      indexName: 'Indeks Pemerintah Digital',
      validFromYear: 2026,
      source: 'uji',
      levelScales: [
        {
          key: 'pemdi',
          name: 'Tingkat',
          appliesToDomains: [1],
          levels: ['Rintisan', 'Terkelola', 'Terstandarisasi', 'Terintegrasi', 'Optimum'].map(
            (name, i) => ({ level: i + 1, name }),
          ),
        },
      ],
      predikat: [
        { name: 'Tinggi', min: 3.5 },
        { name: 'Sedang', min: 2 },
        { name: 'Rendah', min: 0 },
      ],
      domains: [{ no: 1, name: 'Pemerintah Digital', weight: 100 }],
      aspects: aspectWeights.map((weight, i) => ({
        no: i + 1,
        domain: 1,
        name: `Aspek ${i + 1}`,
        weight,
      })),
      indicators: aspectWeights.flatMap((weight, i) =>
        Array.from({ length: perAspect[i] ?? 0 }, () => ({
          no: ++no,
          aspect: i + 1,
          name: `Indikator ${no}`,
          weight: weight / (perAspect[i] ?? 1),
          criteria: [],
        })),
      ),
    };
    await t.database.db
      .insert(evaluationFrameworks)
      .values({ id: pemdi.id, title: pemdi.title, validFromYear: 2026, definition: pemdi });
    const levels = Object.fromEntries(Array.from({ length: 35 }, (_, i) => [String(i + 1), 4]));
    const res = await req(member, 'POST', '/compute', { frameworkId: 'pemdi-test', levels });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ index: 4, rating: 'Tinggi' });
    expect(res.json().aspects).toHaveLength(9);
    await t.database.db
      .delete(evaluationFrameworks)
      .where(eq(evaluationFrameworks.id, 'pemdi-test'));
  });

  it('an unknown framework is a 404 problem naming it', async () => {
    const res = await req(member, 'GET', '/frameworks/pemdi-2099', undefined, 'en');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().detail).toBe('Unknown evaluation framework "pemdi-2099".');
  });
});

describe('POST /compute', () => {
  it('computes the index, domains and aspects (two decimals) for complete levels', async () => {
    const levels = { ...all(3), '11': 3, '12': 4, '13': 3, '14': 2 };
    const res = await req(member, 'POST', '/compute', {
      frameworkId: 'permenpanrb-59-2020',
      levels,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.aspects.find((a: { no: number }) => a.no === 2).index).toBe(3);
    expect(body.index).toBe(3);
    expect(body.rating).toBe('Baik');
    expect(body.domains).toHaveLength(4);
  });

  it('refuses levels outside the scale, missing and unknown indicators, unknown frameworks', async () => {
    const bad = { ...all(3), '5': 0, '6': 7, '99': 3 } as Record<string, number>;
    delete bad['47'];
    const res = await req(member, 'POST', '/compute', {
      frameworkId: 'permenpanrb-59-2020',
      levels: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/levels/47', '/levels/5', '/levels/6', '/levels/99'].sort());
    expect(res.json().errors.find((e: { path: string }) => e.path === '/levels/6').message).toBe(
      'Tingkat harus bilangan bulat 1–5.',
    );
    const unknown = await req(member, 'POST', '/compute', { frameworkId: 'nope', levels: all(3) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors[0].path).toBe('/frameworkId');
    const noBody = await req(member, 'POST', '/compute', {
      frameworkId: 'permenpanrb-59-2020',
      levels: 'x',
    });
    expect(noBody.statusCode).toBe(400);
  });
});

describe('an evaluation from self-assessment to the external result', () => {
  let id: string;

  it('is opened by the Tim Koordinasi with weights frozen, once per year', async () => {
    const denied = await req(member, 'POST', '/evaluations', {
      year: 2026,
      frameworkId: 'permenpanrb-59-2020',
    });
    expect(denied.statusCode).toBe(403);
    const res = await req(coordinator, 'POST', '/evaluations', {
      year: 2026,
      frameworkId: 'permenpanrb-59-2020',
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      year: 2026,
      stage: 'self_assessment',
      myRole: 'coordinator',
    });
    expect(res.json().indicators).toHaveLength(47);
    const again = await req(coordinator, 'POST', '/evaluations', {
      year: 2026,
      frameworkId: 'permenpanrb-59-2020',
    });
    expect(again.statusCode).toBe(409);
    const unknown = await req(coordinator, 'POST', '/evaluations', {
      year: 2027,
      frameworkId: 'x',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('is hidden from users outside the team and oversight', async () => {
    expect((await req(outsider, 'GET', `/evaluations/${id}`)).statusCode).toBe(404);
    expect((await req(outsider, 'GET', '/evaluations')).json().items).toEqual([]);
  });

  it('gets a team and indicator assignments from the coordinator', async () => {
    const team = {
      members: [
        { userId: ids.coordinator, role: 'coordinator' },
        { userId: ids.validator, role: 'responsible' },
        { userId: ids.member, role: 'member', function: 'perencanaan' },
      ],
    };
    expect((await req(member, 'PUT', `/evaluations/${id}/team`, team)).statusCode).toBe(404);
    const noCoord = await req(coordinator, 'PUT', `/evaluations/${id}/team`, {
      members: [{ userId: ids.member, role: 'member' }],
    });
    expect(noCoord.statusCode).toBe(400);
    const res = await req(coordinator, 'PUT', `/evaluations/${id}/team`, team);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members).toHaveLength(3);
    const assign = await req(coordinator, 'POST', `/evaluations/${id}/assignments`, {
      indicatorNos: [11, 12, 15],
      assigneeId: ids.member,
    });
    expect(assign.statusCode, assign.body).toBe(200);
    expect(assign.json().indicators.find((i: { no: number }) => i.no === 15).assigneeId).toBe(
      ids.member,
    );
    const badAssign = await req(coordinator, 'POST', `/evaluations/${id}/assignments`, {
      indicatorNos: [48],
      assigneeId: ids.validator,
    });
    expect(badAssign.statusCode).toBe(400);
    expect(badAssign.json().errors[0].path).toBe('/indicatorNos/0');
  });

  it('takes the member’s answer with evidence on their indicator only', async () => {
    const file = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: uploadForm(agencyB, 'Perbup Arsitektur SPBE.pdf', SAMPLE_PDF),
      headers: member.headers,
    });
    expect(file.statusCode).toBe(201);
    const app = await buildApplication(t.ctx, { agencyId: agencyB });
    const body = {
      level: 3,
      explanation: 'Aplikasi dibangun mengikuti standar di seluruh PD.',
      evidenceFileIds: [file.json().id],
      evidenceLinks: [{ kind: 'application', ref: app.id, label: 'Register Aplikasi SPBE' }],
    };
    const res = await req(member, 'PUT', `/evaluations/${id}/indicators/15/self-assessment`, body);
    expect(res.statusCode, res.body).toBe(200);
    const ind = res.json().indicators.find((i: { no: number }) => i.no === 15);
    expect(ind).toMatchObject({
      selfLevel: 3,
      evidenceFiles: [{ name: 'Perbup Arsitektur SPBE.pdf' }],
    });
    expect(res.json().indices.self).toMatchObject({ missing: 46 });
    // Not their indicator.
    expect(
      (await req(member, 'PUT', `/evaluations/${id}/indicators/16/self-assessment`, body))
        .statusCode,
    ).toBe(403);
    // Out of scale, unknown file and link.
    const bad = await req(
      member,
      'PUT',
      `/evaluations/${id}/indicators/15/self-assessment`,
      {
        level: 6,
        evidenceFileIds: ['00000000-0000-4000-8000-000000000000'],
        evidenceLinks: [
          { kind: 'application', ref: '00000000-0000-4000-8000-000000000000', label: 'x' },
        ],
      },
      'en',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/level',
      '/evidenceFileIds/0',
      '/evidenceLinks/0/ref',
    ]);
    expect(bad.json().errors[0].message).toBe('The level must be a whole number from 1 to 5.');
  });

  it('lets the validator change a level only with a note, and the index follows', async () => {
    // The coordinator answers the rest at 3.
    for (let no = 1; no <= 47; no++) {
      if (no === 15) continue;
      const r = await req(
        coordinator,
        'PUT',
        `/evaluations/${id}/indicators/${no}/self-assessment`,
        { level: 3 },
      );
      expect(r.statusCode, r.body).toBe(200);
    }
    const before = (await req(validator, 'GET', `/evaluations/${id}`)).json();
    expect(before.indices.validated).toMatchObject({ index: 3, missing: 0, rating: 'Baik' });
    const noNote = await req(validator, 'PUT', `/evaluations/${id}/indicators/15/validation`, {
      level: 2,
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].path).toBe('/note');
    expect(
      (
        await req(member, 'PUT', `/evaluations/${id}/indicators/15/validation`, {
          level: 2,
          note: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const res = await req(validator, 'PUT', `/evaluations/${id}/indicators/15/validation`, {
      level: 2,
      note: 'Standar belum diterapkan di semua PD.',
    });
    expect(res.statusCode, res.body).toBe(200);
    // 3 − 2,5/100 = 2,975 → 2,98 (half up), self unchanged.
    expect(res.json().indices.validated.indexUnrounded).toBeCloseTo(2.975, 12);
    expect(res.json().indices.validated.index).toBe(2.98);
    expect(res.json().indices.self.index).toBe(3);
  });

  it('offers what-if and the target planner on the validated levels', async () => {
    const wi = await req(member, 'POST', `/evaluations/${id}/what-if`, { levels: { '42': 5 } });
    expect(wi.statusCode).toBe(200);
    expect(wi.json().indexUnrounded).toBeCloseTo(2.975 + 0.06, 12);
    const badWi = await req(member, 'POST', `/evaluations/${id}/what-if`, { levels: { '42': 9 } });
    expect(badWi.statusCode).toBe(400);
    const plan = await req(member, 'POST', `/evaluations/${id}/plan`, {
      targetRating: 'Sangat Baik',
      efforts: { '42': 10, '43': 10 },
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json()).toMatchObject({ reachable: true, rating: 'Sangat Baik' });
    expect(plan.json().index).toBeGreaterThanOrEqual(3.5);
    const badPlan = await req(member, 'POST', `/evaluations/${id}/plan`, {
      targetRating: 'Luar Biasa',
    });
    expect(badPlan.statusCode).toBe(400);
    expect(badPlan.json().errors[0].path).toBe('/targetRating');
  });

  it('moves through validation and submission (Berita Acara required) to the external result', async () => {
    const go = (s: Session, transition: string, comment?: string) =>
      req(s, 'POST', `/evaluations/${id}/transitions`, { transition, comment });
    expect((await go(member, 'start_validation')).statusCode).toBe(403);
    expect((await go(validator, 'start_validation')).statusCode).toBe(200);
    // The self-assessment is frozen now.
    expect(
      (
        await req(coordinator, 'PUT', `/evaluations/${id}/indicators/1/self-assessment`, {
          level: 4,
        })
      ).statusCode,
    ).toBe(409);
    const noBa = await go(coordinator, 'submit');
    expect(noBa.statusCode).toBe(409);
    expect(noBa.json().detail).toMatch(/Berita Acara/);
    const draft = await req(coordinator, 'GET', `/evaluations/${id}/berita-acara-draft.pdf`);
    expect(draft.statusCode).toBe(200);
    expect(pdfText(draft.rawPayload)).toContain('BERITA ACARA PENILAIAN MANDIRI');
    const scan = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: uploadForm(agencyB, 'BA ditandatangani.pdf', SAMPLE_PDF),
      headers: coordinator.headers,
    });
    expect(
      (await req(coordinator, 'PUT', `/evaluations/${id}/berita-acara`, { fileId: scan.json().id }))
        .statusCode,
    ).toBe(200);
    expect((await go(coordinator, 'submit')).statusCode).toBe(200);
    expect(
      (await evaluationStatusByYear(t.database.db)).find((s) => s.year === 2026),
    ).toMatchObject({
      submitted: true,
      done: false,
    });
    const partial = await req(coordinator, 'PUT', `/evaluations/${id}/external-levels`, {
      levels: { '1': 2 },
      source: 'KepmenPANRB 100/2027',
    });
    expect(partial.statusCode).toBe(200);
    expect((await go(coordinator, 'record_external_result')).statusCode).toBe(409);
    const bad = await req(coordinator, 'PUT', `/evaluations/${id}/external-levels`, {
      levels: { '1': 0 },
    });
    expect(bad.statusCode).toBe(400);
    const full = await req(coordinator, 'PUT', `/evaluations/${id}/external-levels`, {
      levels: all(3),
    });
    expect(full.json().indices.external).toMatchObject({ index: 3, missing: 0 });
    expect((await go(coordinator, 'record_external_result')).statusCode).toBe(200);
    expect(
      (await evaluationStatusByYear(t.database.db)).find((s) => s.year === 2026),
    ).toMatchObject({
      stage: 'completed',
      done: true,
    });
  });

  it('exports the report PDF with the index in its text and the indicator sheet', async () => {
    const pdf = await req(validator, 'GET', `/evaluations/${id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Laporan Evaluasi SPBE 2026');
    expect(text).toContain('2,98');
    expect(text).toContain('Rekomendasi perbaikan');
    const xlsx = await req(validator, 'GET', `/evaluations/${id}/indicators.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const rows = await readSheet(xlsx.rawPayload);
    expect(rows).toHaveLength(48);
    expect(rows[0]?.[0]).toBe('No');
    expect(rows[15]?.slice(0, 1)).toEqual([15]);
    expect(rows[15]?.[9]).toBe(2);
    expect(rows[15]?.[10]).toBe('Standar belum diterapkan di semua PD.');
    expect((await req(outsider, 'GET', `/evaluations/${id}/report.pdf`)).statusCode).toBe(404);
  });

  it('lists evaluations with their indices per stage (the trend)', async () => {
    const res = await req(admin, 'GET', '/evaluations');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ year: 2026, stage: 'completed' });
    expect(res.json().items[0].validated.index).toBe(2.98);
    expect(res.json().items[0].external.index).toBe(3);
  });
});

describe('bad input is a clear 4xx problem in the user’s language and changes nothing', () => {
  it('refuses malformed, mistyped, out-of-scale and unknown input without a trace', async () => {
    const created = await req(coordinator, 'POST', '/evaluations', {
      year: 2027,
      frameworkId: 'permenpanrb-59-2020',
    });
    const id = created.json().id;
    const events = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n;
    const before = await events();
    const raw = (url: string, payload: string) =>
      t.app.inject({
        method: 'PUT',
        url: `${base}${url}`,
        headers: {
          ...coordinator.headers,
          'content-type': 'application/json',
          'accept-language': 'en',
        },
        payload,
      });
    const cases = [
      await raw(`/evaluations/${id}/indicators/1/self-assessment`, '{"level": '),
      await req(coordinator, 'PUT', `/evaluations/${id}/indicators/1/self-assessment`, {
        level: '3',
      }),
      await req(coordinator, 'PUT', `/evaluations/${id}/indicators/1/self-assessment`, {
        level: 0,
      }),
      await req(coordinator, 'PUT', `/evaluations/${id}/indicators/1/self-assessment`, {
        level: 3,
        admin: true,
      }),
      await req(coordinator, 'PUT', `/evaluations/${id}/indicators/99/self-assessment`, {
        level: 3,
      }),
      await req(coordinator, 'PUT', `/evaluations/${id}/team`, { members: [] }),
      await req(coordinator, 'PUT', `/evaluations/${id}/team`, {
        members: [{ userId: ids.coordinator, role: 'bupati' }],
      }),
      await req(coordinator, 'POST', '/evaluations', {
        year: 1999,
        frameworkId: 'permenpanrb-59-2020',
      }),
      await req(coordinator, 'POST', `/evaluations/${id}/plan`, { targetIndex: 7 }),
      await req(coordinator, 'POST', `/evaluations/${id}/plan`, { efforts: { '1': 0 } }),
      await req(coordinator, 'POST', '/compute', {
        frameworkId: 'permenpanrb-59-2020',
        levels: { '1': 'tiga' },
      }),
    ];
    for (const res of cases) {
      expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().detail).toBeTruthy();
    }
    expect(cases[2]?.json().errors[0].message).toBe('Tingkat harus bilangan bulat 1–5.');
    expect(await events()).toBe(before);
    const ev = (await req(coordinator, 'GET', `/evaluations/${id}`)).json();
    expect(ev.indicators[0].selfLevel).toBeNull();
    expect(ev.members).toHaveLength(1);
  });
});
