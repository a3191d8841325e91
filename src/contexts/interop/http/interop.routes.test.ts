import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import { sha256 } from '../../../platform/crypto/secrets.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildApplication } from '../../applications/testing/factories.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { exchangeRecords } from '../db/exchange-log.tables.js';
import { interopApis, interopCredentials } from '../db/tables.js';
import { currentConfigVersion, loadGatewaySnapshot } from '../gateway-snapshot.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../model.js';
import { sampleOpenApiText } from '../testing/factories.js';

let t: TestApp;
let provider: string;
let consumerAgency: string;
let providerOp: Session;
let consumerOp: Session;
let admin: Session;
let outsider: Session;
let applicationId: string;

beforeAll(async () => {
  t = await createTestApp();
  await ensureKominfo(t.ctx);
  provider = (await buildAgency(t.ctx)).id;
  consumerAgency = (await buildAgency(t.ctx)).id;
  providerOp = await signIn(
    t.app,
    (await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: provider })).email,
  );
  consumerOp = await signIn(
    t.app,
    (await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: consumerAgency })).email,
  );
  admin = await signIn(t.app, (await buildUser(t.ctx, { roles: ['kominfo_admin'] })).email);
  outsider = await signIn(t.app, (await buildUser(t.ctx, { roles: ['agency_operator'] })).email);
  applicationId = (await buildApplication(t.ctx, { agencyId: consumerAgency })).id;
});
afterAll(async () => {
  await t.close();
});

const base = '/api/v1/interop';
const get = (s: Session | null, url: string) => t.app.inject({ url, headers: s?.headers ?? {} });
const send = (
  s: Session,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) => t.app.inject({ method, url, headers: s.headers, payload: payload as never });

const apiBody = (slug: string, document = sampleOpenApiText()) => ({
  name: 'Layanan Data Imunisasi',
  slug,
  version: 'v1',
  upstreamUrl: 'http://127.0.0.1:9/imunisasi/',
  visibility: 'public',
  dataClassification: 'terbatas',
  openapi: { document },
});

describe('API catalogue', () => {
  it('refuses an invalid OpenAPI document with the parser reasons, creating nothing', async () => {
    const bad = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'x' },
      paths: { '/a': { get: { responses: {} } } },
    });
    const res = await send(providerOp, 'POST', `${base}/apis`, apiBody('rusak', bad));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: '/openapi/document/info',
          message: expect.stringContaining('version'),
        }),
      ]),
    );
    const notYaml = await send(
      providerOp,
      'POST',
      `${base}/apis`,
      apiBody('rusak', 'openapi: [unclosed'),
    );
    expect(notYaml.statusCode).toBe(400);
    const swagger2 = await send(
      providerOp,
      'POST',
      `${base}/apis`,
      apiBody('rusak', '{"swagger":"2.0"}'),
    );
    expect(swagger2.statusCode).toBe(400);
    expect(swagger2.json().errors[0].path).toBe('/openapi/document/openapi');
    const rows = await t.database.db
      .select()
      .from(interopApis)
      .where(eq(interopApis.slug, 'rusak'));
    expect(rows).toEqual([]);
  });

  it('imports a YAML description, extracts its operations and publishes', async () => {
    const yaml = [
      'openapi: 3.1.0',
      'info: { title: Cuaca, version: "1" }',
      'paths:',
      '  /forecast/{city}:',
      '    get:',
      '      operationId: getForecast',
      '      summary: Prakiraan',
      '      parameters: [{ name: city, in: path, required: true, schema: { type: string } }]',
      '      responses: { "200": { description: ok } }',
    ].join('\n');
    const created = await send(providerOp, 'POST', `${base}/apis`, apiBody('cuaca', yaml));
    expect(created.statusCode).toBe(201);
    const api = created.json();
    expect(api).toMatchObject({
      status: 'draft',
      openapiVersion: '3.1.0',
      upstreamUrl: 'http://127.0.0.1:9/imunisasi',
      canManage: true,
      operations: [
        {
          method: 'GET',
          path: '/forecast/{city}',
          operationId: 'getForecast',
          summary: 'Prakiraan',
          scope: null,
        },
      ],
    });
    expect(api.gatewayPath).toMatch(/^\/PD-[0-9a-f]+\/cuaca\/v1$/);
    // Same slug and version again: the route is taken.
    expect((await send(providerOp, 'POST', `${base}/apis`, apiBody('cuaca'))).statusCode).toBe(409);
    // A draft is the provider's own: other agencies do not see it.
    expect((await get(consumerOp, `${base}/apis/${api.id}`)).statusCode).toBe(404);
    const published = await send(providerOp, 'POST', `${base}/apis/${api.id}/status`, {
      status: 'published',
    });
    expect(published.json()).toMatchObject({
      status: 'published',
      publishedAt: expect.any(String),
    });
    // Once published others see it, but only the provider changes its status.
    expect(
      (await send(consumerOp, 'POST', `${base}/apis/${api.id}/status`, { status: 'retired' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await send(providerOp, 'POST', `${base}/apis/${api.id}/status`, { status: 'published' }))
        .statusCode,
    ).toBe(409);
  });

  it('shows anonymous visitors only published public APIs, hiding the upstream', async () => {
    const internal = await send(providerOp, 'POST', `${base}/apis`, {
      ...apiBody('dalam'),
      visibility: 'internal',
    });
    const internalId = internal.json().id;
    await send(providerOp, 'POST', `${base}/apis/${internalId}/status`, { status: 'published' });
    const list = await get(null, `${base}/apis?q=cuaca`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { slug: string }) => a.slug)).toEqual(['cuaca']);
    expect((await get(null, `${base}/apis/${internalId}`)).statusCode).toBe(404);
    const seen = await get(consumerOp, `${base}/apis/${internalId}`);
    expect(seen.json()).toMatchObject({
      visibility: 'internal',
      upstreamUrl: null,
      canSubscribe: true,
    });
  });

  it('keeps the upstream credential sealed and refuses gateway-owned headers', async () => {
    const api = (await send(providerOp, 'POST', `${base}/apis`, apiBody('kredensial'))).json();
    const reserved = await send(providerOp, 'PUT', `${base}/apis/${api.id}/upstream-credential`, {
      headerName: 'X-Forwarded-For',
      value: 'x',
    });
    expect(reserved.statusCode).toBe(400);
    const injected = await send(providerOp, 'PUT', `${base}/apis/${api.id}/upstream-credential`, {
      headerName: 'X-Gateway-Secret',
      value: 'rahasia\r\nX-Evil: 1',
    });
    expect(injected.statusCode).toBe(400);
    const ok = await send(providerOp, 'PUT', `${base}/apis/${api.id}/upstream-credential`, {
      headerName: 'X-Gateway-Secret',
      value: 'rahasia-hulu',
    });
    expect(ok.json()).toMatchObject({ upstreamHeaderName: 'X-Gateway-Secret' });
    const [row] = await t.database.db.select().from(interopApis).where(eq(interopApis.id, api.id));
    expect(row?.upstreamHeaderSealed).not.toContain('rahasia-hulu');
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, api.id));
    expect(JSON.stringify(audit)).not.toContain('rahasia-hulu');
  });

  it('imports from a URL, without echoing what it fetched when that is no document', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/openapi.json') res.writeHead(200).end(sampleOpenApiText());
      else res.writeHead(200).end('SECRET-INTERNAL-PAGE: [unclosed');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const api = (
        await send(providerOp, 'POST', `${base}/apis`, {
          ...apiBody('dari-url'),
          openapi: undefined,
        })
      ).json();
      const ok = await send(providerOp, 'PUT', `${base}/apis/${api.id}/openapi`, {
        url: `${origin}/openapi.json`,
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().operations.map((o: { operationId: string }) => o.operationId)).toEqual([
        'getImmunizationStatus',
        'recordImmunization',
      ]);
      const notDoc = await send(providerOp, 'PUT', `${base}/apis/${api.id}/openapi`, {
        url: `${origin}/admin`,
      });
      expect(notDoc.statusCode).toBe(400);
      expect(notDoc.body).not.toContain('SECRET');
      const dead = await send(providerOp, 'PUT', `${base}/apis/${api.id}/openapi`, {
        url: 'http://127.0.0.1:9/x',
      });
      expect(dead.statusCode).toBe(400);
      expect(dead.json().errors[0].path).toBe('/url');
    } finally {
      server.close();
    }
  });
});

describe('subscription, credentials, token and usage', () => {
  it('goes through provider and Dinas approval and reaches the gateway snapshot', async () => {
    const api = (await send(providerOp, 'POST', `${base}/apis`, apiBody('imunisasi'))).json();
    await send(providerOp, 'PUT', `${base}/apis/${api.id}/upstream-credential`, {
      headerName: 'X-Gateway-Secret',
      value: 'hulu-123',
    });
    // Not published yet: the consumer does not even see it.
    const early = await send(consumerOp, 'POST', `${base}/subscriptions`, {
      applicationId,
      apiId: api.id,
      purpose: 'Verifikasi KIA',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('/apiId');
    await send(providerOp, 'POST', `${base}/apis/${api.id}/status`, { status: 'published' });
    // Someone else's application: refused as an unknown application.
    const foreign = await send(outsider, 'POST', `${base}/subscriptions`, {
      applicationId,
      apiId: api.id,
      purpose: 'Verifikasi KIA',
    });
    expect(foreign.statusCode).toBe(400);

    const created = await send(consumerOp, 'POST', `${base}/subscriptions`, {
      applicationId,
      apiId: api.id,
      purpose: 'Verifikasi KIA',
    });
    expect(created.statusCode).toBe(201);
    const sub = created.json();
    expect(sub).toMatchObject({ state: 'requested', plan: { ratePerMinute: 60 }, transitions: [] });
    expect(
      (
        await send(consumerOp, 'POST', `${base}/subscriptions`, {
          applicationId,
          apiId: api.id,
          purpose: 'Lagi dong',
        })
      ).statusCode,
    ).toBe(409);

    // The Dinas cannot approve before the provider; the consumer cannot approve at all.
    expect(
      (
        await send(admin, 'POST', `${base}/subscriptions/${sub.id}/transitions`, {
          transition: 'approve_dinas',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await send(consumerOp, 'POST', `${base}/subscriptions/${sub.id}/transitions`, {
          transition: 'approve_provider',
        })
      ).statusCode,
    ).toBe(403);
    expect((await get(outsider, `${base}/subscriptions/${sub.id}`)).statusCode).toBe(404);

    const step1 = await send(providerOp, 'POST', `${base}/subscriptions/${sub.id}/transitions`, {
      transition: 'approve_provider',
    });
    expect(step1.json().state).toBe('provider_approved');
    const plan = await send(providerOp, 'PUT', `${base}/subscriptions/${sub.id}/plan`, {
      ratePerMinute: 2,
      dailyQuota: 100,
      monthlyQuota: null,
    });
    expect(plan.json().plan).toEqual({ ratePerMinute: 2, dailyQuota: 100, monthlyQuota: null });
    const before = await currentConfigVersion(t.database.db);
    const step2 = await send(admin, 'POST', `${base}/subscriptions/${sub.id}/transitions`, {
      transition: 'approve_dinas',
    });
    expect(step2.json()).toMatchObject({ state: 'active' });
    expect(step2.json().timeline.map((e: { transition: string }) => e.transition)).toEqual([
      'start',
      'approve_provider',
      'approve_dinas',
    ]);
    expect(await currentConfigVersion(t.database.db)).toBeGreaterThan(before);

    // Credentials: an API key, shown once and stored as its SHA-256.
    const key = await send(consumerOp, 'POST', `${base}/credentials`, {
      applicationId,
      kind: 'api_key',
      label: 'Server SIAK',
    });
    expect(key.statusCode).toBe(201);
    const { secret, id: keyId } = key.json();
    expect(secret).toMatch(/^spk_/);
    const [stored] = await t.database.db
      .select()
      .from(interopCredentials)
      .where(eq(interopCredentials.id, keyId));
    expect(stored?.secretHash).toBe(sha256(secret));
    const listed = await get(consumerOp, `${base}/credentials?applicationId=${applicationId}`);
    expect(JSON.stringify(listed.json())).not.toContain(secret);
    expect(
      (
        await send(providerOp, 'POST', `${base}/credentials`, {
          applicationId,
          kind: 'api_key',
          label: 'x',
        })
      ).statusCode,
    ).toBe(404);

    const snapshot = await loadGatewaySnapshot(t.database.db, t.ctx.secrets);
    const route = snapshot.routes.find((r) => r.apiId === api.id);
    expect(route).toMatchObject({
      slug: 'imunisasi',
      version: 'v1',
      upstreamUrl: 'http://127.0.0.1:9/imunisasi',
      upstreamHeaders: { 'X-Gateway-Secret': 'hulu-123' },
      operations: expect.arrayContaining([
        {
          method: 'GET',
          path: '/immunizations/{nik}',
          operationId: 'getImmunizationStatus',
          scope: null,
        },
      ]),
    });
    const gk = snapshot.apiKeys.get(sha256(secret));
    expect(gk).toMatchObject({ credentialId: keyId });
    expect(snapshot.subscriptions.get(`${gk?.consumerId}:${api.id}`)).toMatchObject({
      id: sub.id,
      plan: { ratePerMinute: 2, dailyQuota: 100, monthlyQuota: null },
    });

    // Rotation replaces the secret (without a grace period here, the old key stops at once);
    // revocation removes the key from the snapshot.
    const rotated = (
      await send(consumerOp, 'POST', `${base}/credentials/${keyId}/rotate`, { graceHours: 0 })
    ).json();
    expect(rotated.secret).not.toBe(secret);
    let snap2 = await loadGatewaySnapshot(t.database.db, t.ctx.secrets);
    expect(snap2.apiKeys.has(sha256(secret))).toBe(false);
    expect(snap2.apiKeys.has(sha256(rotated.secret))).toBe(true);
    await send(consumerOp, 'POST', `${base}/credentials/${keyId}/revoke`);
    snap2 = await loadGatewaySnapshot(t.database.db, t.ctx.secrets);
    expect(snap2.apiKeys.has(sha256(rotated.secret))).toBe(false);
    expect((await send(consumerOp, 'POST', `${base}/credentials/${keyId}/rotate`)).statusCode).toBe(
      409,
    );

    // OAuth2 client credentials.
    const client = (
      await send(consumerOp, 'POST', `${base}/credentials`, {
        applicationId,
        kind: 'oauth_client',
        label: 'Batch',
      })
    ).json();
    expect(client.clientId).toMatch(/^spc_/);
    const token = await t.app.inject({
      method: 'POST',
      url: '/oauth2/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.secret}`,
    });
    expect(token.statusCode).toBe(200);
    expect(token.headers['cache-control']).toBe('no-store');
    const body = token.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    const keys = (await loadGatewaySnapshot(t.database.db, t.ctx.secrets)).jwt.keys;
    const { payload } = await jwtVerify(body.access_token, createLocalJWKSet({ keys }), {
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    });
    expect(payload).toMatchObject({
      sub: gk?.consumerId,
      client_id: client.clientId,
      jti: expect.any(String),
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeLessThanOrEqual(900);
    // Basic authentication works too; a scope not granted is refused.
    const basic = Buffer.from(`${client.clientId}:${client.secret}`).toString('base64');
    const scoped = await t.app.inject({
      method: 'POST',
      url: '/oauth2/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${basic}`,
      },
      payload: 'grant_type=client_credentials&scope=imunisasi:tulis',
    });
    expect(scoped.statusCode).toBe(200);
    expect(scoped.json().scope).toBe('imunisasi:tulis');
    const badScope = await t.app.inject({
      method: 'POST',
      url: '/oauth2/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${basic}`,
      },
      payload: 'grant_type=client_credentials&scope=admin',
    });
    expect(badScope.statusCode).toBe(400);
    expect(badScope.json()).toEqual({
      error: 'invalid_scope',
      error_description: expect.any(String),
    });
    // A revoked client gets no more tokens.
    await send(consumerOp, 'POST', `${base}/credentials/${client.id}/revoke`);
    const revoked = await t.app.inject({
      method: 'POST',
      url: '/oauth2/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${basic}`,
      },
      payload: 'grant_type=client_credentials',
    });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.headers['www-authenticate']).toContain('Basic');
    expect(revoked.json().error).toBe('invalid_client');

    // Usage from the exchange log, by API, consumer and day.
    const now = new Date();
    const record = (status: number, latencyMs: number) => ({
      requestId: `req-${Math.random()}`,
      apiId: api.id,
      consumerId: gk?.consumerId ?? null,
      subscriptionId: sub.id,
      operation: 'getImmunizationStatus',
      method: 'GET',
      path: '/immunizations/1',
      status,
      latencyMs,
      requestBytes: 0,
      responseBytes: 10,
      requestDigest: 'sha-256=x',
      responseDigest: 'sha-256=y',
      startedAt: now.toISOString(),
      recordedAt: now.toISOString(),
      nodeId: 'test',
      prevHash: '0',
      hash: '1',
    });
    await t.database.db
      .insert(exchangeRecords)
      .values([record(200, 10), record(200, 20), record(429, 1), record(502, 30)]);
    const usage = await get(providerOp, `${base}/usage?apiId=${api.id}`);
    expect(usage.statusCode).toBe(200);
    expect(usage.json().rows).toEqual([
      expect.objectContaining({
        api: expect.objectContaining({ id: api.id }),
        calls: 4,
        errors: 2,
        p50: 15,
      }),
    ]);
    expect((await get(consumerOp, `${base}/usage?apiId=${api.id}`)).json().totals).toEqual({
      calls: 4,
      errors: 2,
    });
    expect((await get(outsider, `${base}/usage?apiId=${api.id}`)).json().totals).toEqual({
      calls: 0,
      errors: 0,
    });
    expect((await get(admin, `${base}/usage?from=2026-02-01&to=2026-01-01`)).statusCode).toBe(400);
  });

  it('answers token errors as RFC 6749 bodies, never problem+json', async () => {
    const post = (payload: string, type = 'application/x-www-form-urlencoded') =>
      t.app.inject({
        method: 'POST',
        url: '/oauth2/token',
        headers: { 'content-type': type },
        payload,
      });
    const wrong = await post('grant_type=client_credentials&client_id=spc_x&client_secret=nope');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      error: 'invalid_client',
      error_description: expect.any(String),
    });
    expect((await post('grant_type=password&username=a')).json().error).toBe(
      'unsupported_grant_type',
    );
    expect((await post('client_id=a')).json().error).toBe('invalid_request');
    expect(
      (await post('grant_type=client_credentials&grant_type=client_credentials')).json().error,
    ).toBe('invalid_request');
    const json = await post('{"grant_type":"client_credentials"}', 'application/json');
    expect(json.statusCode).toBe(400);
    expect(json.json().error).toBe('invalid_request');
  });
});
