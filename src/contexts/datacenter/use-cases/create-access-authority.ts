import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { forbidden } from '../../../platform/errors.js';
import { checkAuthority } from '../checks.js';
import { findAgencyRefs } from '../db/queries.js';
import { accessAuthorities } from '../db/tables.js';
import { presentAccessAuthority } from '../http/presenters.js';
import type { CreateAccessAuthorityBody } from '../http/registry.schemas.js';
import { localToday } from '../local-date.js';
import { canManageRegistry } from '../policies.js';

/**
 * Adds a grant to the katalog pengguna dan kewenangan (Perbup Tabanan 44/2022 Pasal 14 ayat (6)
 * huruf c): who may access which system or device of the Pusat Data, with what authority, granted
 * by whom and when, and when it is to be reviewed.
 */
export async function createAccessAuthority(
  ctx: Ctx,
  input: Static<typeof CreateAccessAuthorityBody>,
) {
  if (!canManageRegistry(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    await checkAuthority(tx, ctx, input);
    const [row] = await tx
      .insert(accessAuthorities)
      .values({ ...input, personName: input.personName.trim(), system: input.system.trim() })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const refs = await findAgencyRefs(tx, row.agencyId ? [row.agencyId] : []);
    const authority = presentAccessAuthority(
      row,
      row.agencyId ? (refs.get(row.agencyId) ?? null) : null,
      localToday(),
    );
    await recordAuditEvent(tx, ctx, {
      action: 'datacenter_authority.create',
      entityType: 'datacenter_authority',
      entityId: row.id,
      after: authority,
    });
    return authority;
  });
}
