import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { randomToken, sha256 } from '../../../platform/crypto/secrets.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { notFound } from '../../../platform/errors.js';
import { apiTokens } from '../db/tables.js';
import type { CreateApiTokenBody } from '../http/identity.schemas.js';
import { presentApiToken } from '../http/presenters.js';
import { requireUser } from './account.js';
import { API_TOKEN_PREFIX } from './resolve-actor.js';

/** One's own active personal API tokens (never the token values). */
export async function findApiTokens(ctx: Ctx) {
  const actor = requireUser(ctx);
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return { items: rows.map(presentApiToken) };
}

/** Issues a personal API token acting as the user; the value is shown once, stored as SHA-256. */
export async function createApiToken(ctx: Ctx, input: Static<typeof CreateApiTokenBody>) {
  const actor = requireUser(ctx);
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: actor.id,
        name: input.name.trim(),
        prefix: token.slice(0, 10),
        tokenHash: sha256(token),
        expiresAt: input.expiresInDays
          ? new Date(Date.now() + input.expiresInDays * 86_400_000).toISOString()
          : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const item = presentApiToken(row);
    await recordAuditEvent(tx, ctx, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row.id,
      after: item,
    });
    return { token, item };
  });
}

/** Revokes one of one's own tokens; someone else's is NOT_FOUND. */
export async function revokeApiToken(ctx: Ctx, id: string) {
  const actor = requireUser(ctx);
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw notFound();
    await recordAuditEvent(tx, ctx, {
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      before: presentApiToken(row),
    });
  });
}
