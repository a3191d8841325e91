import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import { sha256 } from '../../../platform/crypto/secrets.js';
import { AppError } from '../../../platform/errors.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { interopCredentials } from '../db/tables.js';
import { loadGatewaySnapshot } from '../gateway-snapshot.js';
import { buildApi, buildSubscription } from '../testing/factories.js';
import { createCredential } from './create-credential.js';
import { revokeCredential } from './revoke-credential.js';
import { rotateCredential } from './rotate-credential.js';

const HOUR = 3_600_000;
let t: TestApp;
let applicationId: string;
let consumerOp: Session;
let outsider: Session;

beforeAll(async () => {
  t = await createTestApp();
  await ensureKominfo(t.ctx);
  const api = await buildApi(t.ctx, (await buildAgency(t.ctx)).id);
  const consumerAgency = (await buildAgency(t.ctx)).id;
  applicationId = (await buildSubscription(t.ctx, consumerAgency, api.id, 'active')).applicationId;
  consumerOp = await signIn(
    t.app,
    (await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: consumerAgency })).email,
  );
  outsider = await signIn(t.app, (await buildUser(t.ctx, { roles: ['agency_operator'] })).email);
});
afterAll(() => t.close());

const newKey = (label = 'Kunci server') =>
  createCredential(t.ctx, { applicationId, kind: 'api_key', label });
const snapshotKeys = async () => (await loadGatewaySnapshot(t.database.db, t.ctx.secrets)).apiKeys;
const stored = async (id: string) =>
  (await t.database.db.select().from(interopCredentials).where(eq(interopCredentials.id, id)))[0];
/** Milliseconds between an ISO time and now + `hours`. */
const offFrom = (iso: string | null | undefined, hours: number) =>
  Math.abs(new Date(iso ?? 0).getTime() - (Date.now() + hours * HOUR));

describe('rotateCredential', () => {
  it('keeps the old key working for 24 hours by default, in the snapshot and the list', async () => {
    const key = await newKey();
    const rotated = await rotateCredential(t.ctx, key.id);
    expect(rotated.secret).not.toBe(key.secret);
    expect(rotated.prefix).toBe(rotated.secret.slice(0, 10));
    expect(rotated.previous?.prefix).toBe(key.prefix);
    expect(offFrom(rotated.previous?.expiresAt, 24)).toBeLessThan(60_000);

    const keys = await snapshotKeys();
    expect(keys.get(sha256(rotated.secret))).toEqual({
      credentialId: key.id,
      consumerId: key.consumerId,
      expiresAt: null,
    });
    expect(keys.get(sha256(key.secret))).toEqual({
      credentialId: key.id,
      consumerId: key.consumerId,
      expiresAt: rotated.previous?.expiresAt,
    });

    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'interop_credential.rotate'), eq(auditEvents.entityId, key.id)),
      )
      .orderBy(desc(auditEvents.seq));
    expect(event?.before).toEqual({ prefix: key.prefix, previous: null });
    expect(event?.after).toEqual({
      prefix: rotated.prefix,
      graceHours: 24,
      previous: rotated.previous,
    });
    const row = await stored(key.id);
    expect(JSON.stringify(event)).not.toContain(row?.secretHash);
    expect(JSON.stringify(event)).not.toContain(row?.previousSecretHash);
  });

  it('stops the old key at once with a grace period of 0', async () => {
    const key = await newKey();
    const rotated = await rotateCredential(t.ctx, key.id, { graceHours: 0 });
    expect(rotated.previous).toBeNull();
    const keys = await snapshotKeys();
    expect(keys.has(sha256(key.secret))).toBe(false);
    expect(keys.has(sha256(rotated.secret))).toBe(true);
  });

  it('never lets the old key outlive the credential itself', async () => {
    const expiresAt = new Date(Date.now() + 2 * HOUR).toISOString();
    const key = await createCredential(t.ctx, {
      applicationId,
      kind: 'api_key',
      label: 'Kunci sementara',
      expiresAt,
    });
    const rotated = await rotateCredential(t.ctx, key.id, { graceHours: 168 });
    expect(rotated.previous?.expiresAt).toBe(expiresAt);
    expect((await snapshotKeys()).get(sha256(key.secret))?.expiresAt).toBe(expiresAt);
  });

  it('keeps one replaced key: rotating again ends the older one at once', async () => {
    const key = await newKey();
    const first = await rotateCredential(t.ctx, key.id, { graceHours: 48 });
    const second = await rotateCredential(t.ctx, key.id, { graceHours: 1 });
    const keys = await snapshotKeys();
    expect(keys.has(sha256(key.secret))).toBe(false);
    expect(offFrom(keys.get(sha256(first.secret))?.expiresAt, 1)).toBeLessThan(60_000);
    expect(keys.get(sha256(second.secret))?.expiresAt).toBeNull();
  });

  it('drops the old key once its grace period has passed', async () => {
    const key = await newKey();
    const rotated = await rotateCredential(t.ctx, key.id);
    await t.database.db
      .update(interopCredentials)
      .set({ previousExpiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(interopCredentials.id, key.id));
    expect((await snapshotKeys()).has(sha256(key.secret))).toBe(false);
    expect((await snapshotKeys()).has(sha256(rotated.secret))).toBe(true);
    const listed = await t.app.inject({
      url: `/api/v1/interop/credentials?applicationId=${applicationId}`,
      headers: consumerOp.headers,
    });
    expect(listed.json().find((c: { id: string }) => c.id === key.id).previous).toBeNull();
  });

  it('revokes the new and the old key at once', async () => {
    const key = await newKey();
    const rotated = await rotateCredential(t.ctx, key.id, { graceHours: 72 });
    const revoked = await revokeCredential(t.ctx, key.id);
    expect(revoked.previous).toBeNull();
    const keys = await snapshotKeys();
    expect(keys.has(sha256(key.secret))).toBe(false);
    expect(keys.has(sha256(rotated.secret))).toBe(false);
  });

  it('lets an OAuth client obtain tokens with its old secret during the grace period only', async () => {
    const client = await createCredential(t.ctx, {
      applicationId,
      kind: 'oauth_client',
      label: 'Batch',
    });
    const token = (secret: string) =>
      t.app.inject({
        method: 'POST',
        url: '/oauth2/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${secret}`,
      });
    const rotated = await rotateCredential(t.ctx, client.id, { graceHours: 2 });
    expect((await token(client.secret)).statusCode).toBe(200);
    expect((await token(rotated.secret)).statusCode).toBe(200);
    await t.database.db
      .update(interopCredentials)
      .set({ previousExpiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(interopCredentials.id, client.id));
    expect((await token(client.secret)).statusCode).toBe(401);
    expect((await token(rotated.secret)).statusCode).toBe(200);
    const again = await rotateCredential(t.ctx, client.id, { graceHours: 0 });
    expect((await token(rotated.secret)).statusCode).toBe(401);
    expect((await token(again.secret)).statusCode).toBe(200);
  });

  it('refuses a grace period outside 0–168 whole hours, changing nothing', async () => {
    const key = await newKey();
    for (const graceHours of [-1, 169, 1.5, Number.NaN]) {
      await expect(rotateCredential(t.ctx, key.id, { graceHours })).rejects.toBeInstanceOf(
        AppError,
      );
    }
    expect((await stored(key.id))?.secretHash).toBe(sha256(key.secret));
  });
});

describe('POST /credentials/:id/rotate', () => {
  const rotate = (s: Session, id: string, payload?: unknown, lang = 'id') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/interop/credentials/${id}/rotate`,
      headers: {
        ...s.headers,
        'accept-language': lang,
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      payload: payload === undefined ? undefined : JSON.stringify(payload),
    });

  it('takes the grace period from the body, 24 hours without one', async () => {
    const key = await newKey();
    const res = await rotate(consumerOp, key.id, { graceHours: 168 });
    expect(res.statusCode).toBe(200);
    expect(offFrom(res.json().previous.expiresAt, 168)).toBeLessThan(60_000);
    const bare = await rotate(consumerOp, key.id);
    expect(bare.statusCode).toBe(200);
    expect(offFrom(bare.json().previous.expiresAt, 24)).toBeLessThan(60_000);
    expect(bare.json().previous.prefix).toBe(res.json().prefix);
  });

  it('refuses bad grace periods with a problem in the caller language, changing nothing', async () => {
    const key = await newKey();
    for (const body of [
      { graceHours: 169 },
      { graceHours: -1 },
      { graceHours: 2.5 },
      { graceHours: '24' },
      { graceDays: 1 },
      [],
    ]) {
      const res = await rotate(consumerOp, key.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const id = await rotate(consumerOp, key.id, { graceHours: 200 });
    const en = await rotate(consumerOp, key.id, { graceHours: 200 }, 'en');
    expect(id.json().errors[0].path).toBe('/graceHours');
    expect(en.json().errors[0].path).toBe('/graceHours');
    expect(id.json().title).not.toBe(en.json().title);
    expect(en.json().errors[0].message).toMatch(/168/);
    expect((await stored(key.id))?.secretHash).toBe(sha256(key.secret));
    expect((await stored(key.id))?.lastRotatedAt).toBeNull();
  });

  it('answers 404 outside the caller scope', async () => {
    const key = await newKey();
    expect((await rotate(outsider, key.id, { graceHours: 1 })).statusCode).toBe(404);
    expect((await stored(key.id))?.secretHash).toBe(sha256(key.secret));
  });
});
