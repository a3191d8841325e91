import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { randomToken, sha256 } from '../../../platform/crypto/secrets.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { interopCredentials } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import type { CreateCredentialBody } from '../http/interop.schemas.js';
import { credentialAuditFields, presentCredential } from '../http/presenters.js';
import { canManageCredentials } from '../policies.js';
import { ensureConsumer } from './create-subscription.js';

import { applicationInScope, newSecret } from './credential-support.js';

/**
 * Issues a credential to a consumer application: an API key (sent as `X-API-Key`) or an OAuth2
 * client for POST /oauth2/token. The secret is returned this once; only its SHA-256 is stored.
 */
export async function createCredential(ctx: Ctx, input: Static<typeof CreateCredentialBody>) {
  if (!ctx.actor) throw forbidden();
  if (input.expiresAt && new Date(input.expiresAt).getTime() <= Date.now()) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: '/expiresAt', message: t(ctx.lang, 'interop.credential.expiryPast') }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    const app = await applicationInScope(tx, ctx, input.applicationId);
    if (!canManageCredentials(ctx.actor, app.agencyId)) throw forbidden();
    const consumer = await ensureConsumer(tx, app);
    const secret = newSecret(input.kind);
    const [row] = await tx
      .insert(interopCredentials)
      .values({
        consumerId: consumer.id,
        kind: input.kind,
        label: input.label.trim(),
        clientId: input.kind === 'oauth_client' ? `spc_${randomToken(12)}` : null,
        prefix: secret.slice(0, 10),
        secretHash: sha256(secret),
        expiresAt: input.expiresAt ?? null,
        createdBy: ctx.actor?.type === 'user' ? ctx.actor.id : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'interop_credential.create',
      entityType: 'interop_credential',
      entityId: row.id,
      after: credentialAuditFields(row),
    });
    await bumpConfigVersion(tx);
    return { ...presentCredential(row, consumer), secret };
  });
}
