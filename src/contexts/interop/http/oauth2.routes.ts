import type { App } from '../../../platform/http/server.js';
import { issueToken, OAuthError } from '../use-cases/issue-token.js';
import { TokenThrottle } from './token-throttle.js';

/** Reads `Authorization: Basic base64(client_id:client_secret)` (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon)),
      secret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return null;
  }
}

const one = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * `POST /oauth2/token`: the OAuth2 token endpoint (client_credentials, RFC 6749 §4.4), at the same
 * path as SPLP's. Form-encoded as the RFC asks; errors are RFC 6749 §5.2 JSON bodies, not
 * problem+json, because OAuth2 clients read those. Tokens are never cached (`no-store`).
 */
export function oauth2Routes(app: App, throttle = new TokenThrottle()) {
  app.register(async (scoped) => {
    scoped.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8 * 1024 },
      (_request, body, done) => {
        const params = new URLSearchParams(body as string);
        const out: Record<string, string> = {};
        for (const [k, v] of params) {
          // A repeated parameter is a malformed request (RFC 6749 §3.2: no repetition).
          if (k in out) {
            done(null, { __duplicate: k });
            return;
          }
          out[k] = v;
        }
        done(null, out);
      },
    );
    scoped.post(
      '/oauth2/token',
      { config: { public: true }, schema: { hide: true } },
      async (request, reply) => {
        reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
        const wait = throttle.retryAfter(request.ip);
        if (wait > 0) {
          return reply.code(429).header('retry-after', String(wait)).send({
            error: 'invalid_request',
            error_description: 'Too many refused attempts from this address; try again later',
          });
        }
        const type = request.headers['content-type'] ?? '';
        const body = (request.body ?? {}) as Record<string, unknown>;
        try {
          if (!type.startsWith('application/x-www-form-urlencoded')) {
            throw new OAuthError(
              'invalid_request',
              400,
              'The body must be application/x-www-form-urlencoded',
            );
          }
          if ('__duplicate' in body)
            throw new OAuthError('invalid_request', 400, 'A parameter is repeated');
          const basic = basicCredentials(request.headers.authorization);
          if (basic && (body.client_id !== undefined || body.client_secret !== undefined)) {
            throw new OAuthError('invalid_request', 400, 'Use one client authentication method');
          }
          const result = await issueToken(request.ctx, {
            grantType: one(body.grant_type),
            clientId: basic?.id ?? one(body.client_id),
            clientSecret: basic?.secret ?? one(body.client_secret),
            scope: one(body.scope),
          });
          return reply.code(200).send(result);
        } catch (error) {
          if (!(error instanceof OAuthError)) throw error;
          if (error.status === 401) {
            throttle.refused(request.ip);
            reply.header('www-authenticate', 'Basic realm="simpul"');
          }
          return reply
            .code(error.status)
            .send({ error: error.error, error_description: error.description });
        }
      },
    );
  });
}
