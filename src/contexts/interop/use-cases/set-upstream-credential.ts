import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { agencyOf, findAgencyRefs } from '../db/queries.js';
import { interopApis } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import type { UpstreamCredentialBody } from '../http/interop.schemas.js';
import { presentApiDetail } from '../http/presenters.js';
import { loadApiForChange } from './load-api-for-change.js';

/** Headers the gateway owns or that frame the message: never injectable. */
const RESERVED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-type',
  'host',
  'upgrade',
  'te',
  'trailer',
  'proxy-authorization',
  'proxy-authenticate',
  'x-request-id',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'forwarded',
  'x-api-key',
  'cookie',
]);

/**
 * Sets (or, with `null`, removes) the credential the gateway injects upstream, so that the
 * provider's API trusts only the gateway. The value is sealed with the instance key; it is never
 * shown again, logged or audited.
 */
export async function setUpstreamCredential(
  ctx: Ctx,
  id: string,
  input: Static<typeof UpstreamCredentialBody> | null,
) {
  if (input && RESERVED.has(input.headerName.toLowerCase())) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: '/headerName', message: t(ctx.lang, 'interop.api.reservedHeader') }],
    });
  }
  return inTransaction(ctx, async (tx) => {
    const before = await loadApiForChange(tx, ctx, id);
    const [after] = await tx
      .update(interopApis)
      .set({
        upstreamHeaderName: input?.headerName ?? null,
        upstreamHeaderSealed: input ? ctx.secrets.seal(input.value) : null,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(interopApis.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: input
        ? 'interop_api.set_upstream_credential'
        : 'interop_api.clear_upstream_credential',
      entityType: 'interop_api',
      entityId: id,
      before: { headerName: before.upstreamHeaderName },
      after: { headerName: after.upstreamHeaderName },
    });
    await bumpConfigVersion(tx);
    const agencies = await findAgencyRefs(tx, [after.agencyId]);
    return presentApiDetail(after, agencyOf(agencies, after.agencyId), ctx.actor);
  });
}
