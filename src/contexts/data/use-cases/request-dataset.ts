import { and, count, eq, gt } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { sha256 } from '../../../platform/crypto/secrets.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { findAgencyById } from '../../organization/index.js';
import { dataRequests } from '../db/tables.js';
import type { DataRequestBody } from '../http/data.schemas.js';

/** At most this many requests per client address per hour (counted in the database, across nodes). */
export const REQUESTS_PER_HOUR = 5;

/**
 * A member of the public asks for a dataset that is not on the portal (as Jawa Tengah's portal
 * offers, open-data.md §2.5). Rate-limited per client address; the address is kept only hashed.
 */
export async function requestDataset(ctx: Ctx, input: Static<typeof DataRequestBody>) {
  const clientHash = sha256(`data-request:${ctx.meta.ip ?? 'unknown'}`);
  if (input.agencyId && !(await findAgencyById(ctx.db, input.agencyId))) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: '/agencyId', message: t(ctx.lang, 'user.agencyInvalid') }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const [recent] = await tx
      .select({ n: count() })
      .from(dataRequests)
      .where(and(eq(dataRequests.clientHash, clientHash), gt(dataRequests.createdAt, since)));
    if ((recent?.n ?? 0) >= REQUESTS_PER_HOUR) {
      throw new AppError('RATE_LIMITED', {
        detailKey: 'data.request.rateLimited',
        retryAfter: 3600,
      });
    }
    const [row] = await tx
      .insert(dataRequests)
      .values({
        name: input.name.trim(),
        email: input.email.trim(),
        title: input.title.trim(),
        description: input.description.trim(),
        agencyId: input.agencyId ?? null,
        clientHash,
      })
      .returning({ id: dataRequests.id, createdAt: dataRequests.createdAt });
    if (!row) throw new Error('insert returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'data_request.create',
      entityType: 'data_request',
      entityId: row.id,
      after: { title: input.title, agencyId: input.agencyId ?? null },
      anonymous: { id: null, label: 'public' },
    });
    return { id: row.id, createdAt: new Date(row.createdAt).toISOString() };
  });
}
