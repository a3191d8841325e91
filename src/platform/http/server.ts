import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import type { Actor, Ctx } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { SecretBox } from '../crypto/secrets.js';
import type { Database } from '../db/client.js';
import { AppError } from '../errors.js';
import { pickLang } from '../i18n/messages.js';
import { createMetrics, type Metrics } from './metrics.js';
import { sendProblem } from './problem.js';
import { validatorCompiler } from './validation.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyContextConfig {
    /** The route needs no signed-in actor (login, health, the public portal API). */
    public?: boolean;
  }
}

/** The Fastify instance with TypeBox as its type provider: route schemas type the handlers. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface HttpServerOptions {
  config: Config;
  database: Database;
  secrets: SecretBox;
  /** Resolves the actor from the request's credentials (session cookie or bearer token). */
  authenticate: (request: FastifyRequest, reply: FastifyReply) => Promise<Actor | null>;
  /** Registers every context's routes. */
  routes: (app: App) => Promise<void> | void;
  logger?: boolean | object;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Builds the HTTP server: request context, problem+json errors, OpenAPI, health, metrics,
 * security headers, the built web app, and the routes the contexts register.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<App> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    // One line per request is logged in onResponse, without the query string (it may carry an
    // OIDC code or a search term).
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(new AppError('ROUTE_NOT_FOUND'), request, reply),
  );

  // JSON bodies: refuse NUL characters, which PostgreSQL text cannot store (a 400, not a 500).
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(
    /^application\/([\w.+-]+\+)?json$/,
    { parseAs: 'string' },
    (_request, body, done) => {
      const text = body as string;
      if (text.trim() === '') return done(null, undefined);
      if (text.includes('\\u0000') || text.includes('\0')) {
        return done(new AppError('BAD_REQUEST'), undefined);
      }
      try {
        done(null, JSON.parse(text));
      } catch (cause) {
        done(new AppError('MALFORMED_JSON', { cause }), undefined);
      }
    },
  );

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Only behind https: on a plain-http intranet it would break every asset request.
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    hsts: config.publicUrl.startsWith('https://'),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Simpul API',
        version: '1',
        description:
          'API Simpul — platform SPBE Pemerintah Daerah. Errors are RFC 9457 problem+json. ' +
          'Authenticate with the session cookie (plus the x-csrf-token header on writes) or a ' +
          'personal API token as `Authorization: Bearer <token>`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'simpul_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const metrics = createMetrics();
  registerRequestContext(app, options, metrics);
  registerOperationalRoutes(app, config, database, metrics);
  await app.register(async (scoped) => {
    await options.routes(scoped as unknown as App);
  });
  await registerWebApp(app, config.webDir);
  return app;
}

function registerRequestContext(app: App, options: HttpServerOptions, metrics: Metrics) {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.addHook('onRequest', async (request, reply) => {
    const actor = request.url.startsWith('/api/')
      ? await options.authenticate(request, reply)
      : null;
    request.ctx = {
      db: options.database.db,
      secrets: options.secrets,
      actor,
      meta: {
        requestId: request.id,
        ip: request.ip,
        userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
      },
      lang: pickLang(request.headers['accept-language']),
    };
    reply.header('x-request-id', request.id);
    if (!request.url.startsWith('/api/v1/')) return;
    if (!actor && !request.routeOptions.config?.public) throw new AppError('UNAUTHENTICATED');
    if (
      actor?.type === 'user' &&
      actor.mustChangePassword &&
      !request.url.startsWith('/api/v1/auth/')
    ) {
      throw new AppError('FORBIDDEN', { detailKey: 'password.mustChange' });
    }
    // Cookie-authenticated writes must echo the session's CSRF token (double submit).
    if (actor?.type === 'user' && actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== actor.csrfToken) throw new AppError('CSRF_FAILED');
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.observe(request, reply);
    const route = request.routeOptions.url ?? 'unmatched';
    const quiet = route === '/api/health' || route === '/api/ready' || route === '/metrics';
    request.log[quiet ? 'debug' : 'info'](
      {
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        actor: request.ctx?.actor?.type === 'user' ? request.ctx.actor.id : undefined,
      },
      'request',
    );
  });
}

function registerOperationalRoutes(app: App, config: Config, database: Database, metrics: Metrics) {
  const hide = { hide: true };
  app.get('/api/health', { config: { public: true }, schema: { tags: ['ops'] } }, async () => ({
    status: 'ok',
  }));
  app.get('/api/ready', { config: { public: true }, schema: { tags: ['ops'] } }, async () => {
    try {
      await database.ping();
    } catch (cause) {
      throw new AppError('UNAVAILABLE', { cause });
    }
    return { status: 'ready', database: database.driver };
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: hide }, async () =>
    app.swagger(),
  );
  app.get('/metrics', { config: { public: true }, schema: hide }, async (request, reply) => {
    if (config.metricsToken && request.headers.authorization !== `Bearer ${config.metricsToken}`) {
      throw new AppError('UNAUTHENTICATED');
    }
    reply.type(metrics.contentType);
    return metrics.render();
  });
}

async function registerWebApp(app: App, webDir: string) {
  const portal = join(webDir, 'index.html');
  if (!existsSync(portal)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Simpul berjalan. Aplikasi web belum dibangun: jalankan `npm run build`.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    setHeaders(res, path) {
      res.header(
        'cache-control',
        path.includes(`${join(webDir, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  const page = (file: string) => async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile(file);
  app.get('/', { schema: { hide: true } }, page('index.html'));
  app.get('/console', { schema: { hide: true } }, page('console/index.html'));
  app.get('/console/*', { schema: { hide: true } }, page('console/index.html'));
}
