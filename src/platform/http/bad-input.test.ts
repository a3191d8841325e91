import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type Session, signIn } from '../../contexts/identity/testing/factories.js';
import { agencies } from '../../contexts/organization/index.js';
import { auditEvents } from '../audit/tables.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp({ SIMPUL_BODY_LIMIT: String(64 * 1024) });
  const user = await buildUser(t.ctx, { roles: ['kominfo_admin'] });
  admin = await signIn(t.app, user.email);
});
afterAll(() => t.close());

async function counts() {
  const [a] = await t.database.db.select({ n: count() }).from(agencies);
  const [e] = await t.database.db.select({ n: count() }).from(auditEvents);
  return { agencies: a?.n, events: e?.n };
}

function post(payload: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/agencies',
    headers: { ...admin.headers, 'content-type': 'application/json', ...headers },
    payload,
  });
}

describe('bad input gets a clear 4xx problem+json and changes nothing', () => {
  const cases: [string, () => ReturnType<typeof post>, number, string][] = [
    ['malformed JSON', () => post('{"code": "A1", "name": '), 400, 'MALFORMED_JSON'],
    ['an empty body', () => post(''), 400, 'VALIDATION_FAILED'],
    ['a JSON array', () => post('[1,2]'), 400, 'VALIDATION_FAILED'],
    [
      'wrong types',
      () => post(JSON.stringify({ code: 12, name: true, kind: 'dinas' })),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'unknown fields',
      () => post(JSON.stringify({ code: 'AB1', name: 'Dinas Baru', kind: 'dinas', admin: true })),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown enum value',
      () => post(JSON.stringify({ code: 'AB1', name: 'Dinas Baru', kind: 'kementerian' })),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a NUL character',
      () => post(JSON.stringify({ code: 'AB1', name: 'Dinas\u0000Baru', kind: 'dinas' })),
      400,
      'BAD_REQUEST',
    ],
    [
      'an oversized body',
      () => post(JSON.stringify({ code: 'AB1', name: 'x'.repeat(70 * 1024), kind: 'dinas' })),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a text/plain body',
      () => post('code=AB1', { 'content-type': 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a form body',
      () => post('code=AB1', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a deeply nested value',
      () =>
        post(
          `{"code":"AB1","name":"Dinas","kind":"dinas","x":${'['.repeat(5000)}${']'.repeat(5000)}}`,
        ),
      400,
      'VALIDATION_FAILED',
    ],
  ];

  it.each(cases)('%s', async (_name, send, status, code) => {
    const before = await counts();
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem).toMatchObject({ status, code });
    expect(problem.detail).toEqual(expect.any(String));
    expect(problem.requestId).toBe(res.headers['x-request-id']);
    expect(await counts()).toEqual(before);
  });

  it('names each offending field with a JSON pointer, in the chosen language', async () => {
    const body = JSON.stringify({ code: 'A', name: 7, kind: 'dinas', extra: 1 });
    const id = (await post(body)).json();
    expect(id.title).toBe('Data yang dikirim tidak valid.');
    expect(id.errors).toEqual(
      expect.arrayContaining([
        { path: '/code', message: 'Minimal 2 karakter.' },
        { path: '/name', message: 'Jenis data salah (harus string).' },
        { path: '/extra', message: 'Kolom "extra" tidak dikenal.' },
      ]),
    );
    const en = (await post(body, { 'accept-language': 'en-US,en;q=0.9' })).json();
    expect(en.title).toBe('The submitted data is invalid.');
    expect(en.errors).toContainEqual({ path: '/extra', message: 'Unknown field "extra".' });
  });

  it('stores SQL-ish text as text, harmlessly', async () => {
    const name = "Dinas X'); DROP TABLE agencies; --";
    const res = await post(JSON.stringify({ code: 'SQL-1', name, kind: 'dinas' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe(name);
    const search = await t.app.inject({
      url: `/api/v1/agencies?q=${encodeURIComponent("' OR 1=1 --")}`,
      headers: admin.headers,
    });
    expect(search.statusCode).toBe(200);
    expect(search.json().total).toBe(0);
    const wildcard = await t.app.inject({
      url: `/api/v1/agencies?q=${encodeURIComponent('%')}`,
      headers: admin.headers,
    });
    expect(wildcard.json().total).toBe(0);
  });

  it('rejects bad path and query parameters with 400, not 500', async () => {
    for (const url of [
      '/api/v1/agencies/not-a-uuid',
      '/api/v1/agencies?page=abc',
      '/api/v1/agencies?pageSize=100000',
      '/api/v1/agencies?kind=bogus',
      '/api/v1/agencies?unknown=1',
      '/api/v1/users/1%27%20OR%201=1',
      '/api/v1/audit-events?from=yesterday',
    ]) {
      const res = await t.app.inject({ url, headers: admin.headers });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('VALIDATION_FAILED');
    }
  });

  it('answers unknown routes and methods with a problem', async () => {
    const res = await t.app.inject({ url: '/api/v1/nothing-here', headers: admin.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('ROUTE_NOT_FOUND');
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/government',
      headers: admin.headers,
    });
    expect(del.statusCode).toBe(404);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const before = await counts();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { cookie: admin.cookie },
      payload: { code: 'CSRF-1', name: 'Dinas CSRF', kind: 'dinas' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    expect(await counts()).toEqual(before);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});
