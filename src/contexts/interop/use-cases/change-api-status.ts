import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import { agencyOf, findAgencyRefs } from '../db/queries.js';
import { interopApis } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import { presentApiDetail } from '../http/presenters.js';
import type { ApiStatus } from '../model.js';
import { loadApiForChange } from './load-api-for-change.js';

/** Which status may follow which: retired is the end. */
const NEXT: Record<ApiStatus, ApiStatus[]> = {
  draft: ['published', 'retired'],
  published: ['deprecated', 'retired'],
  deprecated: ['published', 'retired'],
  retired: [],
};

/**
 * The provider publishes its API (the gateway starts routing it and consumers may subscribe),
 * deprecates it (still served to its subscribers, no new subscriptions) or retires it (no longer
 * routed). Publishing needs an OpenAPI description with at least one operation, so consumers
 * know what they subscribe to (SPBE indicator 18 asks for the list of APIs and their use).
 */
export async function changeApiStatus(
  ctx: Ctx,
  id: string,
  status: 'published' | 'deprecated' | 'retired',
) {
  return inTransaction(ctx, async (tx) => {
    const before = await loadApiForChange(tx, ctx, id);
    if (!NEXT[before.status].includes(status)) {
      throw new AppError('CONFLICT', { detailKey: 'interop.api.invalidStatus' });
    }
    if (status === 'published' && (!before.openapi || before.operations.length === 0)) {
      throw new AppError('CONFLICT', { detailKey: 'interop.api.openapiMissing' });
    }
    const now = new Date().toISOString();
    const [after] = await tx
      .update(interopApis)
      .set({
        status,
        updatedAt: now,
        ...(status === 'published' && !before.publishedAt ? { publishedAt: now } : {}),
      })
      .where(eq(interopApis.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: `interop_api.${status === 'published' ? 'publish' : status === 'deprecated' ? 'deprecate' : 'retire'}`,
      entityType: 'interop_api',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status },
    });
    await bumpConfigVersion(tx);
    const agencies = await findAgencyRefs(tx, [after.agencyId]);
    return presentApiDetail(after, agencyOf(agencies, after.agencyId), ctx.actor);
  });
}
