import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildUser, type Session, signIn } from '../../contexts/identity/testing/factories.js';
import { buildAgency } from '../../contexts/organization/testing/factories.js';
import { findAuditEvents } from '../audit/find-audit-events.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { SAMPLE_PDF, uploadForm } from './testing/factories.js';

let t: TestApp;
let dataDir: string;
let agencyA: string;
let agencyB: string;
let operatorA: Session;
let operatorB: Session;
let admin: Session;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-files-'));
  vi.stubEnv('SIMPUL_UPLOAD_LIMIT', String(1024 * 1024));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  agencyA = (await buildAgency(t.ctx)).id;
  agencyB = (await buildAgency(t.ctx)).id;
  const session = async (options: Parameters<typeof buildUser>[1]) =>
    signIn(t.app, (await buildUser(t.ctx, options)).email);
  operatorA = await session({ roles: ['agency_operator'], agencyId: agencyA });
  operatorB = await session({ roles: ['agency_operator'], agencyId: agencyB });
  admin = await session({ roles: ['kominfo_admin'] });
});
afterAll(async () => {
  await t.close();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

const upload = (session: Session, form: FormData, lang = 'id') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload: form,
    headers: { ...session.headers, 'accept-language': lang },
  });

describe('upload and download', () => {
  it('stores a file by its SHA-256 and serves it back as an attachment', async () => {
    const res = await upload(operatorA, uploadForm(agencyA, 'Dokumen Kebutuhan.pdf', SAMPLE_PDF));
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    const sha256 = createHash('sha256').update(SAMPLE_PDF).digest('hex');
    expect(file).toMatchObject({
      sha256,
      size: SAMPLE_PDF.length,
      mediaType: 'application/pdf',
      originalName: 'Dokumen Kebutuhan.pdf',
      agencyId: agencyA,
    });
    expect(existsSync(join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(
      true,
    );

    const meta = await t.app.inject({
      url: `/api/v1/files/${file.id}`,
      headers: operatorA.headers,
    });
    expect(meta.json()).toEqual(file);
    const content = await t.app.inject({
      url: `/api/v1/files/${file.id}/content`,
      headers: operatorA.headers,
    });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(SAMPLE_PDF)).toBe(true);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-disposition']).toBe(
      `attachment; filename="Dokumen Kebutuhan.pdf"; filename*=UTF-8''Dokumen%20Kebutuhan.pdf`,
    );
    expect(content.headers['x-content-type-options']).toBe('nosniff');

    const audit = await findAuditEvents(t.ctx, { action: 'file.upload', entityId: file.id });
    expect(audit.total).toBe(1);
  });

  it('keeps one copy of the same bytes uploaded twice', async () => {
    const bytes = Buffer.from('catatan rapat\n');
    const first = (await upload(operatorA, uploadForm(agencyA, 'a.txt', bytes))).json();
    const second = (await upload(admin, uploadForm(agencyB, 'b.txt', bytes))).json();
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(second.mediaType).toBe('text/plain');
  });

  it('accepts a file larger than the JSON body limit but within the upload limit', async () => {
    const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(600 * 1024, 0x20)]);
    const res = await upload(operatorA, uploadForm(agencyA, 'besar.pdf', big));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().size).toBe(big.length);
  });

  it('takes the fields in any order', async () => {
    const form = new FormData();
    form.append('file', new File([SAMPLE_PDF], 'urutan.pdf'));
    form.append('agencyId', agencyA);
    expect((await upload(operatorA, form)).statusCode).toBe(201);
  });
});

describe('authorization', () => {
  it('hides files of other agencies (404) and refuses uploads for them (403)', async () => {
    const file = (await upload(operatorA, uploadForm(agencyA, 'rahasia.pdf', SAMPLE_PDF))).json();
    for (const url of [`/api/v1/files/${file.id}`, `/api/v1/files/${file.id}/content`]) {
      const res = await t.app.inject({ url, headers: operatorB.headers });
      expect(res.statusCode).toBe(404);
      expect((await t.app.inject({ url, headers: admin.headers })).statusCode).toBe(200);
    }
    const res = await upload(operatorB, uploadForm(agencyA, 'x.pdf', SAMPLE_PDF));
    expect(res.statusCode).toBe(403);
  });
});

describe('refused uploads', () => {
  it('refuses an empty file', async () => {
    const res = await upload(operatorA, uploadForm(agencyA, 'kosong.pdf', Buffer.alloc(0)));
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('Berkas kosong (0 byte) tidak dapat diunggah.');
    expect(res.json().errors).toEqual([{ path: '/file', message: res.json().detail }]);
  });

  it('refuses a file over the limit, naming the limit', async () => {
    const huge = Buffer.concat([SAMPLE_PDF, Buffer.alloc(1024 * 1024)]);
    const res = await upload(operatorA, uploadForm(agencyA, 'besar.pdf', huge), 'en');
    expect(res.statusCode).toBe(413);
    expect(res.json().detail).toBe('The file is too large. The limit is 1 MiB.');
  });

  it('refuses a disguised executable, naming the allowed types', async () => {
    const elf = Buffer.concat([Buffer.from('7f454c46020101', 'hex'), Buffer.alloc(64)]);
    const res = await upload(operatorA, uploadForm(agencyA, 'laporan.pdf', elf), 'en');
    expect(res.statusCode).toBe(415);
    expect(res.json().detail).toContain('Allowed types: PDF, PNG, JPEG, DOCX, XLSX, ODT, ZIP');
  });

  it('refuses a path-traversal name instead of cutting it down', async () => {
    for (const name of ['../../etc/passwd', '..\\..\\boot.ini', 'a/b.pdf']) {
      const res = await upload(operatorA, uploadForm(agencyA, name, SAMPLE_PDF));
      expect(res.statusCode, name).toBe(400);
      expect(res.json().errors[0].path).toBe('/file');
      expect(res.json().detail).toContain('Nama berkas tidak valid');
    }
  });

  it('explains a missing field, an unknown field and a non-multipart request', async () => {
    const missing = await upload(operatorA, uploadForm(undefined, 'a.pdf', SAMPLE_PDF));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(['/agencyId']);

    const extra = uploadForm(agencyA, 'a.pdf', SAMPLE_PDF);
    extra.append('owner', 'me');
    expect((await upload(operatorA, extra)).json().errors[0].path).toBe('/owner');

    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: { agencyId: agencyA },
      headers: operatorA.headers,
    });
    expect(json.statusCode).toBe(415);
  });

  it('writes nothing for a refused upload', async () => {
    const before = await findAuditEvents(t.ctx, { action: 'file.upload' });
    await upload(operatorA, uploadForm(agencyA, 'kosong.pdf', Buffer.alloc(0)));
    const after = await findAuditEvents(t.ctx, { action: 'file.upload' });
    expect(after.total).toBe(before.total);
  });
});
