import { desc, eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { randomToken, sha256 } from '../../../platform/crypto/secrets.js';
import type { Tx } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { applications } from '../../applications/index.js';
import { findConsumerByApplication, findConsumerById, findCredentialById } from '../db/queries.js';
import { interopCredentials } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import type { CreateCredentialBody } from '../http/interop.schemas.js';
import { credentialAuditFields, presentCredential } from '../http/presenters.js';
import type { CredentialKind } from '../model.js';
import { canManageCredentials, inScope } from '../policies.js';
import { ensureConsumer } from './create-subscription.js';

/** A new secret: API keys start `spk_`, OAuth2 client secrets `sps_`; 256 random bits. */
function newSecret(kind: CredentialKind) {
  return `${kind === 'api_key' ? 'spk_' : 'sps_'}${randomToken(32)}`;
}

async function applicationInScope(tx: Tx, ctx: Ctx, applicationId: string) {
  const [app] = await tx.select().from(applications).where(eq(applications.id, applicationId));
  if (!app || !inScope(ctx.actor, app.agencyId)) throw notFound();
  return app;
}

/** The credentials of an application (never their secrets), for its agency and the Dinas. */
export async function findCredentials(ctx: Ctx, applicationId: string) {
  return inTransaction(ctx, async (tx) => {
    const app = await applicationInScope(tx, ctx, applicationId);
    const consumer = await findConsumerByApplication(tx, app.id);
    if (!consumer) return [];
    const rows = await tx
      .select()
      .from(interopCredentials)
      .where(eq(interopCredentials.consumerId, consumer.id))
      .orderBy(desc(interopCredentials.createdAt));
    return rows.map((r) => presentCredential(r, consumer));
  });
}

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

async function loadCredentialForChange(tx: Tx, ctx: Ctx, id: string) {
  const row = await findCredentialById(tx, id, true);
  const consumer = row && (await findConsumerById(tx, row.consumerId));
  if (!row || !consumer || !inScope(ctx.actor, consumer.agencyId)) throw notFound();
  if (!canManageCredentials(ctx.actor, consumer.agencyId)) throw forbidden();
  if (row.revokedAt) throw new AppError('CONFLICT', { detailKey: 'interop.credential.revoked' });
  return { row, consumer };
}

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
