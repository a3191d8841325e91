import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { interopCredentials } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import { presentCredential } from '../http/presenters.js';

import { loadCredentialForChange } from './credential-support.js';

/** Revokes a credential for good; the gateway refuses it from its next configuration poll. */
export async function revokeCredential(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const { row: before, consumer } = await loadCredentialForChange(tx, ctx, id);
    const [after] = await tx
      .update(interopCredentials)
      .set({ revokedAt: new Date().toISOString() })
      .where(eq(interopCredentials.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'interop_credential.revoke',
      entityType: 'interop_credential',
      entityId: id,
      before: { revokedAt: before.revokedAt },
      after: { revokedAt: after.revokedAt },
    });
    await bumpConfigVersion(tx);
    return presentCredential(after, consumer);
  });
}
