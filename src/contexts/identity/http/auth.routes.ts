import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { PermissionsOf } from '../../../platform/auth/actor.js';
import type { Config } from '../../../platform/config.js';
import { IdParams } from '../../../platform/http/schemas.js';
import type { App } from '../../../platform/http/server.js';
import { createApiToken, findApiTokens, revokeApiToken } from '../use-cases/api-tokens.js';
import { changeOwnPassword } from '../use-cases/change-own-password.js';
import { getMe } from '../use-cases/get-me.js';
import { login } from '../use-cases/login.js';
import { logout } from '../use-cases/logout.js';
import { SESSION_COOKIE, SESSION_MAX_MS } from '../use-cases/sessions.js';
import { disableTotp, enableTotp, setupTotp } from '../use-cases/totp-enrolment.js';
import {
  ApiToken,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  LoginBody,
  PasswordBody,
  Providers,
  Session,
  TotpCodeBody,
  TotpSetup,
} from './identity.schemas.js';

const tags = ['auth'];
const noContent = (reply: FastifyReply) => reply.code(204).send();

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure behind https. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: SESSION_MAX_MS / 1000,
  });
}

/** Sign-in, sign-out, one's own account: password, second factor, API tokens. */
export function authRoutes(app: App, config: Config, permissionsOf: PermissionsOf) {
  app.get(
    '/api/v1/providers',
    { config: { public: true }, schema: { tags, response: { 200: Providers } } },
    () => ({
      oidc: { enabled: Boolean(config.oidc), label: config.oidc?.label ?? 'SSO' },
    }),
  );
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: { tags, body: LoginBody, response: { 200: Session } },
    },
    async (request, reply) => {
      const { token, ...session } = await login(request.ctx, request.body, permissionsOf);
      setSessionCookie(reply, config, token);
      return session;
    },
  );
  app.post('/api/v1/auth/logout', { schema: { tags } }, async (request, reply) => {
    await logout(request.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return noContent(reply);
  });
  app.get('/api/v1/auth/me', { schema: { tags, response: { 200: Session } } }, async (request) => ({
    user: await getMe(request.ctx, permissionsOf),
    csrfToken: request.ctx.actor?.type === 'user' ? (request.ctx.actor.csrfToken ?? '') : '',
  }));
  app.post(
    '/api/v1/auth/password',
    { schema: { tags, body: ChangePasswordBody } },
    async (request, reply) => {
      await changeOwnPassword(request.ctx, request.body);
      return noContent(reply);
    },
  );
  app.post(
    '/api/v1/auth/totp/setup',
    { schema: { tags, response: { 200: TotpSetup } } },
    (request) => setupTotp(request.ctx),
  );
  app.post(
    '/api/v1/auth/totp/enable',
    { schema: { tags, body: TotpCodeBody } },
    async (request, reply) => {
      await enableTotp(request.ctx, request.body.code);
      return noContent(reply);
    },
  );
  app.post(
    '/api/v1/auth/totp/disable',
    { schema: { tags, body: PasswordBody } },
    async (request, reply) => {
      await disableTotp(request.ctx, request.body.password);
      return noContent(reply);
    },
  );
  app.get(
    '/api/v1/auth/tokens',
    { schema: { tags, response: { 200: Type.Object({ items: Type.Array(ApiToken) }) } } },
    (request) => findApiTokens(request.ctx),
  );
  app.post(
    '/api/v1/auth/tokens',
    { schema: { tags, body: CreateApiTokenBody, response: { 201: CreatedApiToken } } },
    async (request, reply) => reply.code(201).send(await createApiToken(request.ctx, request.body)),
  );
  app.delete(
    '/api/v1/auth/tokens/:id',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      await revokeApiToken(request.ctx, request.params.id);
      return noContent(reply);
    },
  );
}
