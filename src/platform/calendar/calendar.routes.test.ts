import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type Session, signIn } from '../../contexts/identity/testing/factories.js';
import { auditEvents } from '../audit/tables.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { loadHolidays } from './holidays.js';
import { addWorkingHours } from './working-calendar.js';

let t: TestApp;
let admin: Session;
let operator: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, (await buildUser(t.ctx, { roles: ['kominfo_admin'] })).email);
  operator = await signIn(t.app, (await buildUser(t.ctx, { roles: ['agency_operator'] })).email);
});
afterAll(() => t.close());

const create = (payload: Record<string, unknown>, s = admin) =>
  t.app.inject({ method: 'POST', url: '/api/v1/holidays', headers: s.headers, payload });
const list = (year: number, s = admin) =>
  t.app.inject({ url: `/api/v1/holidays?year=${year}`, headers: s.headers });

describe('holidays of the working calendar', () => {
  it('lists one year by date, for any signed-in user', async () => {
    const res = await list(2026, operator);
    expect(res.statusCode).toBe(200);
    const dates = res.json().items.map((h: { date: string }) => h.date);
    expect(dates).toHaveLength(25);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d: string) => d.startsWith('2026-'))).toBe(true);
    expect((await list(2031)).json().items).toEqual([]);
  });

  it('creates a holiday, audited, and refuses the same date and name with 409', async () => {
    const res = await create({
      date: '2032-04-14',
      name: 'Hari Raya Galungan',
      kind: 'regional',
      source: 'SE Bupati',
    });
    expect(res.statusCode).toBe(201);
    const holiday = res.json();
    expect(holiday).toMatchObject({ date: '2032-04-14', kind: 'regional', source: 'SE Bupati' });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, holiday.id), eq(auditEvents.action, 'holiday.create')));
    expect(event?.after).toMatchObject({ name: 'Hari Raya Galungan' });

    const dup = await create({ date: '2032-04-14', name: 'Hari Raya Galungan', kind: 'national' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([
      { path: '/name', message: 'Hari libur dengan tanggal dan nama ini sudah ada.' },
    ]);
    // Another name on the same day is fine; the source is optional.
    const other = await create({ date: '2032-04-14', name: 'Hari Lain', kind: 'national' });
    expect(other.statusCode).toBe(201);
    expect(other.json().source).toBe('');
    expect((await list(2032)).json().items).toHaveLength(2);
  });

  it('refuses an invalid date and unknown fields', async () => {
    expect(
      (await create({ date: '2032-02-30', name: 'Tidak Ada', kind: 'national' })).statusCode,
    ).toBe(400);
    expect(
      (await create({ date: '2032-03-01', name: 'Lebih', kind: 'national', extra: 1 })).statusCode,
    ).toBe(400);
  });

  it('refuses changes by anyone but the Diskominfo admin with 403', async () => {
    expect(
      (await create({ date: '2033-01-02', name: 'Libur Uji', kind: 'regional' }, operator))
        .statusCode,
    ).toBe(403);
    const id = (await create({ date: '2033-01-03', name: 'Libur Uji', kind: 'regional' })).json()
      .id;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/holidays/${id}`,
      headers: operator.headers,
      payload: { name: 'Diubah' },
    });
    expect(patch.statusCode).toBe(403);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/holidays/${id}`,
      headers: operator.headers,
    });
    expect(del.statusCode).toBe(403);
  });

  it('updates a holiday, keeping before and after, and refuses a clash', async () => {
    const a = (await create({ date: '2034-05-01', name: 'Libur A', kind: 'national' })).json();
    await create({ date: '2034-05-02', name: 'Libur B', kind: 'national' });
    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/holidays/${a.id}`,
        headers: admin.headers,
        payload,
      });
    expect((await patch({ date: '2034-05-02', name: 'Libur B' })).statusCode).toBe(409);
    const res = await patch({ date: '2034-05-03', source: 'SKB revisi' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date: '2034-05-03', name: 'Libur A', source: 'SKB revisi' });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, 'holiday.update')));
    expect(event?.before).toMatchObject({ date: '2034-05-01' });
    expect(event?.after).toMatchObject({ date: '2034-05-03' });
    expect((await patch({})).statusCode).toBe(400);
  });

  it('deletes a holiday, audited with what it was; a second delete is a 404', async () => {
    const h = (
      await create({ date: '2035-06-01', name: 'Libur Hapus', kind: 'cuti_bersama' })
    ).json();
    const del = () =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/holidays/${h.id}`, headers: admin.headers });
    expect((await del()).statusCode).toBe(204);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, h.id), eq(auditEvents.action, 'holiday.delete')));
    expect(event?.before).toMatchObject({ date: '2035-06-01', name: 'Libur Hapus' });
    expect(event?.after).toBeNull();
    expect((await del()).statusCode).toBe(404);
  });

  it('moves SLA deadlines: a new regional holiday is skipped by addWorkingHours', async () => {
    // Wednesday 8 July 2026, 15:00 WIB, plus two working hours.
    const start = new Date('2026-07-08T15:00:00+07:00');
    const before = addWorkingHours(start, 2, await loadHolidays(t.database.db));
    expect(before).toEqual(new Date('2026-07-09T08:30:00+07:00'));
    expect(
      (await create({ date: '2026-07-09', name: 'Hari Jadi Kabupaten', kind: 'regional' }))
        .statusCode,
    ).toBe(201);
    const after = addWorkingHours(start, 2, await loadHolidays(t.database.db));
    expect(after).toEqual(new Date('2026-07-10T08:30:00+07:00'));
  });
});
