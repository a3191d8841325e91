import { type BuildUserOptions, buildUser } from '../../../contexts/identity/testing/factories.js';
import type { Actor, Ctx } from '../../auth/actor.js';
import type { Role } from '../../auth/roles.js';

/** A new user with the given roles, and a context acting as that user (as a request would). */
export async function buildUserCtx(ctx: Ctx, options: BuildUserOptions) {
  const user = await buildUser(ctx, options);
  const actor: Actor = {
    type: 'user',
    id: user.id,
    email: user.email,
    name: user.name,
    agencyId: user.agencyId,
    roles: user.roles.map((r) => ({ role: r.role as Role, agencyId: r.agencyId })),
    via: 'session',
    mustChangePassword: false,
  };
  return { user, ctx: { ...ctx, actor } satisfies Ctx };
}
