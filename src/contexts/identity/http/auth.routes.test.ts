import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import { sha256 } from '../../../platform/crypto/secrets.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { sessions, users } from '../db/tables.js';
import { buildUser, signIn, TEST_PASSWORD } from '../testing/factories.js';
import { currentTotp } from '../totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (body: Record<string, unknown>, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body, remoteAddress: ip });

describe('password sign-in', () => {
  it('opens a session: httpOnly cookie, CSRF token, the user with roles and permissions', async () => {
    const user = await buildUser(t.ctx, { roles: ['agency_operator'] });
    const res = await login({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'simpul_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.user).toMatchObject({ email: user.email, mustChangePassword: false });
    expect(body.user.roles).toEqual([expect.objectContaining({ role: 'agency_operator' })]);
    expect(body.user.permissions).toContain('agency:update');
    expect(body.user.permissions).not.toContain('user:create');
    const me = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { cookie: `simpul_session=${cookie?.value}` },
    });
    expect(me.json().user.id).toBe(user.id);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'auth.login'), eq(auditEvents.entityId, user.id)));
    expect(event?.ip).toBe('10.0.0.1');
  });

  it('never stores the session token itself', async () => {
    const user = await buildUser(t.ctx);
    const session = await signIn(t.app, user.email);
    const token = session.cookie.split('=')[1] ?? '';
    const stored = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const user = await buildUser(t.ctx);
    const wrong = await login({ email: user.email, password: 'salah-sekali-123' }, '10.0.0.2');
    const unknown = await login({ email: 'tidak.ada@uji.go.id', password: 'x' }, '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('locks an account after five wrong passwords, even for the right one', async () => {
    const user = await buildUser(t.ctx);
    const codes = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (await login({ email: user.email, password: `salah-${i}-xxxxx` }, '10.0.0.3')).json().code,
      );
    }
    expect(codes).toEqual([...Array(4).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED']);
    const right = await login({ email: user.email, password: TEST_PASSWORD }, '10.0.0.3');
    expect(right.statusCode).toBe(423);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    const events = await t.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, user.id));
    expect(events.map((e) => e.action)).toContain('user.locked');

    // The admin lifts the lock.
    const admin = await buildUser(t.ctx, { roles: ['kominfo_admin'] });
    const s = await signIn(t.app, admin.email);
    const unlock = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/unlock`,
      headers: s.headers,
    });
    expect(unlock.statusCode).toBe(204);
    expect(
      (await login({ email: user.email, password: TEST_PASSWORD }, '10.0.0.3')).statusCode,
    ).toBe(200);
  });

  it('throttles one address after twenty failures, whatever the accounts', async () => {
    for (let i = 0; i < 20; i++) {
      await login({ email: `acak${i}@uji.go.id`, password: 'x' }, '10.9.9.9');
    }
    const res = await login({ email: 'lain@uji.go.id', password: 'x' }, '10.9.9.9');
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('RATE_LIMITED');
    const other = await buildUser(t.ctx);
    expect(
      (await login({ email: other.email, password: TEST_PASSWORD }, '10.9.9.10')).statusCode,
    ).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const user = await buildUser(t.ctx);
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id));
    const res = await login({ email: user.email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ACCOUNT_DISABLED');
  });

  it('ends the session on logout', async () => {
    const user = await buildUser(t.ctx);
    const s = await signIn(t.app, user.email);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: s.headers,
    });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('forces a reset password to be changed before anything else', async () => {
    const user = await buildUser(t.ctx, { roles: ['agency_operator'], mustChangePassword: true });
    const s = await signIn(t.app, user.email);
    const blocked = await t.app.inject({ url: '/api/v1/agencies', headers: s.headers });
    expect(blocked.statusCode).toBe(403);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: s.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: user.email },
    });
    expect(weak.statusCode).toBe(400);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: s.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'sandi-baru-yang-panjang' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/agencies', headers: s.headers })).statusCode).toBe(
      200,
    );
    expect((await login({ email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);
    expect(
      (await login({ email: user.email, password: 'sandi-baru-yang-panjang' })).statusCode,
    ).toBe(200);
  });

  it('requires the current password', async () => {
    const user = await buildUser(t.ctx);
    const s = await signIn(t.app, user.email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: s.headers,
      payload: { currentPassword: 'bukan-ini-123', newPassword: 'sandi-baru-yang-panjang' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/currentPassword');
  });
});

describe('TOTP second factor', () => {
  it('enrols, then asks for a code at sign-in, refusing wrong and replayed codes', async () => {
    const user = await buildUser(t.ctx, { roles: ['kominfo_admin'] });
    const s = await signIn(t.app, user.email);
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/setup',
      headers: s.headers,
    });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const [stored] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(stored?.totpSecret).not.toContain(secret);

    const early = Date.now() - 30_000;
    const enable = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enable',
      headers: s.headers,
      payload: { code: currentTotp(secret, early) },
    });
    expect(enable.statusCode).toBe(204);

    const noCode = await login({ email: user.email, password: TEST_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('TOTP_REQUIRED');
    const wrong = await login({ email: user.email, password: TEST_PASSWORD, totpCode: '000000' });
    expect(wrong.json().code).toMatch(/TOTP_INVALID/);
    const code = currentTotp(secret);
    const ok = await login({ email: user.email, password: TEST_PASSWORD, totpCode: code });
    expect(ok.statusCode).toBe(200);
    const replay = await login({ email: user.email, password: TEST_PASSWORD, totpCode: code });
    expect(replay.statusCode).toBe(401);

    // Once enrolled, a Diskominfo admin cannot turn it off alone.
    const off = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/disable',
      headers: s.headers,
      payload: { password: TEST_PASSWORD },
    });
    expect(off.statusCode).toBe(403);
  });

  it('lets another admin reset a lost second factor', async () => {
    const user = await buildUser(t.ctx, { roles: ['agency_operator'] });
    const s = await signIn(t.app, user.email);
    const { secret } = (
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: s.headers })
    ).json();
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enable',
      headers: s.headers,
      payload: { code: currentTotp(secret) },
    });
    const admin = await buildUser(t.ctx, { roles: ['kominfo_admin'] });
    const a = await signIn(t.app, admin.email);
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/totp/reset`,
      headers: a.headers,
    });
    expect(reset.statusCode).toBe(204);
    expect((await login({ email: user.email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });
});

describe('personal API tokens', () => {
  it('authenticate integrations without CSRF, are shown once, and stop working when revoked', async () => {
    const user = await buildUser(t.ctx, { roles: ['kominfo_admin'] });
    const s = await signIn(t.app, user.email);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: s.headers,
      payload: { name: 'Integrasi SIPD', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, item } = created.json();
    expect(token).toMatch(/^spl_/);
    const bearer = { authorization: `Bearer ${token}` };
    const list = await t.app.inject({ url: '/api/v1/auth/tokens', headers: bearer });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: item.id, name: 'Integrasi SIPD' }),
    ]);
    expect(JSON.stringify(list.json())).not.toContain(token);
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: bearer,
      payload: { code: 'TOKEN-1', name: 'Dinas Lewat Token', kind: 'dinas' },
    });
    expect(write.statusCode).toBe(201);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${item.id}`,
      headers: s.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/agencies', headers: bearer })).statusCode).toBe(401);
  });

  it("cannot revoke someone else's token (404)", async () => {
    const owner = await buildUser(t.ctx);
    const other = await buildUser(t.ctx);
    const so = await signIn(t.app, owner.email);
    const { item } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: so.headers,
        payload: { name: 'milik orang' },
      })
    ).json();
    const st = await signIn(t.app, other.email);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${item.id}`,
      headers: st.headers,
    });
    expect(res.statusCode).toBe(404);
  });

  it('ignores unknown and malformed bearer tokens (401)', async () => {
    for (const value of ['Bearer spl_nope', 'Bearer', 'Basic abc', `Bearer ${'x'.repeat(5000)}`]) {
      const res = await t.app.inject({ url: '/api/v1/auth/me', headers: { authorization: value } });
      expect(res.statusCode, value.slice(0, 20)).toBe(401);
    }
  });
});
