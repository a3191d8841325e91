import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { sha256 } from '../../../platform/crypto/secrets.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { interopCredentials } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import { presentCredential } from '../http/presenters.js';

import { loadCredentialForChange, newSecret } from './credential-support.js';

/** Replaces a credential's secret: the old one stops working at once. Returns the new one, once. */
export async function rotateCredential(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const { row: before, consumer } = await loadCredentialForChange(tx, ctx, id);
    const secret = newSecret(before.kind);
    const [after] = await tx
      .update(interopCredentials)
      .set({
        secretHash: sha256(secret),
        prefix: secret.slice(0, 10),
        lastRotatedAt: new Date().toISOString(),
      })
      .where(eq(interopCredentials.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'interop_credential.rotate',
      entityType: 'interop_credential',
      entityId: id,
      before: { prefix: before.prefix },
      after: { prefix: after.prefix },
    });
    await bumpConfigVersion(tx);
    return { ...presentCredential(after, consumer), secret };
  });
}
