import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import { findAgencyRefs } from '../db/queries.js';
import { accessAuthorities } from '../db/tables.js';
import { presentAccessAuthority } from '../http/presenters.js';
import { localToday } from '../local-date.js';
import { inScopeOrRegencyWide } from '../policies.js';

/** One grant of the katalog pengguna dan kewenangan; an agency sees its own people's (else 404). */
export async function getAccessAuthority(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(accessAuthorities).where(eq(accessAuthorities.id, id));
  if (!row || !inScopeOrRegencyWide(ctx.actor, row.agencyId)) throw notFound();
  const refs = await findAgencyRefs(ctx.db, row.agencyId ? [row.agencyId] : []);
  return presentAccessAuthority(
    row,
    row.agencyId ? (refs.get(row.agencyId) ?? null) : null,
    localToday(),
  );
}
