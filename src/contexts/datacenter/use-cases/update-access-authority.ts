import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { checkAuthority } from '../checks.js';
import { findAgencyRefs } from '../db/queries.js';
import { accessAuthorities } from '../db/tables.js';
import { presentAccessAuthority } from '../http/presenters.js';
import type { UpdateAccessAuthorityBody } from '../http/registry.schemas.js';
import { localToday } from '../local-date.js';
import { canManageRegistry, inScopeOrRegencyWide } from '../policies.js';

type AuthorityFields = Static<typeof UpdateAccessAuthorityBody>;

/**
 * Changes a grant of the katalog pengguna dan kewenangan: its review, or its revocation
 * (`revokedOn`). Grants are never deleted: the catalogue keeps who could access what, and when.
 */
export async function updateAccessAuthority(ctx: Ctx, id: string, input: AuthorityFields) {
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx
      .select()
      .from(accessAuthorities)
      .where(eq(accessAuthorities.id, id))
      .for('update');
    if (!current || !inScopeOrRegencyWide(ctx.actor, current.agencyId)) throw notFound();
    if (!canManageRegistry(ctx.actor)) throw forbidden();
    await checkAuthority(tx, ctx, {
      ...input,
      grantedOn: input.grantedOn ?? current.grantedOn,
      revokedOn: input.revokedOn === undefined ? current.revokedOn : input.revokedOn,
    });
    const [row] = await tx
      .update(accessAuthorities)
      .set({ ...input, updatedAt: new Date().toISOString() })
      .where(eq(accessAuthorities.id, id))
      .returning();
    if (!row) throw notFound();
    const refs = await findAgencyRefs(
      tx,
      [current.agencyId, row.agencyId].filter((a): a is string => a !== null),
    );
    const today = localToday();
    const present = (r: typeof row) =>
      presentAccessAuthority(r, r.agencyId ? (refs.get(r.agencyId) ?? null) : null, today);
    const after = present(row);
    await recordAuditEvent(tx, ctx, {
      action: 'datacenter_authority.update',
      entityType: 'datacenter_authority',
      entityId: id,
      before: present(current),
      after,
    });
    return after;
  });
}
