import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { sha256 } from '../../../platform/crypto/secrets.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { interopCredentials } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import { presentCredential, previousSecret } from '../http/presenters.js';
import { DEFAULT_ROTATION_GRACE_HOURS, MAX_ROTATION_GRACE_HOURS } from '../model.js';

import { loadCredentialForChange, newSecret } from './credential-support.js';

export interface RotateCredentialInput {
  /** Hours the replaced secret keeps working: 0 to 168; 24 when not given. */
  graceHours?: number;
}

/**
 * Replaces a credential's secret and returns the new one, once. The replaced secret keeps working
 * for a grace period (24 hours unless the caller chooses 0 to 7 days) so the consumer can switch
 * without an outage; the gateway receives it in the snapshot with that expiry, and the token
 * endpoint accepts it as a client secret until then. Only one replaced secret is kept: rotating
 * again during a grace period ends the older one at once. Revocation stays immediate for both.
 */
export async function rotateCredential(ctx: Ctx, id: string, input: RotateCredentialInput = {}) {
  const graceHours = input.graceHours ?? DEFAULT_ROTATION_GRACE_HOURS;
  if (!Number.isInteger(graceHours) || graceHours < 0 || graceHours > MAX_ROTATION_GRACE_HOURS) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: '/graceHours', message: t(ctx.lang, 'interop.credential.graceRange') }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    const { row: before, consumer } = await loadCredentialForChange(tx, ctx, id);
    const secret = newSecret(before.kind);
    const now = Date.now();
    const graceEnds = graceHours > 0 ? new Date(now + graceHours * 3_600_000).toISOString() : null;
    const [after] = await tx
      .update(interopCredentials)
      .set({
        secretHash: sha256(secret),
        prefix: secret.slice(0, 10),
        lastRotatedAt: new Date(now).toISOString(),
        previousSecretHash: graceEnds ? before.secretHash : null,
        previousPrefix: graceEnds ? before.prefix : null,
        previousExpiresAt: graceEnds,
      })
      .where(eq(interopCredentials.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'interop_credential.rotate',
      entityType: 'interop_credential',
      entityId: id,
      before: { prefix: before.prefix, previous: previousSecret(before, now) },
      after: { prefix: after.prefix, graceHours, previous: previousSecret(after, now) },
    });
    await bumpConfigVersion(tx);
    return { ...presentCredential(after, consumer), secret };
  });
}
