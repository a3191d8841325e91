import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../platform/auth/roles.js';
import { SAMPLE_PDF, uploadForm } from '../../../platform/files/testing/factories.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { buildApplication } from '../testing/factories.js';

let t: TestApp;
let dataDir: string;
let agencyA: string;
let agencyB: string;
let operatorA: Session;
let operatorB: Session;
let admin: Session;
let auditor: Session;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-app-http-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  await ensureKominfo(t.ctx);
  agencyA = (await buildAgency(t.ctx, { name: 'Dinas Kesehatan Uji' })).id;
  agencyB = (await buildAgency(t.ctx)).id;
  const session = async (roles: Role[], agencyId?: string) =>
    signIn(t.app, (await buildUser(t.ctx, { roles, agencyId })).email);
  operatorA = await session(['agency_operator'], agencyA);
  operatorB = await session(['agency_operator'], agencyB);
  admin = await session(['kominfo_admin']);
  auditor = await session(['auditor']);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const api = (
  s: Session,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
  lang = 'id',
) =>
  t.app.inject({
    method,
    url,
    headers: { ...s.headers, 'accept-language': lang },
    payload: payload as never,
  });

const base = {
  kind: 'khusus',
  hostingLocation: 'pusat_data_daerah',
  dataClassification: 'terbatas',
};

describe('applications API', () => {
  it('registers an application and returns its detail', async () => {
    const res = await api(operatorA, 'POST', '/api/v1/applications', {
      ...base,
      agencyId: agencyA,
      name: 'SIMPUS Puskesmas Uji',
      url: 'https://simpus.ujikab.go.id',
      subdomain: 'simpus.ujikab.go.id',
      vendorName: 'CV Data Sehat',
      handoverStatus: 'pending',
    });
    expect(res.statusCode).toBe(201);
    const app = res.json();
    expect(app).toMatchObject({
      name: 'SIMPUS Puskesmas Uji',
      agency: { id: agencyA, name: 'Dinas Kesehatan Uji' },
      stage: 'kajian_kebutuhan',
      completeness: { required: true, present: 0, total: 4 },
      documents: [
        { kind: 'requirements', current: null, history: [] },
        { kind: 'design', current: null, history: [] },
        { kind: 'user_manual', current: null, history: [] },
        { kind: 'source_code', current: null, history: [] },
      ],
      lifecycle: {
        workflowId: 'application_lifecycle',
        availableTransitions: [{ name: 'to_planning', requireComment: false }],
      },
    });
    expect(app.lifecycle.stages).toHaveLength(7);
    expect(app.lifecycle.timeline[0]).toMatchObject({
      transition: 'start',
      label: { id: 'Didaftarkan', en: 'Registered' },
    });
  });

  it('shows why a transition is refused yet: no consultation, then none once recorded', async () => {
    const created = await api(operatorA, 'POST', '/api/v1/applications', {
      ...base,
      agencyId: agencyA,
      name: 'SI Konsultasi Uji',
    });
    const id = created.json().id as string;
    const move = (s: Session, transition: string, comment?: string) =>
      api(s, 'POST', `/api/v1/applications/${id}/transitions`, { transition, comment });
    expect((await move(operatorA, 'to_planning')).statusCode).toBe(200);
    const design = await move(operatorA, 'to_design');
    expect(design.statusCode).toBe(200);
    // The answer of a transition is the detail too: the guard has been run.
    expect(design.json().lifecycle.availableTransitions).toEqual([
      expect.objectContaining({
        name: 'to_implementation',
        blockedBy: {
          code: 'application.consultationRequired',
          message: expect.stringContaining('Pasal 7 ayat (3)'),
        },
      }),
    ]);
    const english = await api(operatorA, 'GET', `/api/v1/applications/${id}`, undefined, 'en');
    expect(english.json().lifecycle.availableTransitions[0].blockedBy).toEqual({
      code: 'application.consultationRequired',
      message:
        'Implementation needs a recorded consultation with the Kepala Dinas (Tabanan 44/2022 Pasal 7(3)).',
    });
    // The server still refuses the click.
    expect((await move(operatorA, 'to_implementation')).statusCode).toBe(409);

    expect((await move(admin, 'record_consultation', 'Konsultasi dicatat.')).statusCode).toBe(200);
    const after = await api(operatorA, 'GET', `/api/v1/applications/${id}`);
    expect(after.json().lifecycle.availableTransitions).toEqual([
      expect.objectContaining({ name: 'to_implementation', blockedBy: null }),
    ]);
    expect((await move(operatorA, 'to_implementation')).statusCode).toBe(200);
  });

  it('refuses unknown fields, bad values and another agency', async () => {
    const bad = await api(operatorA, 'POST', '/api/v1/applications', {
      ...base,
      agencyId: agencyA,
      name: 'Aplikasi Salah',
      hostingLocation: 'rumah',
      stage: 'selesai',
      owner: 'saya',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/hostingLocation', '/owner', '/stage']);
    const other = await api(operatorA, 'POST', '/api/v1/applications', {
      ...base,
      agencyId: agencyB,
      name: 'Bukan Milik Saya',
    });
    expect(other.statusCode).toBe(403);
  });

  it("hides another agency's applications: 404 on read, edit and transition, absent from lists", async () => {
    const app = await buildApplication(t.ctx, { agencyId: agencyA });
    const url = `/api/v1/applications/${app.id}`;
    expect((await api(operatorB, 'GET', url)).statusCode).toBe(404);
    expect((await api(operatorB, 'PATCH', url, { name: 'Diubah' })).statusCode).toBe(404);
    expect(
      (await api(operatorB, 'POST', `${url}/transitions`, { transition: 'to_planning' }))
        .statusCode,
    ).toBe(404);
    const list = await api(operatorB, 'GET', '/api/v1/applications?pageSize=100');
    expect(list.json().items.map((a: { id: string }) => a.id)).not.toContain(app.id);
    // The oversight roles read every agency's applications, but do not edit them.
    expect((await api(auditor, 'GET', url)).statusCode).toBe(200);
    expect((await api(auditor, 'PATCH', url, { name: 'Diubah' })).statusCode).toBe(403);
  });

  it('answers transitions: wrong role 403, invalid 409, missing comment 400', async () => {
    const app = await buildApplication(t.ctx, { agencyId: agencyA, stage: 'evaluasi' });
    const url = `/api/v1/applications/${app.id}/transitions`;
    const wrongRole = await api(auditor, 'POST', url, {
      transition: 'close_evaluation',
      comment: 'x',
    });
    expect(wrongRole.statusCode).toBe(403);
    const invalid = await api(operatorA, 'POST', url, { transition: 'to_planning' });
    expect(invalid.statusCode).toBe(409);
    expect(invalid.json().detail).toBe(
      'Tindakan "Lanjut ke perencanaan" tidak dapat dilakukan pada status "Evaluasi".',
    );
    const noComment = await api(operatorA, 'POST', url, { transition: 'close_evaluation' }, 'en');
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().errors).toEqual([
      { path: '/comment', message: 'This action needs a comment.' },
    ]);
    const ok = await api(operatorA, 'POST', url, {
      transition: 'close_evaluation',
      comment: 'Masih layak dipakai.',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ stage: 'pemeliharaan' });
    expect(ok.json().lifecycle.timeline.at(-1)).toMatchObject({
      transition: 'close_evaluation',
      comment: 'Masih layak dipakai.',
      label: { en: 'Close the evaluation, keep running' },
    });
  });

  it('attaches uploaded files as documents and reports completeness', async () => {
    const app = await buildApplication(t.ctx, { agencyId: agencyA });
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: operatorA.headers,
      payload: uploadForm(agencyA, 'srs.pdf', SAMPLE_PDF),
    });
    expect(upload.statusCode).toBe(201);
    const res = await api(operatorA, 'POST', `/api/v1/applications/${app.id}/documents`, {
      kind: 'requirements',
      fileId: upload.json().id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().completeness).toEqual({
      required: true,
      present: 1,
      total: 4,
      missing: ['design', 'user_manual', 'source_code'],
    });
    expect(res.json().documents[0].current).toMatchObject({
      kind: 'requirements',
      version: 1,
      originalName: 'srs.pdf',
      mediaType: 'application/pdf',
    });
    const badKind = await api(operatorA, 'POST', `/api/v1/applications/${app.id}/documents`, {
      kind: 'kontrak',
      fileId: upload.json().id,
    });
    expect(badKind.statusCode).toBe(400);
  });

  it('searches, filters and pages', async () => {
    const agencyId = (await buildAgency(t.ctx)).id;
    await buildApplication(t.ctx, { agencyId, name: 'Pencarian Satu', kind: 'umum' });
    await buildApplication(t.ctx, { agencyId, name: 'Pencarian Dua', stage: 'implementasi' });
    const overdue = await buildApplication(t.ctx, {
      agencyId,
      name: 'Pencarian Tiga',
      lastAuditDate: '2022-01-10',
    });
    const q = (query: string) =>
      api(admin, 'GET', `/api/v1/applications?agencyId=${agencyId}&${query}`).then((r) => {
        expect(r.statusCode).toBe(200);
        return r.json() as { items: { name: string; id: string }[]; total: number };
      });
    expect((await q('q=pencarian&pageSize=2&page=2')).items.map((a) => a.name)).toEqual([
      'Pencarian Tiga',
    ]);
    expect((await q('kind=umum')).items.map((a) => a.name)).toEqual(['Pencarian Satu']);
    expect((await q('stage=implementasi')).items.map((a) => a.name)).toEqual(['Pencarian Dua']);
    const late = await q('auditOverdue=true');
    expect(late.items).toEqual([expect.objectContaining({ id: overdue.id, auditOverdue: true })]);
    expect((await q('auditOverdue=false')).total).toBe(2);
    expect((await q('missingDocuments=true')).total).toBe(3);
    expect((await q('status=retired')).total).toBe(0);
    expect((await api(admin, 'GET', '/api/v1/applications?stage=selesai')).statusCode).toBe(400);
  });

  it('exports the filtered list as a workbook the caller can read back', async () => {
    const agencyId = (await buildAgency(t.ctx, { name: 'Badan Ekspor Uji' })).id;
    await buildApplication(t.ctx, { agencyId, name: 'Ekspor Lama', lastAuditDate: '2021-06-01' });
    await buildApplication(t.ctx, { agencyId, name: 'Ekspor Baru' });
    const res = await api(
      admin,
      'GET',
      `/api/v1/applications/export.xlsx?agencyId=${agencyId}&auditOverdue=true`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="aplikasi-spbe-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const rows = await readSheet(res.rawPayload);
    expect(rows[0]?.slice(0, 4)).toEqual(['Nama aplikasi', 'Kode PD', 'Perangkat Daerah', 'Jenis']);
    expect(rows).toHaveLength(2);
    const header = rows[0] as string[];
    const row = rows[1] ?? [];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Nama aplikasi')).toBe('Ekspor Lama');
    expect(cell('Perangkat Daerah')).toBe('Badan Ekspor Uji');
    expect(cell('Tahap')).toBe('Kajian kebutuhan');
    expect(cell('Dokumen lengkap')).toBe('0/4');
    expect(cell('Audit terlambat')).toBe('Ya');
    expect(cell('Jatuh tempo audit')).toEqual(new Date('2023-06-01T00:00:00Z'));

    // Scoped like the list: another agency's operator gets an empty sheet, in English.
    const theirs = await api(
      operatorB,
      'GET',
      `/api/v1/applications/export.xlsx?agencyId=${agencyId}`,
      undefined,
      'en',
    );
    const theirRows = await readSheet(theirs.rawPayload);
    expect(theirRows).toEqual([expect.arrayContaining(['Application', 'Agency'])]);
  });

  it('lists the national aplikasi umum for every signed-in user', async () => {
    const res = await api(operatorB, 'GET', '/api/v1/reference/national-applications');
    expect(res.statusCode).toBe(200);
    const codes = res.json().items.map((n: { code: string }) => n.code);
    expect(codes).toEqual(expect.arrayContaining(['srikandi', 'sipd', 'sp4n-lapor', 'e-kinerja']));
    expect(res.json().items[0]).toMatchObject({ version: '2026.1', active: true });
    expect(res.json().items[0].source).not.toBe('');
  });
});
