import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { agencyOf, findAgencyRefs } from '../db/queries.js';
import { interopApis } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import type { UpdateApiBody } from '../http/interop.schemas.js';
import { apiAuditFields, presentApiDetail } from '../http/presenters.js';
import { loadApiForChange } from './load-api-for-change.js';

/**
 * The provider edits its API's description, upstream, visibility, classification, limits and the
 * scope required per operation. Slug and version are the API's address and do not change: a new
 * version is a new API. Takes effect on the gateway at its next configuration poll.
 */
export async function updateApi(ctx: Ctx, id: string, input: Static<typeof UpdateApiBody>) {
  return inTransaction(ctx, async (tx) => {
    const before = await loadApiForChange(tx, ctx, id);
    if (before.status === 'retired') {
      throw new AppError('CONFLICT', { detailKey: 'interop.api.retired' });
    }
    let operations = before.operations;
    if (input.operationScopes) {
      const errors: FieldError[] = [];
      const known = new Set(operations.map((op) => op.operationId));
      for (const key of Object.keys(input.operationScopes)) {
        if (!known.has(key)) {
          errors.push({
            path: `/operationScopes/${key}`,
            message: t(ctx.lang, 'interop.api.unknownOperation'),
          });
        }
      }
      if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
      const scopes = input.operationScopes;
      operations = operations.map((op) =>
        op.operationId in scopes ? { ...op, scope: scopes[op.operationId] ?? null } : op,
      );
    }
    const { operationScopes: _scopes, ...fields } = input;
    const [after] = await tx
      .update(interopApis)
      .set({
        ...fields,
        ...(fields.name ? { name: fields.name.trim() } : {}),
        ...(fields.description !== undefined
          ? { description: fields.description?.trim() || null }
          : {}),
        ...(fields.upstreamUrl ? { upstreamUrl: fields.upstreamUrl.replace(/\/+$/, '') } : {}),
        operations,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(interopApis.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'interop_api.update',
      entityType: 'interop_api',
      entityId: id,
      before: apiAuditFields(before),
      after: apiAuditFields(after),
    });
    await bumpConfigVersion(tx);
    const agencies = await findAgencyRefs(tx, [after.agencyId]);
    return presentApiDetail(after, agencyOf(agencies, after.agencyId), ctx.actor);
  });
}
