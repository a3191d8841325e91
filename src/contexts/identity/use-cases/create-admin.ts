import type { Ctx } from '../../../platform/auth/actor.js';
import { createAgency, findKominfoAgency } from '../../organization/index.js';
import { countActiveAdmins } from '../db/queries.js';
import { createUser } from './create-user.js';

/**
 * Creates a Diskominfo admin (`simpul admin create`, or SIMPUL_ADMIN_EMAIL at first start). When
 * the registry has no Dinas Kominfo yet, it is registered first, since the role is held there.
 */
export async function createAdmin(
  ctx: Ctx,
  input: { email: string; password: string; name?: string },
) {
  const kominfo =
    (await findKominfoAgency(ctx.db)) ??
    (await createAgency(ctx, {
      code: 'DISKOMINFO',
      name: 'Dinas Komunikasi dan Informatika',
      shortName: 'Diskominfo',
      kind: 'dinas',
      isKominfo: true,
    }));
  return createUser(
    ctx,
    {
      email: input.email,
      name: input.name ?? 'Admin Diskominfo',
      agencyId: kominfo.id,
      password: input.password,
      roles: [{ role: 'kominfo_admin', agencyId: kominfo.id }],
    },
    { mustChangePassword: false },
  );
}

export const hasAnyAdmin = async (ctx: Ctx) => (await countActiveAdmins(ctx.db)) > 0;
