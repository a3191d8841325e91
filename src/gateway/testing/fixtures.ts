import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { createSecretBox, randomToken, sha256 } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/client.js';
import { type RunningGateway, type StartGatewayOptions, startGateway } from '../server.js';
import type { GatewaySnapshot, GatewaySubscription, SnapshotSource } from '../snapshot.js';

/** What the stub provider saw of one forwarded request. */
export interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A stand-in for a provider agency's API (the outside world): echoes what it received as JSON;
 * `/slow` answers after 2 s, `/fail` answers 500, `/big` answers 2 MB.
 */
export async function startUpstream(): Promise<{
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(entry);
      if (req.url?.includes('/slow')) {
        setTimeout(() => res.writeHead(200).end('late'), 2000).unref();
        return;
      }
      if (req.url?.includes('/fail')) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('broken');
        return;
      }
      if (req.url?.includes('/big')) {
        res
          .writeHead(200, { 'content-type': 'application/octet-stream' })
          .end(Buffer.alloc(2 * 1024 * 1024));
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json',
        connection: 'keep-alive',
        'keep-alive': 'timeout=99',
        'x-provider': 'dinkes',
      });
      res.end(JSON.stringify({ method: entry.method, url: entry.url, body: entry.body }));
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const ISSUER = 'http://simpul.test';
export const AUDIENCE = 'simpul-gateway';

/** A consumer (registered application) with an API key, as the control plane would publish it. */
export interface TestConsumer {
  consumerId: string;
  apiKey: string;
}

export interface World {
  snapshot: GatewaySnapshot;
  apiId: string;
  dukcapil: TestConsumer;
  /** Registered but not subscribed. */
  stranger: TestConsumer;
  subscription: GatewaySubscription;
  signToken(claims: {
    sub: string;
    scope?: string;
    aud?: string;
    expiresIn?: string;
  }): Promise<string>;
  /** A token signed by a key the gateway does not know. */
  forgeToken(sub: string): Promise<string>;
  jwk: JWK;
}

/**
 * The Dinkes "faskes" API (v1) at `upstreamUrl`, subscribed by Dukcapil with a plan; operations
 * from its OpenAPI description, one of them scoped.
 */
export async function buildWorld(
  upstreamUrl: string,
  plan: GatewaySubscription['plan'] = { ratePerMinute: 1000, dailyQuota: null, monthlyQuota: null },
  overrides: { timeoutMs?: number; maxRequestBytes?: number; version?: number } = {},
): Promise<World> {
  const apiId = randomUUID();
  const dukcapil = { consumerId: randomUUID(), apiKey: randomToken() };
  const stranger = { consumerId: randomUUID(), apiKey: randomToken() };
  const subscription: GatewaySubscription = {
    id: randomUUID(),
    consumerId: dukcapil.consumerId,
    apiId,
    scopes: null,
    plan,
  };
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA' };
  const other = await generateKeyPair('EdDSA');
  const sign = (
    key: Parameters<SignJWT['sign']>[0],
    c: { sub: string; scope?: string; aud?: string; expiresIn?: string },
  ) =>
    new SignJWT({ scope: c.scope ?? '', client_id: c.sub })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(c.aud ?? AUDIENCE)
      .setSubject(c.sub)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(c.expiresIn ?? '5m')
      .sign(key);
  const snapshot: GatewaySnapshot = {
    version: overrides.version ?? 1,
    routes: [
      {
        apiId,
        agencyCode: 'dinkes',
        slug: 'faskes',
        version: 'v1',
        upstreamUrl: `${upstreamUrl}/base`,
        upstreamHeaders: { Authorization: 'Bearer provider-secret', 'X-Provider-Key': 'pk-123' },
        timeoutMs: overrides.timeoutMs ?? 1000,
        maxRequestBytes: overrides.maxRequestBytes ?? 1024,
        operations: [
          { method: 'GET', path: '/patients/{nik}', operationId: 'getPatient', scope: null },
          {
            method: 'POST',
            path: '/patients',
            operationId: 'createPatient',
            scope: 'patients:write',
          },
          { method: 'GET', path: '/slow', operationId: 'slow', scope: null },
          { method: 'GET', path: '/fail', operationId: 'fail', scope: null },
          { method: 'GET', path: '/big', operationId: 'big', scope: null },
        ],
      },
    ],
    apiKeys: new Map([
      [
        sha256(dukcapil.apiKey),
        { credentialId: randomUUID(), consumerId: dukcapil.consumerId, expiresAt: null },
      ],
      [
        sha256(stranger.apiKey),
        { credentialId: randomUUID(), consumerId: stranger.consumerId, expiresAt: null },
      ],
    ]),
    subscriptions: new Map([[`${dukcapil.consumerId}:${apiId}`, subscription]]),
    jwt: { issuer: ISSUER, audience: AUDIENCE, keys: [jwk] },
  };
  return {
    snapshot,
    apiId,
    dukcapil,
    stranger,
    subscription,
    jwk,
    signToken: (c) => sign(privateKey, c),
    forgeToken: (sub) => sign(other.privateKey, { sub }),
  };
}

export const quietLogger = process.env.GATEWAY_TEST_LOG
  ? { info: console.log, warn: console.warn, error: console.error }
  : { info() {}, warn() {}, error() {} };

export interface TestGateway extends RunningGateway {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** The gateway on a free port with a data directory of its own. */
export async function startTestGateway(
  db: Db,
  source: SnapshotSource,
  options: Partial<StartGatewayOptions> = {},
): Promise<TestGateway> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'simpul-gateway-'));
  const running = await startGateway({
    db,
    secrets: createSecretBox(Buffer.alloc(32, 7)),
    dataDir,
    source,
    port: 0,
    host: '127.0.0.1',
    nodeId: `test:${process.pid}`,
    logger: quietLogger,
    pollIntervalMs: 100,
    healthCheckIntervalMs: 60_000,
    ...options,
  });
  return {
    ...running,
    url: `http://127.0.0.1:${running.port}`,
    dataDir,
    async close() {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
