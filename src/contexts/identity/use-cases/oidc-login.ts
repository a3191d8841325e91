import { eq } from 'drizzle-orm';
import * as client from 'openid-client';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { Config } from '../../../platform/config.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import type { MessageKey } from '../../../platform/i18n/messages.js';
import { findUserByEmail } from '../db/queries.js';
import { users } from '../db/tables.js';
import { openSession } from './sessions.js';

type OidcConfig = NonNullable<Config['oidc']>;

/** The sign-in round trip at the IdP must finish within 10 minutes. */
export const OIDC_STATE_TTL_MS = 10 * 60_000;
export const OIDC_CALLBACK_PATH = '/api/v1/auth/oidc/callback';
const SCOPE = 'openid email profile';
const STATE_PURPOSE = 'oidc-login';

interface SealedState {
  purpose: typeof STATE_PURPOSE;
  state: string;
  nonce: string;
  codeVerifier: string;
  exp: number;
}

/** The redirect URI registered at the IdP; sent on the authorization and the token request. */
export const oidcRedirectUri = (config: Config) => `${config.publicUrl}${OIDC_CALLBACK_PATH}`;

// Discovery is a network call: one Configuration per issuer and client, kept for the process.
// The promise is cached so concurrent sign-ins share one discovery; a failure is not cached.
const discovered = new Map<string, Promise<client.Configuration>>();

function discover(oidc: OidcConfig): Promise<client.Configuration> {
  const key = JSON.stringify([oidc.issuer, oidc.clientId, oidc.clientSecret, oidc.allowHttp]);
  let pending = discovered.get(key);
  if (!pending) {
    pending = client.discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined, {
      execute: oidc.allowHttp ? [client.allowInsecureRequests] : [],
    });
    discovered.set(key, pending);
    pending.catch(() => discovered.delete(key));
  }
  return pending;
}

function requireOidc(config: Config): OidcConfig {
  if (!config.oidc) throw new AppError('OIDC_DISABLED');
  return config.oidc;
}

const failed = (detailKey: MessageKey, cause?: unknown) =>
  new AppError('OIDC_FAILED', { detailKey, cause });

/**
 * Starts OIDC sign-in (authorization code flow with PKCE S256): the IdP URL to redirect the
 * browser to, and the sealed state (state, nonce, PKCE verifier) for a short-lived cookie.
 */
export async function startOidcLogin(
  ctx: Ctx,
  config: Config,
): Promise<{ redirectUrl: string; stateCookie: string }> {
  const oidc = requireOidc(config);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  try {
    const configuration = await discover(oidc);
    const redirectUrl = client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidcRedirectUri(config),
      scope: SCOPE,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const sealed: SealedState = {
      purpose: STATE_PURPOSE,
      state,
      nonce,
      codeVerifier,
      exp: Date.now() + OIDC_STATE_TTL_MS,
    };
    return { redirectUrl: redirectUrl.href, stateCookie: ctx.secrets.seal(JSON.stringify(sealed)) };
  } catch (cause) {
    throw failed('oidc.providerError', cause);
  }
}

function openState(ctx: Ctx, stateCookie: string | undefined): SealedState {
  if (!stateCookie) throw failed('oidc.stateInvalid');
  let value: Partial<SealedState>;
  try {
    value = JSON.parse(ctx.secrets.open(stateCookie)) as Partial<SealedState>;
  } catch (cause) {
    throw failed('oidc.stateInvalid', cause);
  }
  if (
    value.purpose !== STATE_PURPOSE ||
    typeof value.state !== 'string' ||
    typeof value.nonce !== 'string' ||
    typeof value.codeVerifier !== 'string' ||
    typeof value.exp !== 'number' ||
    value.exp < Date.now()
  ) {
    throw failed('oidc.stateInvalid');
  }
  return value as SealedState;
}

/**
 * Completes OIDC sign-in at the callback: checks the state, redeems the code (with the PKCE
 * verifier and nonce), and signs in the existing active user the ID token names — by the linked
 * subject, else by e-mail (then linking the subject). Accounts are never created here.
 */
export async function completeOidcLogin(
  ctx: Ctx,
  config: Config,
  input: { currentUrl: URL | string; stateCookie: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const oidc = requireOidc(config);
  const checks = openState(ctx, input.stateCookie);

  // openid-client derives the token request's redirect_uri from the URL it is given, so only the
  // query of the incoming request is taken; the origin and path are always the public callback.
  const callbackUrl = new URL(oidcRedirectUri(config));
  callbackUrl.search = new URL(input.currentUrl, callbackUrl).search;

  let claims: client.IDToken | undefined;
  try {
    const configuration = await discover(oidc);
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (cause) {
    throw failed('oidc.providerError', cause);
  }
  if (!claims) throw failed('oidc.providerError');
  const { sub } = claims;
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!email || claims.email_verified === false) throw failed('oidc.emailMissing');

  const [linked] = await ctx.db.select().from(users).where(eq(users.oidcSubject, sub));
  const user = linked ?? (await findUserByEmail(ctx.db, email));
  if (!user) throw failed('oidc.unknownUser');
  // An account already linked to another IdP subject (e.g. a re-created IdP account that reuses
  // the e-mail) is not taken over; the Diskominfo admin must clear the link first.
  if (user.oidcSubject && user.oidcSubject !== sub) throw failed('oidc.subjectMismatch');
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');

  return inTransaction(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ lastLoginAt: new Date().toISOString(), oidcSubject: sub })
      .where(eq(users.id, user.id));
    if (!user.oidcSubject) {
      await recordAuditEvent(tx, ctx, {
        action: 'user.oidc_link',
        entityType: 'user',
        entityId: user.id,
        before: { oidcSubject: null },
        after: { oidcSubject: sub, issuer: oidc.issuer },
        anonymous: { id: user.id, label: user.email },
      });
    }
    const session = await openSession(tx, user.id, ctx.meta, 'oidc');
    await recordAuditEvent(tx, ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      after: { method: 'oidc' },
      anonymous: { id: user.id, label: user.email },
    });
    return session;
  });
}
