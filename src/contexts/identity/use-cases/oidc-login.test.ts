import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { loadConfig } from '../../../platform/config.js';
import { AppError } from '../../../platform/errors.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { createAgency } from '../../organization/index.js';
import { users } from '../db/tables.js';
import { createUser } from './create-user.js';
import { completeOidcLogin, startOidcLogin } from './oidc-login.js';
import { updateUser } from './update-user.js';

const CLIENT_ID = 'simpul';
const CLIENT_SECRET = 's3cret';
const PUBLIC_URL = 'http://localhost:3000';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;

interface IdpUser {
  sub: string;
  email?: string;
  emailVerified?: boolean;
}

interface Grant {
  user: IdpUser;
  nonce: string;
  codeChallenge: string;
  redirectUri: string;
}

/**
 * A minimal OpenID Provider on 127.0.0.1 — the outside world, so stubbing it is fair. The test
 * plays the browser and the user: it reads the authorization request from the redirect URL and
 * hands out a code with `authorize`; the token endpoint checks the code, the client and PKCE.
 */
async function startStubIssuer() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const grants = new Map<string, Grant>();
  const tokenRequests: URLSearchParams[] = [];
  /** The outcome of each token request: 'ok' or the OAuth error code. */
  const tokenOutcomes: string[] = [];
  let issuer = '';

  const json = (res: ServerResponse, status: number, body: Record<string, unknown>) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const readBody = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return new URLSearchParams(text);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        scopes_supported: ['openid', 'email', 'profile'],
      });
    }
    if (req.method === 'GET' && url.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (req.method === 'GET' && url.pathname === '/authorize') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('login page');
    }
    if (req.method === 'POST' && url.pathname === '/token') {
      const form = await readBody(req);
      tokenRequests.push(form);
      const answer = (status: number, body: Record<string, unknown>) => {
        tokenOutcomes.push(typeof body.error === 'string' ? body.error : 'ok');
        return json(res, status, body);
      };
      const code = form.get('code') ?? '';
      const grant = grants.get(code);
      grants.delete(code); // codes are single use
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) {
        return answer(401, { error: 'invalid_client' });
      }
      if (
        form.get('grant_type') !== 'authorization_code' ||
        !grant ||
        form.get('redirect_uri') !== grant.redirectUri ||
        !verifier ||
        challenge !== grant.codeChallenge
      ) {
        return answer(400, { error: 'invalid_grant' });
      }
      const now = Math.floor(Date.now() / 1000);
      const idToken = await new SignJWT({
        email: grant.user.email,
        email_verified: grant.user.emailVerified ?? true,
        nonce: grant.nonce,
      })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid })
        .setIssuer(issuer)
        .setAudience(CLIENT_ID)
        .setSubject(grant.user.sub)
        .setIssuedAt(now)
        .setExpirationTime(now + 300)
        .sign(privateKey);
      return answer(200, {
        access_token: randomUUID(),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      });
    }
    res.writeHead(404).end();
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    tokenRequests,
    tokenOutcomes,
    /** The user signs in at the IdP: returns the code the IdP redirects back with. */
    authorize(authorizationUrl: URL, user: IdpUser): string {
      const code = randomUUID();
      grants.set(code, {
        user,
        nonce: authorizationUrl.searchParams.get('nonce') ?? '',
        codeChallenge: authorizationUrl.searchParams.get('code_challenge') ?? '',
        redirectUri: authorizationUrl.searchParams.get('redirect_uri') ?? '',
      });
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type StubIssuer = Awaited<ReturnType<typeof startStubIssuer>>;

let idp: StubIssuer;
let testApp: TestApp;
let agencyId: string;

const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }, name: string) =>
  res.cookies.find((c) => c.name === name);

async function start() {
  const res = await testApp.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
  expect(res.statusCode).toBe(302);
  const stateCookie = cookieOf(res, 'simpul_oidc')?.value;
  expect(stateCookie).toBeTruthy();
  return { res, location: new URL(String(res.headers.location)), stateCookie: String(stateCookie) };
}

async function callback(query: Record<string, string>, stateCookie?: string) {
  return testApp.app.inject({
    method: 'GET',
    url: `/api/v1/auth/oidc/callback?${new URLSearchParams(query)}`,
    cookies: stateCookie === undefined ? {} : { simpul_oidc: stateCookie },
  });
}

/** The whole round trip as the browser makes it. */
async function signIn(user: IdpUser) {
  const { location, stateCookie } = await start();
  const code = idp.authorize(location, user);
  return callback({ code, state: location.searchParams.get('state') ?? '' }, stateCookie);
}

async function makeUser(email: string) {
  return createUser(
    testApp.ctx,
    { email, name: 'Pengguna SSO', agencyId, password: 'kata-sandi-panjang-1', roles: [] },
    { mustChangePassword: false },
  );
}

beforeAll(async () => {
  idp = await startStubIssuer();
  testApp = await createTestApp({
    SIMPUL_OIDC_ISSUER: idp.issuer,
    SIMPUL_OIDC_CLIENT_ID: CLIENT_ID,
    SIMPUL_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    SIMPUL_OIDC_ALLOW_HTTP: 'true',
    SIMPUL_OIDC_LABEL: 'SSO Pemkab',
    SIMPUL_PUBLIC_URL: PUBLIC_URL,
  });
  const agency = await createAgency(testApp.ctx, {
    code: 'DISKOMINFO',
    name: 'Dinas Komunikasi dan Informatika',
    kind: 'dinas',
    isKominfo: true,
  });
  agencyId = agency.id;
});

afterAll(async () => {
  await testApp?.close();
  await idp?.close();
});

describe('OIDC sign-in', () => {
  it('advertises the provider', async () => {
    const res = await testApp.app.inject({ method: 'GET', url: '/api/v1/providers' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ oidc: { enabled: true, label: 'SSO Pemkab' } });
  });

  it('redirects to the issuer with PKCE, state and nonce, and sets a short-lived cookie', async () => {
    const { res, location } = await start();
    expect(`${location.origin}${location.pathname}`).toBe(`${idp.issuer}/authorize`);
    const params = location.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe(CLIENT_ID);
    expect(params.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();
    const cookie = cookieOf(res, 'simpul_oidc');
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/api/v1/auth/oidc',
      maxAge: 600,
    });
    // The cookie is sealed: none of the secrets it carries is readable in it.
    expect(cookie?.value).not.toContain(params.get('state'));
  });

  it('signs in an existing user matched by e-mail, links the subject, and audits it', async () => {
    const user = await makeUser('Siti.Rahma@sragenkab.go.id');
    const res = await signIn({ sub: 'kc-siti', email: 'siti.rahma@SRAGENKAB.go.id' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/console/');
    const session = cookieOf(res, 'simpul_session');
    expect(session?.value).toBeTruthy();
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // The state cookie is cleared.
    expect(cookieOf(res, 'simpul_oidc')?.value).toBe('');

    const me = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { simpul_session: String(session?.value) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ id: user.id, email: 'Siti.Rahma@sragenkab.go.id' });
    expect(me.json().csrfToken).toBeTruthy();

    const [row] = await testApp.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.oidcSubject).toBe('kc-siti');
    expect(row?.lastLoginAt).toBeTruthy();

    const events = await testApp.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, user.id)));
    const login = events.find((e) => e.action === 'auth.login');
    expect(login).toMatchObject({ actorId: user.id, after: { method: 'oidc' } });
    expect(login?.actorLabel).toBe('Siti.Rahma@sragenkab.go.id');
    expect(events.find((e) => e.action === 'user.oidc_link')?.after).toMatchObject({
      oidcSubject: 'kc-siti',
    });

    // Token request: the registered redirect URI and client_secret_post.
    const form = idp.tokenRequests.at(-1);
    expect(form?.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(idp.tokenOutcomes.at(-1)).toBe('ok');
  });

  it('matches by the linked subject on later sign-ins, even after an e-mail change at the IdP', async () => {
    const user = await makeUser('budi@sragenkab.go.id');
    expect((await signIn({ sub: 'kc-budi', email: 'budi@sragenkab.go.id' })).statusCode).toBe(302);
    const res = await signIn({ sub: 'kc-budi', email: 'budi.santoso@example.org' });
    expect(res.headers.location).toBe('/console/');
    const me = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { simpul_session: String(cookieOf(res, 'simpul_session')?.value) },
    });
    expect(me.json().user.id).toBe(user.id);
  });

  it('refuses an unknown e-mail: no account is created and no session opened', async () => {
    const res = await signIn({ sub: 'kc-stranger', email: 'stranger@example.org' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/console/login?error=OIDC_FAILED');
    expect(cookieOf(res, 'simpul_session')).toBeUndefined();
    const rows = await testApp.database.db
      .select()
      .from(users)
      .where(eq(users.email, 'stranger@example.org'));
    expect(rows).toHaveLength(0);
  });

  it('refuses an unverified or missing e-mail', async () => {
    await makeUser('unverified@sragenkab.go.id');
    const unverified = await signIn({
      sub: 'kc-unverified',
      email: 'unverified@sragenkab.go.id',
      emailVerified: false,
    });
    expect(unverified.headers.location).toBe('/console/login?error=OIDC_FAILED');
    const missing = await signIn({ sub: 'kc-no-email' });
    expect(missing.headers.location).toBe('/console/login?error=OIDC_FAILED');
    expect(cookieOf(missing, 'simpul_session')).toBeUndefined();
  });

  it('refuses a disabled user', async () => {
    const user = await makeUser('nonaktif@sragenkab.go.id');
    await updateUser(testApp.ctx, user.id, { status: 'disabled' });
    const res = await signIn({ sub: 'kc-nonaktif', email: 'nonaktif@sragenkab.go.id' });
    expect(res.headers.location).toBe('/console/login?error=ACCOUNT_DISABLED');
    expect(cookieOf(res, 'simpul_session')).toBeUndefined();
  });

  it('does not let another IdP subject take over an account linked to a different one', async () => {
    await makeUser('ani@sragenkab.go.id');
    expect((await signIn({ sub: 'kc-ani', email: 'ani@sragenkab.go.id' })).headers.location).toBe(
      '/console/',
    );
    const res = await signIn({ sub: 'kc-ani-recreated', email: 'ani@sragenkab.go.id' });
    expect(res.headers.location).toBe('/console/login?error=OIDC_FAILED');
    expect(cookieOf(res, 'simpul_session')).toBeUndefined();
  });

  it('refuses a tampered state cookie', async () => {
    await makeUser('dewi@sragenkab.go.id');
    const { location, stateCookie } = await start();
    const code = idp.authorize(location, { sub: 'kc-dewi', email: 'dewi@sragenkab.go.id' });
    const parts = stateCookie.split('.');
    const data = parts[3] ?? '';
    parts[3] = (data[0] === 'A' ? 'B' : 'A') + data.slice(1);
    const res = await callback(
      { code, state: location.searchParams.get('state') ?? '' },
      parts.join('.'),
    );
    expect(res.headers.location).toBe('/console/login?error=OIDC_FAILED');
    expect(cookieOf(res, 'simpul_session')).toBeUndefined();
  });

  it('refuses a missing state cookie', async () => {
    const { location } = await start();
    const code = idp.authorize(location, { sub: 'kc-dewi', email: 'dewi@sragenkab.go.id' });
    const res = await callback({ code, state: location.searchParams.get('state') ?? '' });
    expect(res.headers.location).toBe('/console/login?error=OIDC_FAILED');
  });

  it('refuses a state that does not match the cookie', async () => {
    const first = await start();
    const second = await start();
    const code = idp.authorize(second.location, { sub: 'kc-dewi', email: 'dewi@sragenkab.go.id' });
    // The callback carries the second attempt's state, the browser holds the first's cookie.
    const res = await callback(
      { code, state: second.location.searchParams.get('state') ?? '' },
      first.stateCookie,
    );
    expect(res.headers.location).toBe('/console/login?error=OIDC_FAILED');
    expect(cookieOf(res, 'simpul_session')).toBeUndefined();
  });

  it('refuses an error response from the IdP', async () => {
    const { location, stateCookie } = await start();
    const res = await callback(
      { error: 'access_denied', state: location.searchParams.get('state') ?? '' },
      stateCookie,
    );
    expect(res.headers.location).toBe('/console/login?error=OIDC_FAILED');
  });

  it('refuses a code redeemed with another PKCE verifier (a code injected from elsewhere)', async () => {
    const victim = await start();
    const attacker = await start();
    // A code issued for the victim's authorization request, replayed with the attacker's cookie
    // and state: the IdP refuses because the verifier does not match the challenge.
    const code = idp.authorize(victim.location, { sub: 'kc-dewi', email: 'dewi@sragenkab.go.id' });
    const res = await callback(
      { code, state: attacker.location.searchParams.get('state') ?? '' },
      attacker.stateCookie,
    );
    expect(res.headers.location).toBe('/console/login?error=OIDC_FAILED');
    expect(idp.tokenOutcomes.at(-1)).toBe('invalid_grant');
  });
});

describe('completeOidcLogin: why a sign-in is refused', () => {
  const config = () =>
    loadConfig({
      SIMPUL_OIDC_ISSUER: idp.issuer,
      SIMPUL_OIDC_CLIENT_ID: CLIENT_ID,
      SIMPUL_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      SIMPUL_OIDC_ALLOW_HTTP: 'true',
      SIMPUL_PUBLIC_URL: PUBLIC_URL,
    });
  // A browser at the callback: nobody is signed in yet.
  const anonymous = (): Ctx => ({ ...testApp.ctx, actor: null });

  async function refusal(attempt: Promise<unknown>) {
    const error = await attempt.then(
      () => expect.fail('expected the sign-in to be refused'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    const { code, options } = error as AppError;
    return { code, detailKey: options.detailKey, cause: options.cause };
  }

  async function attempt(user: IdpUser, tamper: { state?: string; cookie?: string } = {}) {
    const { redirectUrl, stateCookie } = await startOidcLogin(anonymous(), config());
    const location = new URL(redirectUrl);
    const code = idp.authorize(location, user);
    const state = tamper.state ?? location.searchParams.get('state') ?? '';
    return completeOidcLogin(anonymous(), config(), {
      currentUrl: `/api/v1/auth/oidc/callback?${new URLSearchParams({ code, state })}`,
      stateCookie: tamper.cookie ?? stateCookie,
    });
  }

  it('an unknown e-mail', async () => {
    expect(await refusal(attempt({ sub: 'kc-x', email: 'nobody@example.org' }))).toMatchObject({
      code: 'OIDC_FAILED',
      detailKey: 'oidc.unknownUser',
    });
  });

  it('an expired or garbled state cookie', async () => {
    const expired = testApp.secrets.seal(
      JSON.stringify({
        purpose: 'oidc-login',
        state: 's',
        nonce: 'n',
        codeVerifier: 'v',
        exp: Date.now() - 1,
      }),
    );
    const user = { sub: 'kc-dewi', email: 'dewi@sragenkab.go.id' };
    expect(await refusal(attempt(user, { cookie: expired }))).toMatchObject({
      detailKey: 'oidc.stateInvalid',
    });
    expect(await refusal(attempt(user, { cookie: 'v1.garbage' }))).toMatchObject({
      detailKey: 'oidc.stateInvalid',
    });
    // Sealed with the instance key but for another purpose.
    const other = testApp.secrets.seal(JSON.stringify({ exp: Date.now() + 60_000 }));
    expect(await refusal(attempt(user, { cookie: other }))).toMatchObject({
      detailKey: 'oidc.stateInvalid',
    });
  });

  it('a state that does not match, before any token request', async () => {
    const before = idp.tokenRequests.length;
    const refused = await refusal(
      attempt({ sub: 'kc-dewi', email: 'dewi@sragenkab.go.id' }, { state: 'forged' }),
    );
    expect(refused).toMatchObject({ code: 'OIDC_FAILED', detailKey: 'oidc.providerError' });
    expect(refused.cause).toBeInstanceOf(Error);
    expect(idp.tokenRequests.length).toBe(before);
  });

  it('an account linked to another subject', async () => {
    await makeUser('rina@sragenkab.go.id');
    await attempt({ sub: 'kc-rina', email: 'rina@sragenkab.go.id' });
    expect(
      await refusal(attempt({ sub: 'kc-rina-2', email: 'RINA@sragenkab.go.id' })),
    ).toMatchObject({ detailKey: 'oidc.subjectMismatch' });
  });

  it('nothing when OIDC is not configured', async () => {
    const off = loadConfig({});
    expect(await refusal(startOidcLogin(anonymous(), off))).toMatchObject({
      code: 'OIDC_DISABLED',
    });
    expect(
      await refusal(completeOidcLogin(anonymous(), off, { currentUrl: '/', stateCookie: 'x' })),
    ).toMatchObject({ code: 'OIDC_DISABLED' });
  });
});

describe('OIDC sign-in when not configured', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await createTestApp({ SIMPUL_PUBLIC_URL: PUBLIC_URL });
  });
  afterAll(async () => {
    await plain?.close();
  });

  it('reports the provider disabled and sends the browser back to the login page', async () => {
    const providers = await plain.app.inject({ method: 'GET', url: '/api/v1/providers' });
    expect(providers.json().oidc.enabled).toBe(false);
    for (const url of ['/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback?code=x&state=y']) {
      const res = await plain.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/console/login?error=OIDC_DISABLED');
    }
  });
});
