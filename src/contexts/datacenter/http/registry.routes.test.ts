import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { localToday } from '../local-date.js';
import { buildDevice } from '../testing/factories.js';

let t: TestApp;
let kominfo: string;
let agencyA: string;
let operatorA: Session;
let admin: Session;
let auditor: Session;

beforeAll(async () => {
  t = await createTestApp();
  kominfo = (await ensureKominfo(t.ctx)).id;
  agencyA = (await buildAgency(t.ctx)).id;
  operatorA = await signIn(
    t.app,
    (await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: agencyA })).email,
  );
  admin = await signIn(t.app, (await buildUser(t.ctx, { roles: ['kominfo_admin'] })).email);
  auditor = await signIn(t.app, (await buildUser(t.ctx, { roles: ['auditor'] })).email);
});
afterAll(() => t.close());

const base = '/api/v1/datacenter';
const get = (s: Session, url: string) => t.app.inject({ url: `${base}${url}`, headers: s.headers });
const send = (s: Session, method: 'POST' | 'PATCH', url: string, payload: unknown) =>
  t.app.inject({ method, url: `${base}${url}`, headers: s.headers, payload: payload as never });
const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

describe('device catalogue (Tabanan 14(6) huruf b)', () => {
  it('is kept by the Dinas; an agency sees only the devices it owns', async () => {
    const created = await send(admin, 'POST', '/devices', {
      name: 'srv-hv-uji',
      kind: 'server',
      brand: 'Dell',
      model: 'PowerEdge R750',
      serialNumber: 'SN-HV-UJI',
      location: 'Ruang Server',
      rack: 'R01 U10',
      agencyId: kominfo,
      acquiredOn: '2024-05-01',
    });
    expect(created.statusCode).toBe(201);
    const dinasDevice = created.json();
    expect(dinasDevice).toMatchObject({ status: 'active', agency: { id: kominfo } });
    const colocated = await buildDevice(t.ctx, agencyA, { name: 'srv-milik-a' });

    const seenByA = await get(operatorA, '/devices');
    expect(ids(seenByA)).toEqual([colocated.id]);
    expect((await get(operatorA, `/devices/${dinasDevice.id}`)).statusCode).toBe(404);
    expect((await get(operatorA, `/devices/${colocated.id}`)).statusCode).toBe(200);
    expect(ids(await get(auditor, '/devices?kind=server'))).toEqual(
      expect.arrayContaining([dinasDevice.id, colocated.id]),
    );

    expect(
      (await send(operatorA, 'POST', '/devices', { name: 'x', kind: 'rack', agencyId: agencyA }))
        .statusCode,
    ).toBe(403);
    expect(
      (await send(operatorA, 'PATCH', `/devices/${colocated.id}`, { notes: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await send(auditor, 'PATCH', `/devices/${colocated.id}`, { notes: 'x' })).statusCode,
    ).toBe(403);

    const retired = await send(admin, 'PATCH', `/devices/${dinasDevice.id}`, { status: 'retired' });
    expect(retired.json().status).toBe('retired');
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, dinasDevice.id),
          eq(auditEvents.action, 'datacenter_device.update'),
        ),
      );
    expect(event?.before).toMatchObject({ status: 'active' });
    expect(event?.after).toMatchObject({ status: 'retired' });
  });

  it('refuses an unknown owner agency', async () => {
    const res = await send(admin, 'POST', '/devices', {
      name: 'srv-tanpa-pemilik',
      kind: 'server',
      agencyId: randomUUID(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/agencyId');
  });
});

describe('user and authority catalogue (Tabanan 14(6) huruf c)', () => {
  it('records grants, reviews and revocations; an agency sees its own people only', async () => {
    const device = await buildDevice(t.ctx, kominfo);
    const today = localToday();
    const ownPerson = await send(admin, 'POST', '/authorities', {
      personName: 'Ni Luh Operator',
      agencyId: agencyA,
      position: 'Pranata Komputer',
      system: 'VM aplikasi A',
      authority: 'admin',
      grantedBy: 'Kepala Dinas',
      grantedOn: '2025-01-02',
      reviewOn: today,
    });
    expect(ownPerson.statusCode).toBe(201);
    expect(ownPerson.json()).toMatchObject({
      active: true,
      reviewDue: true,
      agency: { id: agencyA },
    });
    const vendor = await send(admin, 'POST', '/authorities', {
      personName: 'Teknisi Vendor',
      agencyId: null,
      affiliation: 'PT Vendor Storage',
      system: 'Storage SAN',
      deviceId: device.id,
      authority: 'root',
      grantedBy: 'Kepala Dinas',
      grantedOn: '2025-01-02',
    });
    expect(vendor.json()).toMatchObject({ agency: null, deviceId: device.id, active: true });

    expect(ids(await get(operatorA, '/authorities'))).toEqual([ownPerson.json().id]);
    expect((await get(operatorA, `/authorities/${vendor.json().id}`)).statusCode).toBe(404);
    expect(ids(await get(auditor, `/authorities?deviceId=${device.id}`))).toEqual([
      vendor.json().id,
    ]);
    expect(ids(await get(admin, '/authorities?reviewDue=true'))).toContain(ownPerson.json().id);

    const backwards = await send(admin, 'PATCH', `/authorities/${vendor.json().id}`, {
      revokedOn: '2024-12-31',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('/revokedOn');
    const revoked = await send(admin, 'PATCH', `/authorities/${vendor.json().id}`, {
      revokedOn: today,
    });
    expect(revoked.json()).toMatchObject({ active: false, revokedOn: today });
    expect(ids(await get(admin, '/authorities?active=true'))).not.toContain(vendor.json().id);
    expect(ids(await get(admin, '/authorities?active=false'))).toContain(vendor.json().id);
    expect(
      (await send(operatorA, 'PATCH', `/authorities/${ownPerson.json().id}`, { notes: 'x' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('activity records (Tabanan 14(6) huruf d)', () => {
  it('is the Dinas logbook: written by the admin, read by the Dinas and oversight only', async () => {
    const device = await buildDevice(t.ctx, kominfo);
    const entry = await send(admin, 'POST', '/activities', {
      startedAt: '2026-03-02T01:00:00.000Z',
      personName: 'I Wayan Teknisi',
      agencyId: agencyA,
      purpose: 'Pemasangan server colocation',
      deviceIds: [device.id],
    });
    expect(entry.statusCode).toBe(201);
    const id = entry.json().id as string;
    expect(entry.json()).toMatchObject({
      endedAt: null,
      agency: { id: agencyA },
      deviceIds: [device.id],
    });

    expect((await get(operatorA, '/activities')).statusCode).toBe(403);
    expect((await get(operatorA, `/activities/${id}`)).statusCode).toBe(403);
    expect(ids(await get(auditor, `/activities?deviceId=${device.id}`))).toEqual([id]);
    expect(ids(await get(admin, '/activities?open=true'))).toContain(id);
    // 2026-03-02T01:00Z is 08:00 WIB on 2 March.
    expect(ids(await get(admin, '/activities?from=2026-03-02&to=2026-03-02'))).toContain(id);
    expect(ids(await get(admin, '/activities?from=2026-03-03'))).not.toContain(id);

    const early = await send(admin, 'PATCH', `/activities/${id}`, {
      endedAt: '2026-03-02T00:30:00.000Z',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('/endedAt');
    const closed = await send(admin, 'PATCH', `/activities/${id}`, {
      endedAt: '2026-03-02T02:15:00.000Z',
    });
    expect(closed.json().endedAt).toBe('2026-03-02T02:15:00.000Z');
    expect((await send(auditor, 'PATCH', `/activities/${id}`, { notes: 'x' })).statusCode).toBe(
      403,
    );

    const unknown = await send(admin, 'POST', '/activities', {
      startedAt: '2026-03-02T01:00:00.000Z',
      personName: 'X',
      purpose: 'Y',
      deviceIds: [randomUUID()],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('/deviceIds/0');
  });
});
