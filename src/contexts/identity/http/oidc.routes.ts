import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/config.js';
import { AppError } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/server.js';
import { completeOidcLogin, OIDC_STATE_TTL_MS, startOidcLogin } from '../use-cases/oidc-login.js';
import { setSessionCookie } from './auth.routes.js';

export const OIDC_COOKIE = 'simpul_oidc';
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';
const tags = ['auth'];

/**
 * A browser, not an API client, is on the other end of these routes: failures go back to the
 * console's sign-in page with the error code, and the cause is logged.
 */
function backToLogin(request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const code = error instanceof AppError ? error.code : 'INTERNAL';
  if (error instanceof AppError) request.log.warn({ err: error }, 'OIDC sign-in failed');
  else request.log.error({ err: error }, 'OIDC sign-in failed');
  return reply.redirect(`/console/login?error=${code}`, 302);
}

/** OIDC sign-in (authorization code flow with PKCE) against the configured IdP, e.g. Keycloak. */
export function oidcRoutes(app: App, config: Config) {
  app.get(
    '/api/v1/auth/oidc/start',
    { config: { public: true }, schema: { tags } },
    async (request, reply) => {
      try {
        const { redirectUrl, stateCookie } = await startOidcLogin(request.ctx, config);
        reply.setCookie(OIDC_COOKIE, stateCookie, {
          httpOnly: true,
          sameSite: 'lax',
          secure: config.secureCookies,
          path: OIDC_COOKIE_PATH,
          maxAge: OIDC_STATE_TTL_MS / 1000,
        });
        return reply.redirect(redirectUrl, 302);
      } catch (error) {
        return backToLogin(request, reply, error);
      }
    },
  );
  app.get(
    '/api/v1/auth/oidc/callback',
    { config: { public: true }, schema: { tags } },
    async (request, reply) => {
      // The state is single use: drop it whatever the outcome.
      reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
      try {
        const { token } = await completeOidcLogin(request.ctx, config, {
          currentUrl: request.url,
          stateCookie: request.cookies[OIDC_COOKIE],
        });
        setSessionCookie(reply, config, token);
        return reply.redirect('/console/', 302);
      } catch (error) {
        return backToLogin(request, reply, error);
      }
    },
  );
}
