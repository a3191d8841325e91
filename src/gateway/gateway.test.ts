import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeRecords } from '../contexts/interop/db/exchange-log.tables.js';
import type { Database } from '../platform/db/client.js';
import { createTestDatabase } from '../platform/testing/test-database.js';
import { verifyExchangeLog } from './exchange-log/verify.js';
import { staticSnapshotSource } from './snapshot.js';
import {
  buildWorld,
  deadPort,
  startTestGateway,
  startUpstream,
  type TestGateway,
  type World,
} from './testing/fixtures.js';

let database: Database;
let upstream: Awaited<ReturnType<typeof startUpstream>>;
let world: World;
let gw: TestGateway;
let source: ReturnType<typeof staticSnapshotSource>;

beforeAll(async () => {
  database = await createTestDatabase();
  upstream = await startUpstream();
  world = await buildWorld(upstream.url, {
    ratePerMinute: 1000,
    dailyQuota: null,
    monthlyQuota: null,
  });
  source = staticSnapshotSource(world.snapshot);
  gw = await startTestGateway(database.db, source);
});

afterAll(async () => {
  await gw?.close();
  await upstream?.close();
  await database?.close();
});

const call = (
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
) =>
  request(`${gw.url}${path}`, {
    method: (init.method ?? 'GET') as 'GET',
    headers: init.headers,
    body: init.body,
  });

async function json(res: Awaited<ReturnType<typeof call>>) {
  return (await res.body.json()) as Record<string, unknown>;
}

/** Raw bytes on a socket: for requests no well-behaved client would send. */
function raw(text: string): Promise<string> {
  const url = new URL(gw.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    let out = '';
    socket.on('data', (d) => {
      out += d.toString('latin1');
    });
    socket.on('end', () => resolve(out));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
    socket.setTimeout(3000, () => {
      socket.destroy();
      resolve(out);
    });
  });
}

/** The record in the database, once the journal shipped it (the answer waited only for the journal). */
async function recordOf(requestId: string, via: TestGateway = gw) {
  await via.log.drainSpool();
  const [row] = await database.db
    .select()
    .from(exchangeRecords)
    .where(eq(exchangeRecords.requestId, requestId));
  return row;
}

describe('routing and API key authentication', () => {
  it('forwards to the upstream with its credential, without the consumer’s, and records the exchange', async () => {
    const before = upstream.seen.length;
    const res = await call('/dinkes/faskes/v1/patients/5101?fields=name', {
      headers: {
        'x-api-key': world.dukcapil.apiKey,
        'x-simpul-consumer-id': 'spoofed',
        // A consumer cannot pose as the gateway with the provider's credential field.
        'x-provider-key': 'forged',
        'x-forwarded-for': '10.9.9.9',
        'accept-language': 'en',
      },
    });
    expect(res.statusCode).toBe(200);
    const body = await json(res);
    expect(body.url).toBe('/base/patients/5101?fields=name');
    const seen = upstream.seen[before];
    expect(seen?.headers.authorization).toBe('Bearer provider-secret');
    expect(seen?.headers['x-provider-key']).toBe('pk-123');
    expect(seen?.headers['x-api-key']).toBeUndefined();
    expect(seen?.headers['x-simpul-consumer-id']).toBe(world.dukcapil.consumerId);
    expect(seen?.headers['x-forwarded-for']).toBe('10.9.9.9, 127.0.0.1');
    expect(seen?.headers['x-forwarded-proto']).toBe('http');
    const requestId = res.headers['x-request-id'] as string;
    expect(seen?.headers['x-request-id']).toBe(requestId);
    // Hop-by-hop fields of the upstream answer stay behind; its own fields pass.
    expect(res.headers['keep-alive']).not.toBe('timeout=99');
    expect(res.headers['x-provider']).toBe('dinkes');

    const row = await recordOf(requestId);
    expect(row).toMatchObject({
      apiId: world.apiId,
      consumerId: world.dukcapil.consumerId,
      subscriptionId: world.subscription.id,
      operation: 'getPatient',
      method: 'GET',
      path: '/dinkes/faskes/v1/patients/5101?fields=name',
      status: 200,
      requestBytes: 0,
    });
    const sent = Buffer.from(JSON.stringify(body));
    expect(row?.responseBytes).toBe(sent.length);
    expect(row?.responseDigest).toBe(
      `sha-256=${createHash('sha256').update(sent).digest('base64')}`,
    );
  });

  it('answers with the digest of the request body so the consumer can prove what it asked', async () => {
    const payload = JSON.stringify({ nik: '5101010101010001', nama: 'Ni Made' });
    const token = await world.signToken({
      sub: world.dukcapil.consumerId,
      scope: 'patients:write',
    });
    const res = await call('/dinkes/faskes/v1/patients', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: payload,
    });
    expect(res.statusCode).toBe(200);
    expect((await json(res)).body).toBe(payload);
    const digest = `sha-256=${createHash('sha256').update(payload).digest('base64')}`;
    expect(res.headers['x-request-digest']).toBe(digest);
    const row = await recordOf(res.headers['x-request-id'] as string);
    expect(row?.requestDigest).toBe(digest);
    expect(row?.requestBytes).toBe(Buffer.byteLength(payload));
  });

  it('refuses unknown addresses and operations with 404', async () => {
    const none = await call('/dinkes/nothing/v1/x', {
      headers: { 'x-api-key': world.dukcapil.apiKey },
    });
    expect(none.statusCode).toBe(404);
    expect(none.headers['content-type']).toContain('application/problem+json');
    expect((await json(none)).code).toBe('ROUTE_NOT_FOUND');
    const op = await call('/dinkes/faskes/v1/admin/drop', {
      headers: { 'x-api-key': world.dukcapil.apiKey },
    });
    expect(op.statusCode).toBe(404);
    expect((await json(op)).code).toBe('OPERATION_NOT_FOUND');
  });
});

describe('authentication and subscription', () => {
  it('401 without credentials, with an unknown key, or with bad tokens', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'UNAUTHENTICATED'],
      [{ 'x-api-key': 'not-a-key' }, 'INVALID_CREDENTIALS'],
      [{ authorization: 'Bearer not.a.jwt' }, 'TOKEN_INVALID'],
      [
        { authorization: `Bearer ${await world.forgeToken(world.dukcapil.consumerId)}` },
        'TOKEN_INVALID',
      ],
      [
        {
          authorization: `Bearer ${await world.signToken({ sub: world.dukcapil.consumerId, aud: 'other' })}`,
        },
        'TOKEN_INVALID',
      ],
      [
        {
          authorization: `Bearer ${await world.signToken({ sub: world.dukcapil.consumerId, expiresIn: '-1m' })}`,
        },
        'TOKEN_INVALID',
      ],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 'UNAUTHENTICATED'],
    ];
    for (const [headers, code] of cases) {
      const res = await call('/dinkes/faskes/v1/patients/1', { headers });
      expect(res.statusCode, code).toBe(401);
      const problem = await json(res);
      expect(problem.code).toBe(code);
      expect(problem.title).toMatch(/\S/);
      // Refusals are exchanges too: recorded, with no consumer.
      const row = await recordOf(res.headers['x-request-id'] as string);
      expect(row?.status).toBe(401);
    }
  });

  it('403 for a consumer without a subscription, and for a token without the operation’s scope', async () => {
    const unsubscribed = await call('/dinkes/faskes/v1/patients/1', {
      headers: { 'x-api-key': world.stranger.apiKey },
    });
    expect(unsubscribed.statusCode).toBe(403);
    expect((await json(unsubscribed)).code).toBe('NOT_SUBSCRIBED');

    const readOnly = await world.signToken({
      sub: world.dukcapil.consumerId,
      scope: 'patients:read',
    });
    const res = await call('/dinkes/faskes/v1/patients', {
      method: 'POST',
      headers: { authorization: `Bearer ${readOnly}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.statusCode).toBe(403);
    expect((await json(res)).code).toBe('SCOPE_MISSING');
    const ok = await call('/dinkes/faskes/v1/patients/1', {
      headers: { authorization: `Bearer ${readOnly}` },
    });
    expect(ok.statusCode).toBe(200);
    await ok.body.dump();
  });

  it('speaks English when asked, Indonesian by default', async () => {
    const id = await json(await call('/dinkes/faskes/v1/patients/1'));
    const en = await json(
      await call('/dinkes/faskes/v1/patients/1', { headers: { 'accept-language': 'en-US' } }),
    );
    expect(id.title).toContain('Sertakan');
    expect(en.title).toContain('Send');
  });
});

describe('limits', () => {
  it('413 for a body over the API’s limit, declared or streamed', async () => {
    const big = Buffer.alloc(2048, 'a');
    const token = await world.signToken({
      sub: world.dukcapil.consumerId,
      scope: 'patients:write',
    });
    const declared = await call('/dinkes/faskes/v1/patients', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: big,
    });
    expect(declared.statusCode).toBe(413);
    expect((await json(declared)).code).toBe('PAYLOAD_TOO_LARGE');
    const chunked = await raw(
      'POST /dinkes/faskes/v1/patients HTTP/1.1\r\nHost: x\r\n' +
        `x-api-key: ${world.dukcapil.apiKey}\r\nTransfer-Encoding: chunked\r\n\r\n` +
        `800\r\n${'b'.repeat(2048)}\r\n0\r\n\r\n`,
    );
    expect(chunked).toMatch(/^HTTP\/1\.1 413/);
    expect(chunked).toContain('PAYLOAD_TOO_LARGE');
  });

  it('429 past the rate limit, with Retry-After, and the quota counts per subscription', async () => {
    const limited = await buildWorld(
      upstream.url,
      { ratePerMinute: 3, dailyQuota: null, monthlyQuota: null },
      { version: 2 },
    );
    source.set(limited.snapshot);
    await gw.gateway.reload(false);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await call('/dinkes/faskes/v1/patients/1', {
        headers: { 'x-api-key': limited.dukcapil.apiKey },
      });
      statuses.push(last.statusCode);
      if (i < 3) await last.body.dump();
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect((await json(last as Awaited<ReturnType<typeof call>>)).code).toBe('RATE_LIMITED');

    const quota = await buildWorld(
      upstream.url,
      { ratePerMinute: 100, dailyQuota: 2, monthlyQuota: null },
      { version: 3 },
    );
    source.set(quota.snapshot);
    await gw.gateway.reload(false);
    const q: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call('/dinkes/faskes/v1/patients/1', {
        headers: { 'x-api-key': quota.dukcapil.apiKey },
      });
      q.push(r.statusCode);
      const b = await json(r);
      if (r.statusCode === 429) expect(b.code).toBe('QUOTA_EXCEEDED');
    }
    expect(q).toEqual([200, 200, 429]);
    source.set({ ...world.snapshot, version: 4 });
    await gw.gateway.reload(false);
  });
});

describe('failing upstreams', () => {
  it('502 for a dead upstream, 504 for a slow one, then the circuit opens (503)', async () => {
    const port = await deadPort();
    const dead = await buildWorld(`http://127.0.0.1:${port}`, undefined, {
      version: 10,
      timeoutMs: 300,
    });
    const local = staticSnapshotSource(dead.snapshot);
    const g = await startTestGateway(database.db, local, {
      circuitFailures: 3,
      circuitOpenMs: 60_000,
    });
    try {
      const key = { 'x-api-key': dead.dukcapil.apiKey };
      const first = await request(`${g.url}/dinkes/faskes/v1/patients/1`, { headers: key });
      expect(first.statusCode).toBe(502);
      expect(((await first.body.json()) as { code: string }).code).toBe('UPSTREAM_FAILED');

      const slowWorld = await buildWorld(upstream.url, undefined, { version: 11, timeoutMs: 300 });
      local.set(slowWorld.snapshot);
      await g.gateway.reload(false);
      const slow = await request(`${g.url}/dinkes/faskes/v1/slow`, {
        headers: { 'x-api-key': slowWorld.dukcapil.apiKey },
      });
      expect(slow.statusCode).toBe(504);
      expect(((await slow.body.json()) as { code: string }).code).toBe('UPSTREAM_TIMEOUT');
      const row = await recordOf(slow.headers['x-request-id'] as string, g);
      expect(row?.status).toBe(504);

      // 500s from the provider pass through, and count towards the circuit.
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await request(`${g.url}/dinkes/faskes/v1/fail`, {
          headers: { 'x-api-key': slowWorld.dukcapil.apiKey },
        });
        statuses.push(r.statusCode);
        await r.body.dump();
      }
      // One timeout + two 500s open the circuit; the next calls are held at the gateway.
      expect(statuses).toEqual([500, 500, 503, 503]);
      const held = await request(`${g.url}/dinkes/faskes/v1/patients/1`, {
        headers: { 'x-api-key': slowWorld.dukcapil.apiKey },
      });
      expect(held.statusCode).toBe(503);
      expect(held.headers['retry-after']).toBeDefined();
      expect(((await held.body.json()) as { code: string }).code).toBe('CIRCUIT_OPEN');
    } finally {
      await g.close();
    }
  });

  it('relays a large answer as it comes, digested whole', async () => {
    const res = await call('/dinkes/faskes/v1/big', {
      headers: { 'x-api-key': world.dukcapil.apiKey },
    });
    // 2 MB is within the default 32 MB but over the 256 KB kept whole: streamed, still digested.
    expect(res.statusCode).toBe(200);
    const body = Buffer.from(await res.body.arrayBuffer());
    expect(body.length).toBe(2 * 1024 * 1024);
    const row = await recordOf(res.headers['x-request-id'] as string);
    expect(row?.responseDigest).toBe(
      `sha-256=${createHash('sha256').update(body).digest('base64')}`,
    );
  });
  it('refuses an answer over the limit: 502 while buffered, a cut connection once streaming', async () => {
    for (const [limit, streamed] of [
      [100 * 1024, false],
      [1024 * 1024, true],
    ] as const) {
      const g = await startTestGateway(database.db, source, { maxResponseBytes: limit });
      try {
        const res = await request(`${g.url}/dinkes/faskes/v1/big`, {
          headers: { 'x-api-key': world.dukcapil.apiKey },
        });
        const requestId = res.headers['x-request-id'] as string;
        if (streamed) {
          // The head went out; the body stops short of the 2 MB and the connection is cut.
          expect(res.statusCode).toBe(200);
          await expect(res.body.arrayBuffer()).rejects.toThrow();
        } else {
          expect(res.statusCode).toBe(502);
          expect((await json(res)).code).toBe('UPSTREAM_RESPONSE_TOO_LARGE');
        }
        const row = await recordOf(requestId, g);
        expect(row?.status).toBe(502);
        expect(row?.responseBytes).toBeLessThanOrEqual(limit);
      } finally {
        await g.close();
      }
    }
  });
});

describe('malformed requests and smuggling', () => {
  const key = () => `x-api-key: ${world.dukcapil.apiKey}\r\n`;

  it('refuses Content-Length with Transfer-Encoding', async () => {
    const before = upstream.seen.length;
    const out = await raw(
      `POST /dinkes/faskes/v1/patients HTTP/1.1\r\nHost: x\r\n${key()}Content-Length: 4\r\n` +
        'Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /dinkes/faskes/v1/patients/smuggled HTTP/1.1\r\nHost: x\r\n\r\n',
    );
    expect(out).toMatch(/^HTTP\/1\.1 400/);
    expect(out).toContain('application/problem+json');
    expect(out).not.toContain('smuggled');
    expect(upstream.seen.slice(before).some((s) => s.url.includes('smuggled'))).toBe(false);
  });

  it('refuses duplicate Content-Length', async () => {
    const out = await raw(
      `POST /dinkes/faskes/v1/patients HTTP/1.1\r\nHost: x\r\n${key()}Content-Length: 2\r\nContent-Length: 30\r\n\r\n{}`,
    );
    expect(out).toMatch(/^HTTP\/1\.1 400/);
  });

  it('refuses CR/LF injected into a header value and bare LF line endings', async () => {
    const injected = await raw(
      `GET /dinkes/faskes/v1/patients/1 HTTP/1.1\r\nHost: x\r\n${key()}X-Note: a\rX-Injected: yes\r\n\r\n`,
    );
    expect(injected).toMatch(/^HTTP\/1\.1 400/);
    const bare = await raw(`GET /dinkes/faskes/v1/patients/1 HTTP/1.1\nHost: x\nX-Api-Key: k\n\n`);
    expect(bare).toMatch(/^HTTP\/1\.1 400/);
  });

  it('refuses a garbage request line and an obsolete line folding', async () => {
    expect(await raw('HELLO\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    const folded = await raw(
      `GET /dinkes/faskes/v1/patients/1 HTTP/1.1\r\nHost: x\r\n${key()}X-A: b\r\n c\r\n\r\n`,
    );
    expect(folded).toMatch(/^HTTP\/1\.1 400/);
  });

  it('refuses a bad chunk size', async () => {
    const out = await raw(
      `POST /dinkes/faskes/v1/patients HTTP/1.1\r\nHost: x\r\n${key()}Transfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n`,
    );
    expect(out).toMatch(/^HTTP\/1\.1 400/);
  });
});

describe('hop-by-hop headers', () => {
  it('drops the fields the client lists in Connection', async () => {
    const before = upstream.seen.length;
    const out = await raw(
      'GET /dinkes/faskes/v1/patients/7 HTTP/1.1\r\nHost: x\r\n' +
        `x-api-key: ${world.dukcapil.apiKey}\r\nConnection: close, x-secret-hop\r\n` +
        'X-Secret-Hop: must-not-pass\r\nTE: trailers\r\nUpgrade: h2c\r\n\r\n',
    );
    expect(out).toMatch(/^HTTP\/1\.1 200/);
    const seen = upstream.seen[before];
    expect(seen?.url).toBe('/base/patients/7');
    expect(seen?.headers['x-secret-hop']).toBeUndefined();
    expect(seen?.headers.te).toBeUndefined();
    expect(seen?.headers.upgrade).toBeUndefined();
  });
});

describe('configuration changes', () => {
  it('reach the running gateway within seconds, without restart', async () => {
    const newcomer = await buildWorld(upstream.url, undefined, { version: 50 });
    const before = await call('/dinkes/faskes/v1/patients/1', {
      headers: { 'x-api-key': newcomer.dukcapil.apiKey },
    });
    expect(before.statusCode).toBe(401);
    await before.body.dump();
    source.set(newcomer.snapshot);
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const r = await call('/dinkes/faskes/v1/patients/1', {
        headers: { 'x-api-key': newcomer.dukcapil.apiKey },
      });
      status = r.statusCode;
      await r.body.dump();
    }
    expect(status).toBe(200);
    source.set({ ...world.snapshot, version: 51 });
    await gw.gateway.reload(false);
  });
});

describe('exchange log', () => {
  it('hash-chains every record, seals the head, and names the first altered record', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await call(`/dinkes/faskes/v1/patients/${i}`, {
        headers: { 'x-api-key': world.dukcapil.apiKey },
      });
      await r.body.dump();
    }
    await gw.stop(); // drains and seals
    const intact = await verifyExchangeLog(database.db);
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThan(10);
    expect(intact.sealsChecked).toBeGreaterThan(0);
    expect(intact.sealKeys.length).toBeGreaterThan(0);

    const rows = await database.db.select().from(exchangeRecords).orderBy(asc(exchangeRecords.seq));
    const victim = rows[3];
    if (!victim) throw new Error('no records');
    await database.db
      .update(exchangeRecords)
      .set({ status: 201 })
      .where(eq(exchangeRecords.seq, victim.seq));
    const altered = await verifyExchangeLog(database.db);
    expect(altered).toMatchObject({ ok: false, firstBrokenSeq: victim.seq, reason: 'altered' });

    await database.db
      .update(exchangeRecords)
      .set({ status: victim.status })
      .where(eq(exchangeRecords.seq, victim.seq));
    expect((await verifyExchangeLog(database.db)).ok).toBe(true);
    const next = rows[4];
    await database.db.delete(exchangeRecords).where(eq(exchangeRecords.seq, victim.seq));
    expect(await verifyExchangeLog(database.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: next?.seq,
      reason: 'relinked',
    });

    gw = await startTestGateway(database.db, source);
  });
});

describe('exchange log spool', () => {
  it('spools to disk with fsync while the database fails, answers, and drains afterwards', async () => {
    // A real failure of the database: the table is unreachable under its name.
    await database.db.execute(sql`alter table exchange_records rename to exchange_records_away`);
    const ids: string[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const r = await call(`/dinkes/faskes/v1/patients/spool-${i}`, {
          headers: { 'x-api-key': world.dukcapil.apiKey },
        });
        expect(r.statusCode).toBe(200);
        await r.body.dump();
        ids.push(r.headers['x-request-id'] as string);
      }
      const spool = join(gw.dataDir, 'gateway-spool');
      const files = readdirSync(spool).filter((f) => f.endsWith('.jsonl'));
      expect(files.length).toBeGreaterThan(0);
    } finally {
      await database.db.execute(sql`alter table exchange_records_away rename to exchange_records`);
    }
    await gw.log.drainSpool();
    for (const id of ids) expect((await recordOf(id))?.status).toBe(200);
    expect(
      readdirSync(join(gw.dataDir, 'gateway-spool')).filter((f) => f.endsWith('.jsonl')),
    ).toEqual([]);
    // Drained records join the chain; the earlier deletion is still reported where it was.
    const rows = await database.db.select().from(exchangeRecords).orderBy(asc(exchangeRecords.seq));
    const last = rows.at(-1);
    expect(ids).toContain(last?.requestId);
  });
});

describe('operations', () => {
  it('serves /health and Prometheus /metrics', async () => {
    const health = await request(`${gw.url}/health`);
    expect(health.statusCode).toBe(200);
    expect(((await health.body.json()) as { status: string }).status).toBe('ok');
    const metrics = await request(`${gw.url}/metrics`);
    expect(metrics.statusCode).toBe(200);
    const text = await metrics.body.text();
    expect(text).toContain('simpul_gateway_requests_total');
    expect(text).toContain('simpul_gateway_exchange_log_spooled_total');
  });
});
