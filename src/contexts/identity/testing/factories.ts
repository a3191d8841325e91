import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { Role } from '../../../platform/auth/roles.js';
import type { App } from '../../../platform/http/server.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { createUser } from '../use-cases/create-user.js';

export const TEST_PASSWORD = 'kata-sandi-uji-123';

const DINAS_ROLES = new Set<Role>(['kominfo_admin', 'tier2_desk']);

export interface BuildUserOptions {
  roles?: Role[];
  /** Home agency; a new one is created when absent (Dinas roles go to the Dinas Kominfo). */
  agencyId?: string;
  mustChangePassword?: boolean;
  password?: string;
}

/** A user with the given roles in its agency, with a unique e-mail and a known password. */
export async function buildUser(ctx: Ctx, options: BuildUserOptions = {}) {
  const roles = options.roles ?? [];
  const kominfo = roles.some((r) => DINAS_ROLES.has(r)) ? await ensureKominfo(ctx) : undefined;
  const agencyId = options.agencyId ?? kominfo?.id ?? (await buildAgency(ctx)).id;
  const password = options.password ?? TEST_PASSWORD;
  const user = await createUser(
    ctx,
    {
      email: `user-${randomBytes(5).toString('hex')}@uji.go.id`,
      name: `Pengguna Uji ${randomBytes(2).toString('hex')}`,
      agencyId,
      password,
      roles: roles.map((role) => ({
        role,
        agencyId: DINAS_ROLES.has(role) && kominfo ? kominfo.id : agencyId,
      })),
    },
    { mustChangePassword: options.mustChangePassword ?? false },
  );
  return { ...user, password };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated write. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Signs in through the real endpoint and returns the cookie and CSRF token. */
export async function signIn(app: App, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'simpul_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = res.json().csrfToken as string;
  const header = `simpul_session=${cookie.value}`;
  return { cookie: header, csrfToken, headers: { cookie: header, 'x-csrf-token': csrfToken } };
}
