import { eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import type { Tx } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { agencies } from '../../organization/index.js';
import { roleAssignments } from '../db/tables.js';

export interface GrantInput {
  role: string;
  agencyId: string;
}

/** Roles held in the Dinas Kominfo itself (Tabanan 44/2022 Pasal 27: Tier 2 sits in the Dinas). */
const KOMINFO_ONLY = new Set(['kominfo_admin', 'tier2_desk']);

/**
 * Replaces a user's role grants after checking that every agency exists and that Dinas roles are
 * granted in the Dinas Kominfo. Shared by create-user and set-user-roles.
 */
export async function replaceRoleGrants(tx: Tx, ctx: Ctx, userId: string, grants: GrantInput[]) {
  const unique = [...new Map(grants.map((g) => [`${g.role}|${g.agencyId}`, g])).values()];
  const ids = [...new Set(unique.map((g) => g.agencyId))];
  const found = ids.length
    ? await tx
        .select({ id: agencies.id, isKominfo: agencies.isKominfo })
        .from(agencies)
        .where(inArray(agencies.id, ids))
    : [];
  const byId = new Map(found.map((a) => [a.id, a]));
  const errors = unique.flatMap((g, i) => {
    const agency = byId.get(g.agencyId);
    if (!agency)
      return [{ path: `/roles/${i}/agencyId`, message: t(ctx.lang, 'user.agencyInvalid') }];
    if (KOMINFO_ONLY.has(g.role) && !agency.isKominfo) {
      return [{ path: `/roles/${i}/agencyId`, message: t(ctx.lang, 'user.roleKominfoOnly') }];
    }
    return [];
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (unique.length) {
    await tx.insert(roleAssignments).values(unique.map((g) => ({ userId, ...g })));
  }
}
