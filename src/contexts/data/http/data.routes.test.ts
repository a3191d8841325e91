import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { createFileStore, type FileStore } from '../../../platform/files/file-store.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import {
  ALL_CHECKED,
  buildDataset,
  completeDataset,
  kecamatanSchema,
  validCsv,
} from '../testing/factories.js';

let t: TestApp;
let agencyA: string;
let producerA: Session;
let producerB: Session;
let walidata: Session;
let pembina: Session;
let dataDir: string;
let store: FileStore;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-data-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  store = createFileStore(join(dataDir, 'files'));
  const kominfo = await ensureKominfo(t.ctx);
  agencyA = (await buildAgency(t.ctx)).id;
  producerA = await signIn(
    t.app,
    (await buildUser(t.ctx, { roles: ['data_producer'], agencyId: agencyA })).email,
  );
  producerB = await signIn(t.app, (await buildUser(t.ctx, { roles: ['data_producer'] })).email);
  walidata = await signIn(
    t.app,
    (await buildUser(t.ctx, { roles: ['data_custodian'], agencyId: kominfo.id })).email,
  );
  pembina = await signIn(t.app, (await buildUser(t.ctx, { roles: ['coordination_team'] })).email);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const base = '/api/v1/data/datasets';
const get = (s: Session | null, url: string) => t.app.inject({ url, headers: s?.headers ?? {} });
const send = (
  s: Session,
  method: 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload: unknown,
  lang = 'id',
) =>
  t.app.inject({
    method,
    url,
    headers: { ...s.headers, 'accept-language': lang },
    payload: payload as never,
  });
const upload = (s: Session, url: string, name: string, bytes: Buffer, lang = 'id') => {
  const form = new FormData();
  form.append('file', new File([bytes], name));
  return t.app.inject({
    method: 'PUT',
    url,
    headers: { ...s.headers, 'accept-language': lang },
    payload: form as never,
  });
};
const ckan = (action: string, query = '') =>
  t.app.inject({ url: `/api/3/action/${action}${query}` });

async function draftWithTable(session = producerA, agencyId = agencyA) {
  const created = await send(session, 'POST', base, completeDataset(agencyId));
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  const withTable = await send(session, 'POST', `${base}/${id}/resources`, {
    kind: 'table',
    name: 'Posyandu per kecamatan',
    tableSchema: kecamatanSchema('jumlah', 'persen'),
  });
  expect(withTable.statusCode).toBe(201);
  return {
    id,
    resourceId: withTable.json().resources[0].id as string,
    name: created.json().name as string,
  };
}

describe('producer → walidata → portal (the "Done means" journey over HTTP)', () => {
  it('reports each failing row and column, publishes only after a fix, a return and a publish', async () => {
    const { id, resourceId, name } = await draftWithTable();
    const fileUrl = `${base}/${id}/resources/${resourceId}/file`;
    const broken = [
      'kode_wilayah;kecamatan;tahun;jumlah;persen',
      '51.02.01;Selemadeg;2025;1.200;90,5',
      '51.02.99;Entah;2025;800;91,0', // line 3: not a Kemendagri code
      '51.02.03;Tabanan;2025;banyak;92,5', // line 4: not an integer
      '51.02.04;Kediri;2025;900;92.5', // line 5: a decimal point where the comma is
      '51.02.05;;2025;700;-1', // line 6: required kecamatan, below the minimum
    ].join('\n');
    const failed = await upload(producerA, fileUrl, 'posyandu.csv', Buffer.from(broken));
    expect(failed.statusCode).toBe(200);
    const report = failed.json().resources[0].validation;
    expect(report.valid).toBe(false);
    expect(report.rowCount).toBe(5);
    expect(
      report.errors.map((e: { row: number; column: string; code: string }) => [
        e.row,
        e.column,
        e.code,
      ]),
    ).toEqual([
      [3, 'kode_wilayah', 'foreignKey'],
      [4, 'jumlah', 'type.integer'],
      [5, 'persen', 'type.number'],
      [6, 'kecamatan', 'constraint.required'],
      [6, 'persen', 'constraint.minimum'],
    ]);
    expect(report.errors[0].message).toContain('kemendagri-wilayah');

    // A failing file is never published: submission is refused and the button says why.
    expect(failed.json().availableTransitions[0]).toMatchObject({
      name: 'submit',
      blockedBy: { code: 'data.dataset.invalidTable' },
    });
    expect(
      (await send(producerA, 'POST', `${base}/${id}/transitions`, { transition: 'submit' }))
        .statusCode,
    ).toBe(409);

    const csv = validCsv();
    const fixed = await upload(producerA, fileUrl, 'posyandu.csv', Buffer.from(csv));
    expect(fixed.json().resources[0].validation).toMatchObject({
      valid: true,
      rowCount: 10,
      errorCount: 0,
    });
    expect(
      (await send(producerA, 'POST', `${base}/${id}/transitions`, { transition: 'submit' }))
        .statusCode,
    ).toBe(200);

    // The walidata returns it once with a note (a note is required), then publishes with the checklist.
    const noNote = await send(walidata, 'POST', `${base}/${id}/transitions`, {
      transition: 'return',
    });
    expect(noNote.statusCode).toBe(400);
    const returned = await send(walidata, 'POST', `${base}/${id}/transitions`, {
      transition: 'return',
      comment: 'Lengkapi definisi operasional.',
    });
    expect(returned.json()).toMatchObject({
      state: 'returned',
      reviews: [{ decision: 'return', note: 'Lengkapi definisi operasional.' }],
    });
    const comment = await send(pembina, 'POST', `${base}/${id}/comments`, {
      body: 'Gunakan definisi BPS.',
    });
    expect(comment.statusCode).toBe(201);
    expect(
      (await send(producerA, 'POST', `${base}/${id}/transitions`, { transition: 'resubmit' }))
        .statusCode,
    ).toBe(200);
    const unchecked = await send(walidata, 'POST', `${base}/${id}/transitions`, {
      transition: 'publish',
      checklist: { ...ALL_CHECKED, kode_referensi: false },
    });
    expect(unchecked.statusCode).toBe(400);
    expect(unchecked.json().errors).toEqual([
      { path: '/checklist/kode_referensi', message: expect.any(String) },
    ]);
    const published = await send(walidata, 'POST', `${base}/${id}/transitions`, {
      transition: 'publish',
      checklist: ALL_CHECKED,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().state).toBe('published');

    // It appears in package_search (indonesian stemming: "posyandu kecamatan") and on the portal.
    const search = (
      await ckan('package_search', `?q=${encodeURIComponent('posyandu kecamatan')}&rows=1000`)
    ).json();
    expect(search.success).toBe(true);
    const pkg = search.result.results.find((p: { name: string }) => p.name === name);
    expect(pkg.resources).toHaveLength(1);
    const portal = await get(null, `/dataset?q=posyandu`);
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain(`/dataset/${name}`);

    // The CSV downloads unchanged, and as XLSX.
    const original = await t.app.inject({ url: new URL(pkg.resources[0].url).pathname });
    expect(original.statusCode).toBe(200);
    expect(original.rawPayload.equals(Buffer.from(csv))).toBe(true);
    const xlsx = await t.app.inject({ url: `/api/data/resource/${resourceId}/export.xlsx` });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet[0]).toEqual(['kode_wilayah', 'kecamatan', 'tahun', 'jumlah', 'persen']);
    expect(sheet[1]).toEqual(['51.02.01', 'Selemadeg', 2025, 1000, 90.5]);
    expect(sheet).toHaveLength(11);

    // The dataset page reads without JavaScript.
    const page = await get(null, `/dataset/${name}`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<table>');
    expect(page.body).toContain('Selemadeg');
    expect(page.body).toContain('<svg');
    expect(page.body).not.toContain('<script');
  });

  it('keeps another agency and the public out', async () => {
    const { id } = await draftWithTable();
    expect((await get(producerB, `${base}/${id}`)).statusCode).toBe(404);
    expect(
      (await send(producerB, 'PATCH', `${base}/${id}`, { title: 'Diubah orang lain' })).statusCode,
    ).toBe(404);
    expect((await get(walidata, `${base}/${id}`)).statusCode).toBe(200);
    // The walidata may not draft for an agency; a producer may not publish.
    expect(
      (await send(walidata, 'POST', `${base}/${id}/transitions`, { transition: 'submit' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('bad input', () => {
  it("answers a clear 4xx in the caller's language and changes nothing", async () => {
    const before = (await get(producerA, base)).json().total;
    const bad = await send(
      producerA,
      'POST',
      base,
      { ...completeDataset(agencyA), title: 'x', topic: 'astrologi' },
      'en',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/title', '/topic']),
    );
    const { id } = await draftWithTable();
    const unknownList = await send(producerA, 'POST', `${base}/${id}/resources`, {
      kind: 'table',
      name: 'T',
      tableSchema: {
        fields: [{ name: 'a' }],
        foreignKeys: [{ fields: 'a', reference: { resource: 'ref:tidak-ada', fields: 'code' } }],
      },
    });
    expect(unknownList.statusCode).toBe(400);
    expect(unknownList.json().errors[0].path).toBe('/tableSchema/foreignKeys/0/reference/resource');
    const dupField = await send(producerA, 'POST', `${base}/${id}/resources`, {
      kind: 'table',
      name: 'T',
      tableSchema: { fields: [{ name: 'a' }, { name: 'a' }] },
    });
    expect(dupField.json().errors[0].path).toBe('/tableSchema/fields/1/name');
    const badType = await send(producerA, 'POST', `${base}/${id}/resources`, {
      kind: 'table',
      name: 'T',
      tableSchema: { fields: [{ name: 'a', type: 'money' }] },
    });
    expect(badType.statusCode).toBe(400);
    expect(
      (await send(producerA, 'POST', `${base}/${id}/transitions`, { transition: 'launch' }))
        .statusCode,
    ).toBe(400);
    expect((await get(producerA, `${base}/not-a-uuid`)).statusCode).toBe(400);
    expect((await get(producerA, base)).json().total).toBe(before + 1);
  });
});

describe('hostile uploads', () => {
  it('converts Windows-1252 to UTF-8 and reads a UTF-8 BOM', async () => {
    const { id, resourceId } = await draftWithTable();
    const url = `${base}/${id}/resources/${resourceId}/file`;
    const latin = Buffer.from(
      `kode_wilayah;kecamatan;tahun;jumlah;persen\n51.02.01;Selemadég;2025;1;90,5\n`,
      'latin1',
    );
    const res = await upload(producerA, url, 'cp1252.csv', latin);
    expect(res.json().resources[0].validation).toMatchObject({
      valid: true,
      encoding: 'windows-1252',
    });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(validCsv())]);
    const withBom = await upload(producerA, url, 'bom.csv', bom);
    expect(withBom.json().resources[0].validation).toMatchObject({
      valid: true,
      encoding: 'utf-8-bom',
      rowCount: 10,
    });
  });

  it('refuses malformed CSV, binaries and non-tables with a 4xx that changes nothing', async () => {
    const { id, resourceId } = await draftWithTable();
    const url = `${base}/${id}/resources/${resourceId}/file`;
    const malformed = await upload(
      producerA,
      url,
      'rusak.csv',
      Buffer.from('a,b\n"1,2\n3,4\n'),
      'en',
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({ path: '/file' });
    expect(malformed.json().detail).toMatch(/malformed CSV/);
    const ragged = await upload(producerA, url, 'ragged.csv', Buffer.from('a,b\n1,2,3\n'));
    expect(ragged.statusCode).toBe(400);
    const pdf = await upload(producerA, url, 'data.csv', Buffer.from('%PDF-1.7\n\0\0binary'));
    expect(pdf.statusCode).toBe(400);
    const notTable = await upload(
      producerA,
      url,
      'gambar.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    );
    expect(notTable.statusCode).toBe(415);
    const fakeXlsx = await upload(
      producerA,
      url,
      'data.xlsx',
      Buffer.from('PK\u0003\u0004rubbish'),
    );
    expect(fakeXlsx.statusCode).toBe(400);
    const after = await get(producerA, `${base}/${id}`);
    expect(after.json().resources[0].validation).toBeNull();
  });

  it('validates a real XLSX upload per row and column, then previews its rows once published', async () => {
    const { id, resourceId, name } = await draftWithTable();
    const url = `${base}/${id}/resources/${resourceId}/file`;
    const header = ['kode_wilayah', 'kecamatan', 'tahun', 'jumlah', 'persen'].map((value) => ({
      value,
    }));
    const sheet = (rows: (string | number)[][]) =>
      writeXlsxFile([
        header,
        ...rows.map((r) =>
          r.map((value) =>
            typeof value === 'number' ? { value, type: Number } : { value, type: String },
          ),
        ),
      ]).toBuffer();
    // Numbers are typed cells in XLSX; a text cell where an integer belongs and an unknown
    // Kemendagri code fail on their own rows (line 1 is the header).
    const broken = await sheet([
      ['51.02.01', 'Selemadeg', 2025, 1200, 90.5],
      ['51.02.99', 'Entah', 2025, 800, 91],
      ['51.02.03', 'Tabanan', 2025, 'banyak', 92.5],
    ]);
    expect(broken.subarray(0, 2).toString()).toBe('PK');
    const failed = await upload(producerA, url, 'posyandu.xlsx', broken);
    expect(failed.statusCode).toBe(200);
    const report = failed.json().resources[0].validation;
    expect(report).toMatchObject({ valid: false, rowCount: 3, encoding: 'xlsx' });
    expect(
      report.errors.map((e: { row: number; column: string; code: string }) => [
        e.row,
        e.column,
        e.code,
      ]),
    ).toEqual([
      [3, 'kode_wilayah', 'foreignKey'],
      [4, 'jumlah', 'type.integer'],
    ]);

    const fixed = await upload(
      producerA,
      url,
      'posyandu.xlsx',
      await sheet([
        ['51.02.01', 'Selemadeg', 2025, 1200, 90.5],
        ['51.02.02', 'Kerambitan', 2025, 800, 91],
      ]),
    );
    const resource = fixed.json().resources[0];
    expect(resource).toMatchObject({ format: 'XLSX', fileName: 'posyandu.xlsx' });
    expect(resource.validation).toMatchObject({ valid: true, rowCount: 2, errorCount: 0 });
    await send(producerA, 'POST', `${base}/${id}/transitions`, { transition: 'submit' });
    const published = await send(walidata, 'POST', `${base}/${id}/transitions`, {
      transition: 'publish',
      checklist: ALL_CHECKED,
    });
    expect(published.json().state).toBe('published');
    // The preview and the data API read the parsed rows as logical values.
    const rows = (await t.app.inject({ url: `/api/data/resource/${resourceId}` })).json();
    expect(rows.records).toEqual([
      { kode_wilayah: '51.02.01', kecamatan: 'Selemadeg', tahun: 2025, jumlah: 1200, persen: 90.5 },
      { kode_wilayah: '51.02.02', kecamatan: 'Kerambitan', tahun: 2025, jumlah: 800, persen: 91 },
    ]);
    const page = await get(null, `/dataset/${name}`);
    expect(page.body).toContain('Kerambitan');
  });

  it('neutralises formula injection in CSV and XLSX exports but serves the original as sent', async () => {
    const ds = await send(producerA, 'POST', base, completeDataset(agencyA));
    const id = ds.json().id;
    const res = await send(producerA, 'POST', `${base}/${id}/resources`, {
      kind: 'table',
      name: 'Catatan',
      tableSchema: {
        fields: [
          { name: 'catatan', type: 'string' },
          { name: 'nilai', type: 'integer' },
        ],
      },
    });
    const resourceId = res.json().resources[0].id;
    const csv = 'catatan,nilai\n"=HYPERLINK(""http://x"",""klik"")",1\n+cmd,-5\n@SUM(A1),2\n';
    const uploaded = await upload(
      producerA,
      `${base}/${id}/resources/${resourceId}/file`,
      'catatan.csv',
      Buffer.from(csv),
    );
    expect(uploaded.json().resources[0].validation.valid).toBe(true);
    await send(producerA, 'POST', `${base}/${id}/transitions`, { transition: 'submit' });
    await send(walidata, 'POST', `${base}/${id}/transitions`, {
      transition: 'publish',
      checklist: ALL_CHECKED,
    });
    const xlsx = await readSheet(
      (await t.app.inject({ url: `/api/data/resource/${resourceId}/export.xlsx` })).rawPayload,
    );
    expect(xlsx.slice(1)).toEqual([
      ['\'=HYPERLINK("http://x","klik")', 1],
      ["'+cmd", -5],
      ["'@SUM(A1)", 2],
    ]);
    const exported = (await t.app.inject({ url: `/api/data/resource/${resourceId}/export.csv` }))
      .body;
    expect(exported).toContain(`"'=HYPERLINK(""http://x"",""klik"")",1`);
    expect(exported).toContain("'+cmd,-5");
  });

  it('refuses a file over the upload limit with a 413', async () => {
    vi.stubEnv('SIMPUL_UPLOAD_LIMIT', '2048');
    const small = await createTestApp();
    vi.unstubAllEnvs();
    try {
      await ensureKominfo(small.ctx);
      const agency = (await buildAgency(small.ctx)).id;
      const s = await signIn(
        small.app,
        (await buildUser(small.ctx, { roles: ['data_producer'], agencyId: agency })).email,
      );
      const ds = await small.app.inject({
        method: 'POST',
        url: base,
        headers: s.headers,
        payload: completeDataset(agency),
      });
      const id = ds.json().id;
      const r = await small.app.inject({
        method: 'POST',
        url: `${base}/${id}/resources`,
        headers: s.headers,
        payload: { kind: 'table', name: 'Besar', tableSchema: { fields: [{ name: 'a' }] } },
      });
      const form = new FormData();
      form.append('file', new File([Buffer.from(`a\n${'x'.repeat(5000)}\n`)], 'besar.csv'));
      const res = await small.app.inject({
        method: 'PUT',
        url: `${base}/${id}/resources/${r.json().resources[0].id}/file`,
        headers: s.headers,
        payload: form as never,
      });
      expect(res.statusCode).toBe(413);
    } finally {
      await small.close();
    }
  });
});

describe('CKAN Action API', () => {
  it('lets a harvester page through every public dataset exactly once, resources included', async () => {
    const since = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const published = [];
    for (let i = 0; i < 7; i++) published.push(await buildDataset(t.ctx, store, agencyA));
    const restricted = await buildDataset(t.ctx, store, agencyA, 'published', {
      classification: 'restricted',
    });
    const draft = await buildDataset(t.ctx, store, agencyA, 'submitted');

    const seen: { id: string; num_resources: number; resources: unknown[] }[] = [];
    for (let start = 0; ; start += 3) {
      const res = await ckan(
        'package_search',
        `?rows=3&start=${start}&sort=${encodeURIComponent('id asc')}&fq=${encodeURIComponent(`metadata_modified:[${since} TO *]`)}`,
      );
      expect(res.statusCode).toBe(200);
      const page = res.json().result.results;
      if (page.length === 0) break;
      seen.push(...page);
    }
    const ids = seen.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of published) expect(ids).toContain(p.id);
    expect(ids).not.toContain(restricted.id);
    expect(ids).not.toContain(draft.id);
    expect([...ids].sort()).toEqual(ids);
    expect(seen.every((p) => p.num_resources === 1 && p.resources.length === 1)).toBe(true);

    expect((await ckan('package_show', `?id=${restricted.name}`)).statusCode).toBe(404);
    expect((await ckan('package_show', `?id=${restricted.name}`)).json()).toMatchObject({
      success: false,
      error: { __type: 'Not Found Error' },
    });
    expect((await ckan('package_list')).json().result).not.toContain(restricted.name);
    expect((await get(null, `/dataset/${restricted.name}`)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/data/resource/${restricted.resourceId}` })).statusCode,
    ).toBe(404);
  });

  it('answers the other read actions with CKAN envelopes and codes', async () => {
    const ds = await buildDataset(t.ctx, store, agencyA);
    const show = (await ckan('package_show', `?id=${ds.name}`)).json();
    expect(show).toMatchObject({
      success: true,
      help: expect.stringContaining('help_show?name=package_show'),
    });
    expect(show.result).toMatchObject({
      name: ds.name,
      type: 'dataset',
      private: false,
      num_resources: 1,
    });
    expect(show.result.metadata_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+$/);
    const orgs = (await ckan('organization_list', '?all_fields=true&limit=1000')).json().result;
    expect(orgs.length).toBeLessThanOrEqual(25);
    const orgName = show.result.organization.name;
    const org = (await ckan('organization_show', `?id=${orgName}&include_datasets=true`)).json()
      .result;
    expect(org.package_count).toBeGreaterThan(0);
    expect((await ckan('group_list')).json().result).toContain('kesehatan');
    expect((await ckan('group_show', '?id=kesehatan')).json().result.package_count).toBeGreaterThan(
      0,
    );
    expect((await ckan('tag_list')).json().result).toContain('posyandu');
    const resource = (await ckan('resource_show', `?id=${ds.resourceId}`)).json().result;
    expect(resource).toMatchObject({ id: ds.resourceId, format: 'CSV', url_type: 'upload' });
    expect((await ckan('status_show')).json().result.ckan_version).toBeTruthy();
    const facets = (
      await ckan(
        'package_search',
        `?facet.field=${encodeURIComponent('["organization","tags","res_format"]')}&rows=0`,
      )
    ).json();
    // Other tests publish XLSX tables too: the CSV item is there with its count.
    expect(facets.result.search_facets.res_format.items).toContainEqual(
      expect.objectContaining({ name: 'CSV', count: facets.result.facets.res_format.CSV }),
    );
    expect(facets.result.facets.res_format.CSV).toBeGreaterThan(0);
    expect(facets.result.facets.tags.posyandu).toBeGreaterThan(0);
    expect((await ckan('package_search', '?rows=5000')).statusCode).toBe(200);

    const unknown = await ckan('no_such_action');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toBe('Bad request - Action name not known: no_such_action');
    expect((await ckan('package_search', '?rows=abc')).json()).toMatchObject({
      success: false,
      error: { __type: 'Validation Error', rows: expect.any(Array) },
    });
    expect((await ckan('package_search', '?rows=abc')).statusCode).toBe(409);
    const badFq = await ckan('package_search', `?fq=${encodeURIComponent('secret_field:1')}`);
    expect(badFq.statusCode).toBe(400);
    expect(badFq.json().error.__type).toBe('Search Query Error');
    expect(
      (await ckan('package_search', `?sort=${encodeURIComponent('drop table')}`)).statusCode,
    ).toBe(400);
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/package_show',
      payload: { id: ds.name },
    });
    expect(post.json().result.id).toBe(ds.id);
  });

  it('publishes DCAT-AP as JSON-LD and Turtle with paging', async () => {
    const jsonld = await t.app.inject({ url: '/catalog.jsonld' });
    expect(jsonld.headers['content-type']).toContain('application/ld+json');
    const graph = jsonld.json()['@graph'];
    expect(graph.find((n: { '@type': string }) => n['@type'] === 'dcat:Catalog')).toBeTruthy();
    expect(
      graph.find((n: { '@type': string }) => n['@type'] === 'hydra:PagedCollection'),
    ).toBeTruthy();
    expect(
      graph.some(
        (n: { '@type': string; 'dcat:accessURL'?: unknown }) =>
          n['@type'] === 'dcat:Distribution' && n['dcat:accessURL'],
      ),
    ).toBe(true);
    const ttl = await t.app.inject({ url: '/catalog.ttl?page=1' });
    expect(ttl.body).toContain('@prefix dcat:');
    expect(ttl.body).toContain('a dcat:Dataset');
    expect((await t.app.inject({ url: '/catalog.ttl?page=0' })).statusCode).toBe(400);
  });
});

describe('portal data API and request form', () => {
  it('filters and pages rows, and refuses unknown columns', async () => {
    const ds = await buildDataset(t.ctx, store, agencyA);
    const res = await t.app.inject({ url: `/api/data/resource/${ds.resourceId}?kecamatan=Kediri` });
    expect(res.json()).toMatchObject({
      total: 1,
      records: [{ kode_wilayah: '51.02.04', jumlah: 4000, persen: 93.5 }],
    });
    const paged = await t.app.inject({
      url: `/api/data/resource/${ds.resourceId}?limit=3&offset=9`,
    });
    expect(paged.json()).toMatchObject({ total: 10, records: [{ kode_wilayah: '51.02.10' }] });
    const bad = await t.app.inject({
      url: `/api/data/resource/${ds.resourceId}?password=1&limit=0`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  it('accepts a request for a dataset, validates it and limits the rate', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.7' };
    const body = {
      name: 'Ketut',
      email: 'ketut@example.org',
      title: 'Data curah hujan',
      description: 'Curah hujan bulanan per kecamatan.',
    };
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/data/requests',
      payload: { ...body, email: 'bukan-email' },
    });
    expect(bad.statusCode).toBe(400);
    const form = await t.app.inject({
      method: 'POST',
      url: '/dataset/request',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(body).toString(),
    });
    expect(form.statusCode).toBe(201);
    expect(form.body).toContain('Terima kasih');
    const escaped = await t.app.inject({
      method: 'POST',
      url: '/dataset/request',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `${new URLSearchParams({ ...body, title: '<script>x</script>' })
        .toString()
        .replace('title=', 'title=')}&email=x`,
    });
    expect(escaped.statusCode).toBe(400);
    expect(escaped.body).not.toContain('<script>x');
    expect(escaped.body).toContain('&lt;script&gt;');
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/data/requests',
        payload: body,
        remoteAddress: '198.51.100.20',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5).every((s) => s === 201)).toBe(true);
    expect(statuses[5]).toBe(429);
  });
});

describe('Daftar Data', () => {
  it('adds and corrects entries of any year, in scope only', async () => {
    const created = await send(producerA, 'POST', '/api/v1/data/plans', {
      year: 2031,
      title: 'Jumlah posyandu aktif',
      topic: 'kesehatan',
      frequency: 'tahunan',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const patched = await send(producerA, 'PATCH', `/api/v1/data/plans/${id}`, {
      year: 2032,
      frequency: 'semesteran',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      year: 2032,
      frequency: 'semesteran',
      agencyId: agencyA,
    });
    const list = (await get(producerA, '/api/v1/data/plans?year=2032')).json();
    expect(list.map((p: { id: string }) => p.id)).toContain(id);
    expect((await get(producerA, '/api/v1/data/plans?year=2031')).json()).toEqual([]);
    // Bad input is a 400 naming the field; another agency's producer does not see the entry.
    const bad = await send(producerA, 'PATCH', `/api/v1/data/plans/${id}`, { year: 1990 }, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('/year');
    expect(
      (await send(producerB, 'PATCH', `/api/v1/data/plans/${id}`, { title: 'Diambil alih' }))
        .statusCode,
    ).toBe(404);
    const walidataEdit = await send(walidata, 'PATCH', `/api/v1/data/plans/${id}`, {
      title: 'Jumlah posyandu aktif per desa',
    });
    expect(walidataEdit.json().title).toBe('Jumlah posyandu aktif per desa');
  });
});
