import type { Ctx, UserActor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';

/** The signed-in user, for use cases about one's own account. */
export function requireUser(ctx: Ctx): UserActor {
  if (ctx.actor?.type !== 'user') throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}
