import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildApplication } from '../../applications/testing/factories.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { interopSubscriptions } from '../db/tables.js';
import { loadGatewaySnapshot } from '../gateway-snapshot.js';
import { buildApi } from '../testing/factories.js';
import { createCredential } from '../use-cases/create-credential.js';
import { updateApi } from '../use-cases/update-api.js';

const base = '/api/v1/interop';
let t: TestApp;
let apiId: string;
let providerOp: Session;
let consumerOp: Session;
let admin: Session;
let consumerAgency: string;

beforeAll(async () => {
  t = await createTestApp();
  await ensureKominfo(t.ctx);
  const provider = (await buildAgency(t.ctx)).id;
  consumerAgency = (await buildAgency(t.ctx)).id;
  // The sample API declares imunisasi:tulis on recordImmunization; the reading gets its own scope.
  apiId = (await buildApi(t.ctx, provider)).id;
  await updateApi(t.ctx, apiId, { operationScopes: { getImmunizationStatus: 'imunisasi:baca' } });
  providerOp = await signIn(
    t.app,
    (await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: provider })).email,
  );
  consumerOp = await signIn(
    t.app,
    (await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: consumerAgency })).email,
  );
  admin = await signIn(t.app, (await buildUser(t.ctx, { roles: ['kominfo_admin'] })).email);
});
afterAll(() => t.close());

const send = (s: Session, url: string, payload: unknown, lang = 'id') =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...s.headers, 'accept-language': lang },
    payload: payload as never,
  });

/** A new application of the consumer agency subscribed with `scopes`, approved by both. */
async function activeSubscription(scopes: string[] | null | undefined) {
  const applicationId = (await buildApplication(t.ctx, { agencyId: consumerAgency })).id;
  const created = await send(consumerOp, `${base}/subscriptions`, {
    applicationId,
    apiId,
    purpose: 'Verifikasi status imunisasi',
    ...(scopes !== undefined ? { scopes } : {}),
  });
  expect(created.statusCode).toBe(201);
  const sub = created.json();
  const approve = (s: Session, transition: string) =>
    send(s, `${base}/subscriptions/${sub.id}/transitions`, { transition });
  expect((await approve(providerOp, 'approve_provider')).statusCode).toBe(200);
  expect((await approve(admin, 'approve_dinas')).statusCode).toBe(200);
  const client = await createCredential(t.ctx, {
    applicationId,
    kind: 'oauth_client',
    label: 'Klien',
  });
  return { sub, applicationId, client };
}

function token(client: { clientId: string | null; secret: string }, scope?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/oauth2/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId ?? '',
      client_secret: client.secret,
      ...(scope ? { scope } : {}),
    }).toString(),
  });
}

describe('a subscription asks for scopes the API declares', () => {
  it('stores the chosen scopes and shows them to the provider and the Dinas for approval', async () => {
    const applicationId = (await buildApplication(t.ctx, { agencyId: consumerAgency })).id;
    const created = await send(consumerOp, `${base}/subscriptions`, {
      applicationId,
      apiId,
      purpose: 'Hanya membaca status imunisasi',
      scopes: ['imunisasi:baca'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const [row] = await t.database.db
      .select()
      .from(interopSubscriptions)
      .where(eq(interopSubscriptions.id, id));
    expect(row?.scopes).toEqual(['imunisasi:baca']);
    const providerView = await t.app.inject({
      url: `${base}/subscriptions/${id}`,
      headers: providerOp.headers,
    });
    expect(providerView.json()).toMatchObject({ scopes: ['imunisasi:baca'], state: 'requested' });
    expect(providerView.json().transitions.map((x: { name: string }) => x.name)).toContain(
      'approve_provider',
    );
    const providerList = await t.app.inject({
      url: `${base}/subscriptions?apiId=${apiId}`,
      headers: providerOp.headers,
    });
    expect(providerList.json().items.find((s: { id: string }) => s.id === id)?.scopes).toEqual([
      'imunisasi:baca',
    ]);
    await send(providerOp, `${base}/subscriptions/${id}/transitions`, {
      transition: 'approve_provider',
    });
    const dinasView = await t.app.inject({
      url: `${base}/subscriptions/${id}`,
      headers: admin.headers,
    });
    expect(dinasView.json()).toMatchObject({
      scopes: ['imunisasi:baca'],
      state: 'provider_approved',
    });
  });

  it('refuses a scope the API does not declare, in the caller language, creating nothing', async () => {
    const applicationId = (await buildApplication(t.ctx, { agencyId: consumerAgency })).id;
    const before = await t.database.db.select({ n: count() }).from(interopSubscriptions);
    const body = {
      applicationId,
      apiId,
      purpose: 'Meminta scope yang tidak ada',
      scopes: ['imunisasi:baca', 'imunisasi:hapus'],
    };
    const id = await send(consumerOp, `${base}/subscriptions`, body);
    const en = await send(consumerOp, `${base}/subscriptions`, body, 'en');
    for (const res of [id, en]) {
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([
        { path: '/scopes/1', message: expect.stringContaining('imunisasi:hapus') },
      ]);
    }
    expect(id.json().errors[0].message).toContain('tidak dideklarasikan');
    expect(en.json().errors[0].message).toContain('not declared');
    const malformed = await send(consumerOp, `${base}/subscriptions`, {
      ...body,
      scopes: ['bukan scope!'],
    });
    expect(malformed.statusCode).toBe(400);
    const after = await t.database.db.select({ n: count() }).from(interopSubscriptions);
    expect(after).toEqual(before);
  });

  it('grants tokens only the scopes of the subscription, and the gateway gets the same list', async () => {
    const { sub, client } = await activeSubscription(['imunisasi:baca']);
    const plain = await token(client);
    expect(plain.statusCode).toBe(200);
    expect(plain.json().scope).toBe('imunisasi:baca');
    const narrowed = await token(client, 'imunisasi:baca');
    expect(narrowed.json().scope).toBe('imunisasi:baca');
    const beyond = await token(client, 'imunisasi:baca imunisasi:tulis');
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().error).toBe('invalid_scope');
    const snapshot = await loadGatewaySnapshot(t.database.db, t.ctx.secrets);
    expect(snapshot.subscriptions.get(`${client.consumerId}:${apiId}`)).toMatchObject({
      id: sub.id,
      scopes: ['imunisasi:baca'],
    });
  });

  it('grants every declared scope to a subscription that named none', async () => {
    const { client } = await activeSubscription(undefined);
    const res = await token(client);
    expect(res.json().scope.split(' ').sort()).toEqual(['imunisasi:baca', 'imunisasi:tulis']);
  });

  it('stops granting a subscribed scope the API no longer declares', async () => {
    const { client } = await activeSubscription(['imunisasi:baca', 'imunisasi:tulis']);
    expect((await token(client)).json().scope).toBe('imunisasi:baca imunisasi:tulis');
    await updateApi(t.ctx, apiId, { operationScopes: { getImmunizationStatus: null } });
    try {
      expect((await token(client)).json().scope).toBe('imunisasi:tulis');
      expect((await token(client, 'imunisasi:baca')).statusCode).toBe(400);
    } finally {
      await updateApi(t.ctx, apiId, {
        operationScopes: { getImmunizationStatus: 'imunisasi:baca' },
      });
    }
  });
});
