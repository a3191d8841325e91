import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildApplication } from '../../applications/testing/factories.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { interopApis, interopSubscriptions } from '../db/tables.js';
import { buildApi, buildSubscription } from '../testing/factories.js';

let t: TestApp;
let operator: Session;
let admin: Session;
let agencyId: string;
let apiId: string;
let subscriptionId: string;
let applicationId: string;

beforeAll(async () => {
  t = await createTestApp();
  await ensureKominfo(t.ctx);
  agencyId = (await buildAgency(t.ctx)).id;
  operator = await signIn(
    t.app,
    (await buildUser(t.ctx, { roles: ['agency_operator'], agencyId })).email,
  );
  admin = await signIn(t.app, (await buildUser(t.ctx, { roles: ['kominfo_admin'] })).email);
  apiId = (await buildApi(t.ctx, agencyId)).id;
  subscriptionId = (await buildSubscription(t.ctx, (await buildAgency(t.ctx)).id, apiId)).id;
  applicationId = (await buildApplication(t.ctx, { agencyId })).id;
});
afterAll(() => t.close());

async function counts() {
  const [e] = await t.database.db.select({ n: count() }).from(auditEvents);
  const [a] = await t.database.db.select({ n: count() }).from(interopApis);
  const [s] = await t.database.db.select({ n: count() }).from(interopSubscriptions);
  return { events: e?.n, apis: a?.n, subs: s?.n };
}

const send = (
  s: Session,
  method: 'POST' | 'PUT' | 'PATCH' | 'GET',
  url: string,
  payload?: unknown,
) =>
  t.app.inject({
    method,
    url,
    headers: {
      ...s.headers,
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    payload:
      typeof payload === 'string'
        ? payload
        : payload === undefined
          ? undefined
          : JSON.stringify(payload),
  });

const apiBody = {
  name: 'API Uji',
  slug: 'uji-masukan',
  version: 'v1',
  upstreamUrl: 'http://127.0.0.1:9/x',
  visibility: 'internal',
  dataClassification: 'terbatas',
};

describe('interop routes refuse bad input with a 4xx problem and change nothing', () => {
  const base = '/api/v1/interop';
  const cases: [string, () => ReturnType<typeof send>, number][] = [
    ['malformed JSON', () => send(operator, 'POST', `${base}/apis`, '{"name": '), 400],
    [
      'an unknown field',
      () => send(operator, 'POST', `${base}/apis`, { ...apiBody, admin: true }),
      400,
    ],
    [
      'a slug with capitals and slashes',
      () => send(operator, 'POST', `${base}/apis`, { ...apiBody, slug: 'A/../b' }),
      400,
    ],
    [
      'a non-http upstream',
      () =>
        send(operator, 'POST', `${base}/apis`, { ...apiBody, upstreamUrl: 'file:///etc/passwd' }),
      400,
    ],
    [
      'an unknown visibility',
      () => send(operator, 'POST', `${base}/apis`, { ...apiBody, visibility: 'secret' }),
      400,
    ],
    [
      'an OpenAPI source with both text and URL',
      () =>
        send(operator, 'POST', `${base}/apis`, {
          ...apiBody,
          openapi: { document: '{}', url: 'http://x/y' },
        }),
      400,
    ],
    [
      'an OpenAPI array',
      () => send(operator, 'PUT', `${base}/apis/${apiId}/openapi`, { document: '[1,2]' }),
      400,
    ],
    [
      'a document over 2 MB',
      () =>
        send(operator, 'PUT', `${base}/apis/${apiId}/openapi`, {
          document: `{"openapi":"3.0.0","x":"${'a'.repeat(2_100_000)}"}`,
        }),
      400,
    ],
    ['a non-uuid id', () => send(operator, 'GET', `${base}/apis/not-a-uuid`), 400],
    [
      'a header value with CR/LF (header injection)',
      () =>
        send(operator, 'PUT', `${base}/apis/${apiId}/upstream-credential`, {
          headerName: 'X-A',
          value: 'a\r\nHost: evil',
        }),
      400,
    ],
    [
      'a header name with a colon',
      () =>
        send(operator, 'PUT', `${base}/apis/${apiId}/upstream-credential`, {
          headerName: 'X-A: b',
          value: 'a',
        }),
      400,
    ],
    [
      'an unknown operation scope',
      () => send(operator, 'PATCH', `${base}/apis/${apiId}`, { operationScopes: { nope: 'a' } }),
      400,
    ],
    ['an empty update', () => send(operator, 'PATCH', `${base}/apis/${apiId}`, {}), 400],
    [
      'an unknown status',
      () => send(operator, 'POST', `${base}/apis/${apiId}/status`, { status: 'draft' }),
      400,
    ],
    [
      'a zero rate',
      () =>
        send(admin, 'PUT', `${base}/subscriptions/${subscriptionId}/plan`, {
          ratePerMinute: 0,
          dailyQuota: null,
          monthlyQuota: null,
        }),
      400,
    ],
    [
      'a string quota',
      () =>
        send(admin, 'PUT', `${base}/subscriptions/${subscriptionId}/plan`, {
          ratePerMinute: 5,
          dailyQuota: '10',
          monthlyQuota: null,
        }),
      400,
    ],
    [
      'an unknown transition',
      () =>
        send(admin, 'POST', `${base}/subscriptions/${subscriptionId}/transitions`, {
          transition: 'launch',
        }),
      409,
    ],
    [
      'a purpose too short',
      () => send(operator, 'POST', `${base}/subscriptions`, { applicationId, apiId, purpose: 'x' }),
      400,
    ],
    [
      'an expiry in the past',
      () =>
        send(operator, 'POST', `${base}/credentials`, {
          applicationId,
          kind: 'api_key',
          label: 'Lama',
          expiresAt: '2020-01-01T00:00:00Z',
        }),
      400,
    ],
    [
      'an unknown credential kind',
      () =>
        send(operator, 'POST', `${base}/credentials`, {
          applicationId,
          kind: 'password',
          label: 'x',
        }),
      400,
    ],
    [
      'a date range backwards',
      () => send(admin, 'GET', `${base}/usage?from=2026-05-01&to=2026-04-01`),
      400,
    ],
    ['a malformed date', () => send(admin, 'GET', `${base}/usage?from=kemarin`), 400],
  ];
  for (const [name, call, status] of cases) {
    it(name, async () => {
      const before = await counts();
      const res = await call();
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(await counts()).toEqual(before);
    });
  }

  it('a rejection without reasons names the comment field', async () => {
    const provider = await signIn(
      t.app,
      (await buildUser(t.ctx, { roles: ['agency_head'], agencyId })).email,
    );
    const res = await send(
      provider,
      'POST',
      `${base}/subscriptions/${subscriptionId}/transitions`,
      {
        transition: 'reject_provider',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/comment');
  });

  it('answers in English when asked', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `${base}/apis/${apiId}/openapi`,
      headers: { ...operator.headers, 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({ document: '{"swagger":"2.0"}' }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('The OpenAPI document is invalid.');
    expect(res.json().errors[0].message).toBe('Only OpenAPI 3.0 or 3.1 is accepted.');
  });
});
