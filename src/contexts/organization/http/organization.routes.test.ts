import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../testing/factories.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, (await buildUser(t.ctx, { roles: ['kominfo_admin'] })).email);
});
afterAll(() => t.close());

const create = (payload: Record<string, unknown>, s = admin) =>
  t.app.inject({ method: 'POST', url: '/api/v1/agencies', headers: s.headers, payload });

describe('Perangkat Daerah registry', () => {
  it('registers an agency and records it in the audit trail with the request id', async () => {
    const res = await create({
      code: 'DINKES-T',
      name: 'Dinas Kesehatan',
      shortName: 'Dinkes',
      kind: 'dinas',
      headName: 'dr. Ni Luh Sari',
      headNip: '197801012005012001',
      email: 'dinkes@ujikab.go.id',
      website: 'https://dinkes.ujikab.go.id',
    });
    expect(res.statusCode).toBe(201);
    const agency = res.json();
    expect(agency).toMatchObject({
      code: 'DINKES-T',
      kind: 'dinas',
      isKominfo: false,
      status: 'active',
    });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, agency.id), eq(auditEvents.action, 'agency.create')));
    expect(event?.requestId).toBe(res.headers['x-request-id']);
    expect(event?.after).toMatchObject({ code: 'DINKES-T', name: 'Dinas Kesehatan' });
  });

  it('refuses a duplicate code, case-insensitively, with 409 naming the field', async () => {
    await create({ code: 'DUP-1', name: 'Dinas Satu', kind: 'dinas' });
    const res = await create({ code: 'dup-1', name: 'Dinas Dua', kind: 'dinas' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([
      { path: '/code', message: 'Kode Perangkat Daerah sudah dipakai.' },
    ]);
  });

  it('allows exactly one Dinas Kominfo', async () => {
    await ensureKominfo(t.ctx);
    const res = await create({
      code: 'KOMINFO-2',
      name: 'Dinas Kominfo Kedua',
      kind: 'dinas',
      isKominfo: true,
    });
    expect(res.statusCode).toBe(409);
  });

  it('searches, filters by kind and pages', async () => {
    await create({ code: 'KEC-CARI-1', name: 'Kecamatan Pencarian Satu', kind: 'kecamatan' });
    await create({ code: 'KEC-CARI-2', name: 'Kecamatan Pencarian Dua', kind: 'kecamatan' });
    const res = await t.app.inject({
      url: '/api/v1/agencies?q=pencarian&kind=kecamatan&pageSize=1&page=2',
      headers: admin.headers,
    });
    expect(res.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(res.json().items).toHaveLength(1);
  });

  it('refuses a parent that would make a cycle', async () => {
    const kec = (
      await create({ code: 'KEC-SIKLUS', name: 'Kecamatan Siklus', kind: 'kecamatan' })
    ).json();
    const kel = (
      await create({
        code: 'KEL-SIKLUS',
        name: 'Kelurahan Siklus',
        kind: 'kelurahan',
        parentId: kec.id,
      })
    ).json();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/agencies/${kec.id}`,
      headers: admin.headers,
      payload: { parentId: kel.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/parentId');
  });

  it("lets an agency's operator update its contacts, but not its code or another agency", async () => {
    const own = await buildAgency(t.ctx);
    const other = await buildAgency(t.ctx);
    const operator = await signIn(
      t.app,
      (await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: own.id })).email,
    );
    const patch = (id: string, payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/agencies/${id}`,
        headers: operator.headers,
        payload,
      });
    const ok = await patch(own.id, { phone: '0361 811 222', headName: 'I Wayan Baru' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ phone: '0361 811 222', headName: 'I Wayan Baru' });
    expect((await patch(own.id, { code: 'BARU' })).statusCode).toBe(403);
    expect((await patch(other.id, { phone: '0361 811 333' })).statusCode).toBe(403);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, own.id), eq(auditEvents.action, 'agency.update')));
    expect(event?.before).toMatchObject({ phone: null });
    expect(event?.after).toMatchObject({ phone: '0361 811 222' });
  });

  it('answers 404 for an agency that does not exist', async () => {
    const res = await t.app.inject({
      url: '/api/v1/agencies/00000000-0000-4000-8000-000000000000',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('Pemda profile', () => {
  it('is unconfigured at first, set by the admin, and shown on the public portal', async () => {
    const before = await t.app.inject({ url: '/api/v1/government', headers: admin.headers });
    expect(before.json().configured).toBe(false);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/government',
      headers: admin.headers,
      payload: {
        name: 'Kabupaten Sragen',
        type: 'kabupaten',
        province: 'Jawa Tengah',
        portalDomain: 'sragenkab.go.id',
        regulationProfile: 'sragen-41-2019',
      },
    });
    expect(put.statusCode).toBe(200);
    const pub = await t.app.inject({ url: '/api/v1/public/profile' });
    expect(pub.json()).toMatchObject({
      name: 'Kabupaten Sragen',
      regulationProfile: 'sragen-41-2019',
    });
    expect(pub.json().agencyCount).toBeGreaterThan(0);
  });

  it('refuses an invalid domain or an unknown regulation profile', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/government',
      headers: admin.headers,
      payload: {
        name: 'Kabupaten X',
        type: 'kabupaten',
        province: 'Bali',
        portalDomain: 'not a domain',
        regulationProfile: 'perbup-lain',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['/portalDomain']);
    // A profile that is neither shipped nor the current one (the regency's own profiles are
    // chosen in the compliance view, which checks that they exist).
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/government',
      headers: admin.headers,
      payload: {
        name: 'Kabupaten X',
        type: 'kabupaten',
        province: 'Bali',
        portalDomain: 'xkab.go.id',
        regulationProfile: 'perbup-lain',
      },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/regulationProfile',
    ]);
  });
});
