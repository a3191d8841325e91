import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import { verifyAuditChain } from '../../../platform/audit/verify-audit-chain.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { buildApi, buildSubscription } from '../testing/factories.js';
import { createCredential } from '../use-cases/create-credential.js';
import { revokeCredential } from '../use-cases/revoke-credential.js';

let t: TestApp;
let client: { id: string; clientId: string | null; secret: string; consumerId: string };

beforeAll(async () => {
  t = await createTestApp();
  await ensureKominfo(t.ctx);
  const provider = await buildAgency(t.ctx);
  const api = await buildApi(t.ctx, provider.id);
  const sub = await buildSubscription(t.ctx, (await buildAgency(t.ctx)).id, api.id, 'active');
  client = await createCredential(t.ctx, {
    applicationId: sub.applicationId,
    kind: 'oauth_client',
    label: 'Batch malam',
  });
});
afterAll(() => t.close());

const token = (form: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/oauth2/token',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'uji-oauth2',
      ...headers,
    },
    payload: form,
  });

async function lastEvent(action: string) {
  const [row] = await t.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return row;
}

describe('POST /oauth2/token leaves an audit trail', () => {
  it('records an issued token: the client, the scopes and the expiry, never the token or secret', async () => {
    const res = await token(
      `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.secret}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const event = await lastEvent('interop_token.issue');
    expect(event).toMatchObject({
      actorId: null,
      actorLabel: `oauth2:${client.clientId}`,
      entityType: 'interop_credential',
      entityId: client.id,
      userAgent: 'uji-oauth2',
      requestId: expect.any(String),
    });
    const payload = JSON.parse(
      Buffer.from(body.access_token.split('.')[1], 'base64url').toString('utf8'),
    );
    expect(event?.after).toEqual({
      clientId: client.clientId,
      consumerId: client.consumerId,
      scopes: body.scope.split(' '),
      jti: payload.jti,
      expiresAt: new Date(payload.exp * 1000).toISOString(),
    });
    // The sample API declares imunisasi:tulis and the subscription grants every declared scope.
    expect(body.scope).toBe('imunisasi:tulis');
    const stored = JSON.stringify(event);
    expect(stored).not.toContain(body.access_token);
    expect(stored).not.toContain(body.access_token.split('.')[2]);
    expect(stored).not.toContain(client.secret);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('records every refused attempt with its reason, in its own committed transaction', async () => {
    const wrong = await token(
      `grant_type=client_credentials&client_id=${client.clientId}&client_secret=sps_salah`,
    );
    expect(wrong.statusCode).toBe(401);
    const badSecret = await lastEvent('interop_token.refused');
    expect(badSecret).toMatchObject({
      actorId: null,
      actorLabel: `oauth2:${client.clientId}`,
      entityId: client.id,
      after: { clientId: client.clientId, consumerId: client.consumerId, reason: 'bad_secret' },
    });
    expect(JSON.stringify(badSecret)).not.toContain('sps_salah');

    const unknown = await token(
      'grant_type=client_credentials&client_id=spc_tidakada&client_secret=sps_apapun',
    );
    expect(unknown.statusCode).toBe(401);
    expect(await lastEvent('interop_token.refused')).toMatchObject({
      entityId: null,
      actorLabel: 'oauth2:spc_tidakada',
      after: { clientId: 'spc_tidakada', consumerId: null, reason: 'unknown_client' },
    });

    const basic = Buffer.from(`${client.clientId}:${client.secret}`).toString('base64');
    const scope = await token('grant_type=client_credentials&scope=admin', {
      authorization: `Basic ${basic}`,
    });
    expect(scope.statusCode).toBe(400);
    expect(await lastEvent('interop_token.refused')).toMatchObject({
      entityId: client.id,
      after: { reason: 'invalid_scope', scope: 'admin' },
    });

    await revokeCredential(t.ctx, client.id);
    const revoked = await token('grant_type=client_credentials', {
      authorization: `Basic ${basic}`,
    });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Client authentication failed',
    });
    expect(await lastEvent('interop_token.refused')).toMatchObject({
      entityId: client.id,
      after: { reason: 'revoked' },
    });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('does not audit a malformed request that names no client', async () => {
    const before = await t.database.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'interop_credential'));
    const res = await token('grant_type=password&username=a&password=b');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('unsupported_grant_type');
    const after = await t.database.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'interop_credential'));
    expect(after.length).toBe(before.length);
  });

  it('throttles an address after 20 refused attempts, without writing the audit trail for more', async () => {
    const refusedCount = async () =>
      (
        await t.database.db
          .select({ seq: auditEvents.seq })
          .from(auditEvents)
          .where(eq(auditEvents.action, 'interop_token.refused'))
      ).length;
    const from = (ip: string, form: string) =>
      t.app.inject({
        method: 'POST',
        url: '/oauth2/token',
        remoteAddress: ip,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form,
      });
    const before = await refusedCount();
    for (let i = 0; i < 20; i++) {
      const res = await from(
        '203.0.113.9',
        'grant_type=client_credentials&client_id=x&client_secret=y',
      );
      expect(res.statusCode).toBe(401);
    }
    expect(await refusedCount()).toBe(before + 20);

    const held = await from(
      '203.0.113.9',
      'grant_type=client_credentials&client_id=x&client_secret=y',
    );
    expect(held.statusCode).toBe(429);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect(held.json().error).toBe('invalid_request');
    expect(await refusedCount()).toBe(before + 20);

    // Another address, with a good secret, is not held back.
    const provider = await buildAgency(t.ctx);
    const api = await buildApi(t.ctx, provider.id);
    const sub = await buildSubscription(t.ctx, (await buildAgency(t.ctx)).id, api.id, 'active');
    const good = await createCredential(t.ctx, {
      applicationId: sub.applicationId,
      kind: 'oauth_client',
      label: 'Sinkronisasi',
    });
    const ok = await from(
      '198.51.100.7',
      `grant_type=client_credentials&client_id=${good.clientId}&client_secret=${good.secret}`,
    );
    expect(ok.statusCode).toBe(200);
  });
});
