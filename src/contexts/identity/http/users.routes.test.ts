import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { buildUser, type Session, signIn } from '../testing/factories.js';

let t: TestApp;
let admin: Session;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  const user = await buildUser(t.ctx, { roles: ['kominfo_admin'] });
  adminId = user.id;
  admin = await signIn(t.app, user.email);
});
afterAll(() => t.close());

describe('people and roles', () => {
  it('creates an operator for an agency, who must change the initial password', async () => {
    const agency = await buildAgency(t.ctx);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'operator.baru@uji.go.id',
        name: 'Ni Putu Operator',
        nip: '199001012015032001',
        agencyId: agency.id,
        password: 'sandi-awal-panjang',
        roles: [{ role: 'agency_operator', agencyId: agency.id }],
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'operator.baru@uji.go.id',
      agency: { id: agency.id },
      roles: [{ role: 'agency_operator', agencyId: agency.id, agencyName: agency.name }],
    });
    expect(res.body).not.toMatch(/passwordHash|argon2/);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'operator.baru@uji.go.id', password: 'sandi-awal-panjang' },
    });
    expect(login.json().user.mustChangePassword).toBe(true);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: {
        email: 'OPERATOR.BARU@uji.go.id',
        name: 'Duplikat',
        agencyId: agency.id,
        password: 'sandi-awal-panjang',
        roles: [],
      },
    });
    expect(again.statusCode).toBe(409);
  });

  it('grants Dinas roles only in the Dinas Kominfo', async () => {
    const agency = await buildAgency(t.ctx);
    const user = await buildUser(t.ctx, { agencyId: agency.id });
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${user.id}/roles`,
      headers: admin.headers,
      payload: { roles: [{ role: 'kominfo_admin', agencyId: agency.id }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/roles/0/agencyId');
    const kominfo = await ensureKominfo(t.ctx);
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${user.id}/roles`,
      headers: admin.headers,
      payload: { roles: [{ role: 'tier2_desk', agencyId: kominfo.id }] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().roles.map((r: { role: string }) => r.role)).toEqual(['tier2_desk']);
  });

  it("scopes an operator to its own agency's people: others are 404", async () => {
    const own = await buildAgency(t.ctx);
    const other = await buildAgency(t.ctx);
    const colleague = await buildUser(t.ctx, { agencyId: own.id });
    const stranger = await buildUser(t.ctx, { agencyId: other.id });
    const operator = await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: own.id });
    const s = await signIn(t.app, operator.email);
    const list = await t.app.inject({ url: '/api/v1/users?pageSize=100', headers: s.headers });
    const ids = list.json().items.map((u: { id: string }) => u.id);
    expect(ids.sort()).toEqual([colleague.id, operator.id].sort());
    expect(list.json().total).toBe(2);
    const filtered = await t.app.inject({
      url: `/api/v1/users?agencyId=${other.id}`,
      headers: s.headers,
    });
    expect(filtered.json().total).toBe(0);
    expect(
      (await t.app.inject({ url: `/api/v1/users/${colleague.id}`, headers: s.headers })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/v1/users/${stranger.id}`, headers: s.headers })).statusCode,
    ).toBe(404);
  });

  it('lets an auditor read everyone but change no one', async () => {
    const target = await buildUser(t.ctx);
    const auditor = await signIn(t.app, (await buildUser(t.ctx, { roles: ['auditor'] })).email);
    expect(
      (await t.app.inject({ url: `/api/v1/users/${target.id}`, headers: auditor.headers }))
        .statusCode,
    ).toBe(200);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${target.id}`,
      headers: auditor.headers,
      payload: { name: 'Diubah Auditor' },
    });
    expect(patch.statusCode).toBe(403);
  });

  it('filters by role and text', async () => {
    const agency = await buildAgency(t.ctx);
    await buildUser(t.ctx, { roles: ['data_custodian'], agencyId: agency.id });
    await buildUser(t.ctx, { roles: ['data_producer'], agencyId: agency.id });
    const res = await t.app.inject({
      url: `/api/v1/users?agencyId=${agency.id}&role=data_custodian`,
      headers: admin.headers,
    });
    expect(res.json().items.map((u: { roles: { role: string }[] }) => u.roles[0]?.role)).toEqual([
      'data_custodian',
    ]);
  });

  it('disables an account and ends its sessions at once', async () => {
    const user = await buildUser(t.ctx, { roles: ['agency_operator'] });
    const s = await signIn(t.app, user.email);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: admin.headers,
      payload: { status: 'disabled' },
    });
    expect(res.json().status).toBe('disabled');
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(
      401,
    );
  });

  it('keeps at least one active admin, and an admin cannot disable itself', async () => {
    const self = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${adminId}`,
      headers: admin.headers,
      payload: { status: 'disabled' },
    });
    expect(self.statusCode).toBe(409);
    const own = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/users/${adminId}/roles`,
      headers: admin.headers,
      payload: { roles: [] },
    });
    expect(own.statusCode).toBe(409);
  });

  it('resets a password: temporary, must be changed, old sessions end', async () => {
    const user = await buildUser(t.ctx);
    const s = await signIn(t.app, user.email);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/password`,
      headers: admin.headers,
      payload: { newPassword: 'sandi-sementara-99' },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(
      401,
    );
    const again = await signIn(t.app, user.email, 'sandi-sementara-99');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: again.headers });
    expect(me.json().user.mustChangePassword).toBe(true);
  });
});
