import { createHash, randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { Dispatcher } from 'undici';
import { sha256 } from '../platform/crypto/secrets.js';
import type { ExchangeLog } from './exchange-log/writer.js';
import type { GatewayMetrics } from './metrics.js';
import {
  type GatewayProblem,
  PROBLEM_CONTENT_TYPE,
  pickLanguage,
  problemBody,
  problemStatus,
  sendProblem,
} from './problems.js';
import { memoryRateLimiter, type RateLimiter } from './rate-limiter.js';
import { type CompiledRoute, type CompiledSnapshot, compileSnapshot } from './routing.js';
import type { GatewaySnapshot, SnapshotSource } from './snapshot.js';
import { Upstreams } from './upstream.js';
import { BodyTooLarge, UpstreamAnswer } from './upstream-answer.js';

export interface GatewayLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface GatewayOptions {
  source: SnapshotSource;
  log: ExchangeLog;
  limiter: RateLimiter;
  metrics: GatewayMetrics;
  logger: GatewayLogger;
  nodeId: string;
  /** Bearer token required on /metrics when set (SIMPUL_METRICS_TOKEN). */
  metricsToken?: string;
  pollIntervalMs?: number;
  healthCheckIntervalMs?: number;
  /** Largest upstream answer the gateway relays; answers over 256 KB are streamed, not buffered. */
  maxResponseBytes?: number;
  /** Circuit breaker: consecutive failures that open it, and how long it stays open. */
  circuitFailures?: number;
  circuitOpenMs?: number;
}

// RFC 9110 §7.6.1: connection-specific fields, never forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);
// The consumer's credential stays at the gateway; the provider trusts the gateway's credential.
const NOT_FORWARDED = new Set([
  ...HOP_BY_HOP,
  'host',
  'content-length',
  'x-api-key',
  'authorization',
  'cookie',
  'x-request-id',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'forwarded',
]);
// Set by the gateway on every answer; an upstream's own are not passed on.
const OWN_RESPONSE_FIELDS = new Set(['content-length', 'x-request-id', 'x-request-digest']);
const NO_BODY_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRY_DELAYS_MS = [25, 100];
const EMPTY_DIGEST = `sha-256=${createHash('sha256').digest('base64')}`;
/** Answers up to this size are sent whole; larger ones are relayed as they come. */
const STREAM_AFTER_BYTES = 256 * 1024;

interface Exchange {
  requestId: string;
  startedAt: number;
  t0: number;
  compiled: CompiledRoute;
  method: string;
  path: string;
  lang: 'id' | 'en';
  consumerId: string | null;
  subscriptionId: string | null;
  operation: string | null;
  requestBytes: number;
  requestDigest: string;
}

interface TokenInfo {
  consumerId: string;
  scopes: Set<string>;
  exp: number;
}

/**
 * The data plane of the Sistem Penghubung Layanan (Perbup Tabanan 44/2022 Pasal 13; Purbalingga
 * 45/2024 Pasal 19–20): every exchange between agencies passes here, is authenticated, checked
 * against its subscription and plan, forwarded with the provider's credential, and recorded in
 * the hash-chained exchange log before its answer leaves.
 */
export class Gateway {
  readonly server: Server;
  private compiled: CompiledSnapshot | null = null;
  private jwks: ReturnType<typeof createLocalJWKSet> | null = null;
  private tokenCache = new Map<string, TokenInfo>();
  private readonly upstreams: Upstreams;
  private pollTimer: NodeJS.Timeout | null = null;
  private unwatch: (() => Promise<void>) | null = null;
  private reloading: Promise<void> | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private stopping = false;
  private idle: (() => void) | null = null;
  private readonly maxResponseBytes: number;

  constructor(private readonly o: GatewayOptions) {
    this.upstreams = new Upstreams(o.circuitFailures ?? 5, o.circuitOpenMs ?? 10_000);
    this.maxResponseBytes = o.maxResponseBytes ?? 32 * 1024 * 1024;
    this.server = createServer(
      {
        // Smuggling: never accept a request the strict parser doubts (CL+TE, duplicate CL, bare LF).
        insecureHTTPParser: false,
        requestTimeout: 30_000,
        headersTimeout: 10_000,
        keepAliveTimeout: 5_000,
        maxHeaderSize: 16 * 1024,
      },
      (req, res) => this.handle(req, res),
    );
    this.server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
      onClientError(error, socket),
    );
  }

  get snapshot(): GatewaySnapshot | null {
    return this.compiled?.snapshot ?? null;
  }

  /** Loads the configuration, watches and polls it, starts health checks and the log drain. */
  async start() {
    await this.reload(true).catch((error) =>
      this.o.logger.error({ err: error }, 'gateway configuration could not be loaded'),
    );
    const refresh = () => void this.reload(false).catch(() => {});
    this.unwatch =
      (await this.o.source.watch?.(refresh).catch((error) => {
        this.o.logger.warn({ err: error }, 'configuration changes are polled only');
        return null;
      })) ?? null;
    this.pollTimer = setInterval(refresh, this.o.pollIntervalMs ?? 1000);
    this.pollTimer.unref();
    this.healthTimer = setInterval(
      () => void this.checkUpstreams(),
      this.o.healthCheckIntervalMs ?? 10_000,
    );
    this.healthTimer.unref();
    this.o.log.start();
  }

  async listen(port: number, host?: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  /** Reloads the snapshot when the control plane's version moved (or `force`); one at a time. */
  async reload(force: boolean): Promise<void> {
    while (this.reloading) await this.reloading.catch(() => {});
    this.reloading = this.load(force);
    try {
      await this.reloading;
    } finally {
      this.reloading = null;
    }
  }

  private async load(force: boolean) {
    const version = await this.o.source.version();
    if (!force && this.compiled && this.compiled.snapshot.version === version) return;
    const snapshot = await this.o.source.load();
    this.compiled = compileSnapshot(snapshot, this.upstreams);
    this.jwks = createLocalJWKSet({ keys: snapshot.jwt.keys });
    this.tokenCache.clear();
    this.o.metrics.configVersion.set(snapshot.version);
    this.o.logger.info(
      { version: snapshot.version, routes: snapshot.routes.length },
      'gateway configuration loaded',
    );
  }

  private async checkUpstreams() {
    for (const u of this.upstreams.all()) {
      await u.healthCheck();
      this.o.metrics.circuitOpen.set({ upstream: u.origin }, u.open ? 1 : 0);
    }
  }

  /** Stops accepting, lets in-flight exchanges finish and their records land, then closes. */
  async stop() {
    if (this.stopping) return;
    this.stopping = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.healthTimer) clearInterval(this.healthTimer);
    await this.unwatch?.();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        this.idle = resolve;
        setTimeout(resolve, 15_000).unref();
      });
    }
    this.server.closeAllConnections();
    await closed;
    await this.o.log.close();
    await this.upstreams.close();
    await this.o.limiter.close();
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = req.url ?? '/';
    if (url === '/health' || url === '/metrics') {
      void this.operational(url, req, res);
      return;
    }
    const lang = pickLanguage(req.headers['accept-language']);
    if (this.stopping) {
      sendProblem(res, 'UNAVAILABLE', lang, { connection: 'close' });
      return;
    }
    const compiled = this.compiled;
    if (!compiled) {
      sendProblem(res, 'UNAVAILABLE', lang, { 'retry-after': '1' });
      return;
    }
    // /{agency-code}/{api-slug}/{version}/rest?query
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const s1 = pathname.indexOf('/', 1);
    const s2 = s1 > 0 ? pathname.indexOf('/', s1 + 1) : -1;
    const s3 = s2 > 0 ? pathname.indexOf('/', s2 + 1) : -1;
    const route =
      s2 > 0 && pathname.length > s2 + 1
        ? compiled.routes.get(pathname.slice(1, s3 === -1 ? undefined : s3))
        : undefined;
    const rest = s3 === -1 ? '/' : pathname.slice(s3);
    if (!route) {
      sendProblem(res, 'ROUTE_NOT_FOUND', lang);
      req.resume();
      return;
    }
    this.inFlight += 1;
    const ex: Exchange = {
      requestId: randomUUID(),
      startedAt: Date.now(),
      t0: performance.now(),
      compiled: route,
      method: req.method ?? 'GET',
      path: url,
      lang,
      consumerId: null,
      subscriptionId: null,
      operation: null,
      requestBytes: 0,
      requestDigest: EMPTY_DIGEST,
    };
    this.exchange(ex, req, res, compiled, rest, q === -1 ? '' : url.slice(q))
      .catch((error) => {
        this.o.logger.error({ err: error, requestId: ex.requestId }, 'gateway exchange failed');
        if (!res.headersSent) sendProblem(res, 'UNAVAILABLE', lang, { connection: 'close' });
        else res.destroy();
      })
      .finally(() => {
        this.inFlight -= 1;
        if (this.inFlight === 0 && this.idle) this.idle();
      });
  }

  private async operational(url: string, req: IncomingMessage, res: ServerResponse) {
    if (url === '/health') {
      const body = JSON.stringify({
        status: this.compiled ? 'ok' : 'starting',
        configVersion: this.compiled?.snapshot.version ?? null,
        spoolFiles: this.o.log.pendingSpoolFiles,
      });
      res.writeHead(this.compiled && !this.stopping ? 200 : 503, {
        'content-type': 'application/json',
      });
      res.end(body);
      return;
    }
    if (this.o.metricsToken) {
      const auth = req.headers.authorization ?? '';
      if (auth !== `Bearer ${this.o.metricsToken}`) {
        sendProblem(res, 'METRICS_FORBIDDEN', pickLanguage(req.headers['accept-language']));
        return;
      }
    }
    this.o.metrics.spoolFiles.set(this.o.log.pendingSpoolFiles);
    const body = await this.o.metrics.registry.metrics();
    res.writeHead(200, { 'content-type': this.o.metrics.registry.contentType });
    res.end(body);
  }

  private async exchange(
    ex: Exchange,
    req: IncomingMessage,
    res: ServerResponse,
    compiled: CompiledSnapshot,
    rest: string,
    query: string,
  ) {
    const { route } = ex.compiled;
    // Body limit: refuse a declared oversize body before reading it.
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > route.maxRequestBytes) {
      return this.fail(ex, req, res, 'PAYLOAD_TOO_LARGE', { connection: 'close' });
    }
    let body: Buffer = EMPTY_BUFFER;
    try {
      if (hasBody(req)) body = await readBody(req, route.maxRequestBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return this.fail(ex, req, res, 'PAYLOAD_TOO_LARGE', { connection: 'close' });
      }
      return this.fail(ex, req, res, 'BAD_REQUEST', { connection: 'close' });
    }
    ex.requestBytes = body.length;
    if (body.length > 0)
      ex.requestDigest = `sha-256=${createHash('sha256').update(body).digest('base64')}`;

    // Authentication: X-API-Key, or a Bearer JWT from the control plane's /oauth2/token.
    const snapshot = compiled.snapshot;
    let token: TokenInfo | null = null;
    const apiKey = req.headers['x-api-key'];
    const authorization = req.headers.authorization;
    if (typeof apiKey === 'string' && apiKey !== '') {
      const key = snapshot.apiKeys.get(sha256(apiKey));
      if (!key || (key.expiresAt && Date.parse(key.expiresAt) <= Date.now())) {
        return this.fail(ex, req, res, 'INVALID_CREDENTIALS');
      }
      ex.consumerId = key.consumerId;
    } else if (authorization?.startsWith('Bearer ')) {
      token = await this.verifyToken(authorization.slice(7).trim(), snapshot);
      if (!token)
        return this.fail(ex, req, res, 'TOKEN_INVALID', {
          'www-authenticate': 'Bearer error="invalid_token"',
        });
      ex.consumerId = token.consumerId;
    } else {
      return this.fail(ex, req, res, 'UNAUTHENTICATED', { 'www-authenticate': 'Bearer' });
    }

    let scope: string | null = null;
    if (ex.compiled.findOperation) {
      const op = ex.compiled.findOperation(ex.method === 'HEAD' ? 'GET' : ex.method, rest);
      if (!op) return this.fail(ex, req, res, 'OPERATION_NOT_FOUND');
      ex.operation = op.operationId;
      scope = op.scope;
    }
    const sub = snapshot.subscriptions.get(`${ex.consumerId}:${route.apiId}`);
    if (!sub) return this.fail(ex, req, res, 'NOT_SUBSCRIBED');
    ex.subscriptionId = sub.id;
    if (
      scope &&
      ((sub.scopes && !sub.scopes.includes(scope)) || (token && !token.scopes.has(scope)))
    ) {
      return this.fail(ex, req, res, 'SCOPE_MISSING');
    }

    let verdict: Awaited<ReturnType<RateLimiter['take']>>;
    try {
      verdict = await this.o.limiter.take(sub.id, sub.plan);
    } catch (error) {
      this.o.logger.warn({ err: error }, 'rate limiter unavailable; counting on this node');
      verdict = await fallbackLimiter.take(sub.id, sub.plan);
    }
    if (!verdict.ok) {
      return this.fail(
        ex,
        req,
        res,
        verdict.reason === 'rate' ? 'RATE_LIMITED' : 'QUOTA_EXCEEDED',
        {
          'retry-after': String(verdict.retryAfterSeconds),
        },
      );
    }

    const upstream = ex.compiled.upstream;
    if (!upstream.admit()) {
      this.o.metrics.upstreamErrors.inc({ api: ex.compiled.label, kind: 'circuit_open' });
      return this.fail(ex, req, res, 'CIRCUIT_OPEN', {
        'retry-after': String(upstream.retryAfterSeconds()),
      });
    }

    const headers = forwardHeaders(req, ex, body.length);
    const path = `${upstream.basePath}${rest}${query}`;
    let answer: UpstreamAnswer | null = null;
    let failure: GatewayProblem | null = null;
    for (let attempt = 0; ; attempt++) {
      const candidate = new UpstreamAnswer(
        this.maxResponseBytes,
        STREAM_AFTER_BYTES,
        (a) => this.startStreaming(ex, res, a),
        res,
      );
      upstream.pool.dispatch(
        {
          method: ex.method as Dispatcher.HttpMethod,
          path,
          headers,
          body: body.length > 0 ? body : null,
          headersTimeout: route.timeoutMs,
          bodyTimeout: route.timeoutMs,
        },
        candidate,
      );
      try {
        await candidate.done;
        answer = candidate;
        break;
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        const timedOut =
          code === 'UND_ERR_HEADERS_TIMEOUT' ||
          code === 'UND_ERR_CONNECT_TIMEOUT' ||
          code === 'UND_ERR_BODY_TIMEOUT';
        // Only idempotent methods are retried, and only when no answer came (not on timeout).
        if (
          candidate.status === 0 &&
          !timedOut &&
          IDEMPOTENT.has(ex.method) &&
          attempt < RETRY_DELAYS_MS.length
        ) {
          await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
          continue;
        }
        failure =
          error instanceof BodyTooLarge
            ? 'UPSTREAM_RESPONSE_TOO_LARGE'
            : timedOut
              ? 'UPSTREAM_TIMEOUT'
              : 'UPSTREAM_FAILED';
        this.o.metrics.upstreamErrors.inc({
          api: ex.compiled.label,
          kind: timedOut ? 'timeout' : candidate.status === 0 ? 'connect' : 'body',
        });
        if (candidate.streaming) {
          // The head went out already: record what the gateway saw, then cut the connection.
          upstream.failed();
          await this.record(ex, problemStatus(failure), candidate.size, candidate.digest());
          res.destroy();
          return;
        }
        break;
      }
    }
    if (!answer) {
      upstream.failed();
      return this.fail(ex, req, res, failure ?? 'UPSTREAM_FAILED');
    }
    if (answer.status >= 500) upstream.failed();
    else upstream.succeeded();

    const digest = answer.digest();
    if (answer.streaming) {
      const durable = await this.record(ex, answer.status, answer.size, digest);
      if (durable && !res.destroyed) {
        res.end(answer.chunks[0]);
        this.countAnswer(ex.compiled.label, answer.status, (performance.now() - ex.t0) / 1000);
      } else res.destroy();
    } else {
      await this.answer(
        ex,
        res,
        answer.status,
        responseHeaders(answer.headers, ex, ex.method === 'HEAD' ? null : answer.size),
        answer.chunks,
        answer.size,
        digest,
      );
    }
    if (!req.complete) req.resume();
  }

  /** The answer outgrew the buffer: its head goes out now, the body follows as it comes. */
  private startStreaming(ex: Exchange, res: ServerResponse, answer: UpstreamAnswer): boolean {
    if (res.destroyed) return false;
    const declared = Number(answer.headers['content-length']);
    res.writeHead(
      answer.status,
      responseHeaders(answer.headers, ex, Number.isSafeInteger(declared) ? declared : null),
    );
    res.once('close', () => {
      if (!res.writableFinished) answer.abort(new Error('client closed'));
    });
    return true;
  }

  private async verifyToken(jwt: string, snapshot: GatewaySnapshot): Promise<TokenInfo | null> {
    const cached = this.tokenCache.get(jwt);
    const nowSec = Date.now() / 1000;
    if (cached) return cached.exp > nowSec ? cached : null;
    if (!this.jwks) return null;
    try {
      const { payload } = await jwtVerify(jwt, this.jwks, {
        issuer: snapshot.jwt.issuer,
        audience: snapshot.jwt.audience,
        algorithms: ['EdDSA', 'ES256'],
        requiredClaims: ['exp', 'sub'],
        maxTokenAge: '15m',
      });
      const info: TokenInfo = {
        consumerId: String(payload.sub),
        scopes: new Set(
          typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
        ),
        exp: payload.exp ?? 0,
      };
      if (this.tokenCache.size > 10_000) this.tokenCache.clear();
      this.tokenCache.set(jwt, info);
      return info;
    } catch {
      return null;
    }
  }

  /** A refusal by the gateway itself: recorded like any exchange, then answered. */
  private async fail(
    ex: Exchange,
    req: IncomingMessage,
    res: ServerResponse,
    code: GatewayProblem,
    extra: Record<string, string> = {},
  ) {
    const body = Buffer.from(problemBody(code, ex.lang, ex.requestId));
    const headers = ['content-type', PROBLEM_CONTENT_TYPE, ...gatewayHeaders(ex, body.length)];
    for (const name in extra) headers.push(name, extra[name] as string);
    await this.answer(
      ex,
      res,
      problemStatus(code),
      headers,
      [body],
      body.length,
      `sha-256=${createHash('sha256').update(body).digest('base64')}`,
    );
    if (extra.connection === 'close') {
      // The rest of an oversize or broken body is not read: end the connection after answering.
      res.once('finish', () => req.socket.destroySoon());
    } else if (!req.complete) {
      req.resume();
    }
  }

  /** Records the exchange durably, then (and only then) answers the client. */
  private async answer(
    ex: Exchange,
    res: ServerResponse,
    status: number,
    headers: string[],
    chunks: Buffer[],
    size: number,
    digest: string,
  ) {
    const head = ex.method === 'HEAD';
    if (!(await this.record(ex, status, head ? 0 : size, head ? EMPTY_DIGEST : digest))) {
      if (!res.headersSent) sendProblem(res, 'UNAVAILABLE', ex.lang, { connection: 'close' });
      return;
    }
    if (res.destroyed) return;
    res.writeHead(status, headers);
    if (head || chunks.length === 0) res.end();
    else if (chunks.length === 1) res.end(chunks[0]);
    else {
      res.cork();
      for (const c of chunks) res.write(c);
      res.end();
      res.uncork();
    }
    this.countAnswer(ex.compiled.label, status, (performance.now() - ex.t0) / 1000);
  }

  /**
   * Appends the exchange record to the durable log. False when it could not be written: then
   * the client gets 503 (or a cut connection) and the exchange is not acknowledged.
   */
  private async record(
    ex: Exchange,
    status: number,
    responseBytes: number,
    responseDigest: string,
  ): Promise<boolean> {
    const latencyMs = Math.round((performance.now() - ex.t0) * 1000) / 1000;
    try {
      await this.o.log.append({
        requestId: ex.requestId,
        apiId: ex.compiled.route.apiId,
        consumerId: ex.consumerId,
        subscriptionId: ex.subscriptionId,
        operation: ex.operation,
        method: ex.method,
        path: ex.path,
        status,
        latencyMs,
        requestBytes: ex.requestBytes,
        responseBytes,
        requestDigest: ex.requestDigest,
        responseDigest: responseBytes === 0 ? EMPTY_DIGEST : responseDigest,
        startedAt: new Date(ex.startedAt).toISOString(),
        recordedAt: new Date().toISOString(),
        nodeId: this.o.nodeId,
      });
      return true;
    } catch (error) {
      // Neither the database nor the spool took the record: the exchange is not acknowledged.
      this.o.logger.error({ err: error, requestId: ex.requestId }, 'exchange record not durable');
      return false;
    }
  }

  // Label children resolved once per API and status: no label object hashed per request.
  private readonly counted = new Map<string, { inc(): void }>();
  private readonly timed = new Map<string, { observe(v: number): void }>();

  private countAnswer(api: string, status: number, seconds: number) {
    const key = `${api}\u0000${status}`;
    let counter = this.counted.get(key);
    if (!counter) {
      counter = this.o.metrics.requests.labels(api, String(status));
      this.counted.set(key, counter);
    }
    counter.inc();
    let histogram = this.timed.get(api);
    if (!histogram) {
      histogram = this.o.metrics.duration.labels(api);
      this.timed.set(api, histogram);
    }
    histogram.observe(seconds);
  }
}

const EMPTY_BUFFER = Buffer.alloc(0);
const fallbackLimiter = memoryRateLimiter();

function connectionListed(value: string | string[] | undefined): Set<string> | null {
  if (!value) return null;
  const text = Array.isArray(value) ? value.join(',') : value;
  return new Set(
    text
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** The request head for the upstream: the client's fields minus what stays at the gateway. */
function forwardHeaders(req: IncomingMessage, ex: Exchange, bodyLength: number): string[] {
  const incoming = req.headers;
  const listed = connectionListed(incoming.connection);
  const raw = req.rawHeaders;
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (NOT_FORWARDED.has(name) || name.startsWith('x-simpul-') || listed?.has(name)) continue;
    if (ex.compiled.injectNames.has(name)) continue;
    out.push(name, raw[i + 1] as string);
  }
  const client = req.socket.remoteAddress ?? '';
  const prior = incoming['x-forwarded-for'];
  out.push('x-forwarded-for', prior ? `${prior}, ${client}` : client);
  out.push('x-forwarded-proto', 'encrypted' in req.socket ? 'https' : 'http');
  if (incoming.host) out.push('x-forwarded-host', incoming.host);
  out.push('x-request-id', ex.requestId);
  if (ex.consumerId) out.push('x-simpul-consumer-id', ex.consumerId);
  if (ex.subscriptionId) out.push('x-simpul-subscription-id', ex.subscriptionId);
  if (bodyLength > 0 || !NO_BODY_METHODS.has(ex.method)) {
    out.push('content-length', String(bodyLength));
  }
  for (const [name, value] of ex.compiled.inject) out.push(name, value);
  return out;
}

/** What the gateway adds to every answer: the request id and the digest of what was asked. */
function gatewayHeaders(ex: Exchange, length: number | null): string[] {
  const out = ['x-request-id', ex.requestId, 'x-request-digest', ex.requestDigest];
  if (length !== null) out.push('content-length', String(length));
  return out;
}

/** The upstream's response head for the client, without hop-by-hop fields. */
function responseHeaders(
  incoming: IncomingHttpHeaders,
  ex: Exchange,
  length: number | null,
): string[] {
  const listed = connectionListed(incoming.connection);
  const out: string[] = [];
  for (const name in incoming) {
    const value = incoming[name];
    if (value === undefined || HOP_BY_HOP.has(name) || OWN_RESPONSE_FIELDS.has(name)) continue;
    if (listed?.has(name)) continue;
    if (Array.isArray(value)) for (const v of value) out.push(name, v);
    else out.push(name, value);
  }
  // HEAD: the upstream's Content-Length describes the body a GET would get.
  const declared = incoming['content-length'];
  if (length === null && ex.method === 'HEAD' && declared) out.push('content-length', declared);
  return out.concat(gatewayHeaders(ex, length));
}

/** True when the request head announces a body (RFC 9112 §6.3). */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onAborted = () => onError(new Error('request aborted'));
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/** Refuses what the HTTP parser rejects (smuggling, CR/LF injection, oversize headers) cleanly. */
function onClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const timeout = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const code: GatewayProblem = timeout ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST';
  const status = tooLarge ? 431 : problemStatus(code);
  const body = problemBody(code, 'id');
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : timeout ? 'Request Timeout' : 'Bad Request'}\r\n` +
      `content-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
