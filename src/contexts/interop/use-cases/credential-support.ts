import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import { randomToken } from '../../../platform/crypto/secrets.js';
import type { Tx } from '../../../platform/db/client.js';
import { AppError, forbidden, notFound } from '../../../platform/errors.js';
import { applications } from '../../applications/index.js';
import { findConsumerById, findCredentialById } from '../db/queries.js';
import type { CredentialKind } from '../model.js';
import { canManageCredentials, inScope } from '../policies.js';

export /** A new secret: API keys start `spk_`, OAuth2 client secrets `sps_`; 256 random bits. */
function newSecret(kind: CredentialKind) {
  return `${kind === 'api_key' ? 'spk_' : 'sps_'}${randomToken(32)}`;
}

export async function applicationInScope(tx: Tx, ctx: Ctx, applicationId: string) {
  const [app] = await tx.select().from(applications).where(eq(applications.id, applicationId));
  if (!app || !inScope(ctx.actor, app.agencyId)) throw notFound();
  return app;
}

export async function loadCredentialForChange(tx: Tx, ctx: Ctx, id: string) {
  const row = await findCredentialById(tx, id, true);
  const consumer = row && (await findConsumerById(tx, row.consumerId));
  if (!row || !consumer || !inScope(ctx.actor, consumer.agencyId)) throw notFound();
  if (!canManageCredentials(ctx.actor, consumer.agencyId)) throw forbidden();
  if (row.revokedAt) throw new AppError('CONFLICT', { detailKey: 'interop.credential.revoked' });
  return { row, consumer };
}
