import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { agencyOf, findAgencyRefs, findApiById } from '../db/queries.js';
import { interopApis } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import type { OpenApiSource } from '../http/interop.schemas.js';
import { presentApiDetail } from '../http/presenters.js';
import { fetchOpenApiText, importOpenApi } from '../openapi-import.js';
import { canManageApi, canSeeApi } from '../policies.js';
import { loadApiForChange } from './load-api-for-change.js';

/**
 * Replaces an API's OpenAPI 3.x description (from an uploaded file's text or a URL) and its
 * operations. Scopes the provider set on operations that keep their operationId are kept. An
 * invalid document changes nothing and is refused with the parser's reasons.
 */
export async function importApiOpenApi(ctx: Ctx, id: string, input: Static<typeof OpenApiSource>) {
  // Authorise before fetching anything on the caller's behalf.
  const seen = await findApiById(ctx.db, id);
  if (!seen || !canSeeApi(ctx.actor, seen)) throw notFound();
  if (!canManageApi(ctx.actor, seen.agencyId)) throw new AppError('FORBIDDEN');
  const text = 'url' in input ? await fetchOpenApiText(input.url, ctx.lang) : input.document;
  const imported = await importOpenApi(
    text,
    ctx.lang,
    'url' in input ? '/url' : '/document',
    !('url' in input),
  );
  return inTransaction(ctx, async (tx) => {
    const before = await loadApiForChange(tx, ctx, id);
    if (before.status === 'retired')
      throw new AppError('CONFLICT', { detailKey: 'interop.api.retired' });
    const kept = new Map(before.operations.map((op) => [op.operationId, op.scope]));
    const operations = imported.operations.map((op) => ({
      ...op,
      scope: op.scope ?? kept.get(op.operationId) ?? null,
    }));
    const [after] = await tx
      .update(interopApis)
      .set({
        openapi: imported.document,
        openapiVersion: imported.openapiVersion,
        operations,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(interopApis.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'interop_api.import_openapi',
      entityType: 'interop_api',
      entityId: id,
      before: { openapiVersion: before.openapiVersion, operations: before.operations },
      after: { openapiVersion: after.openapiVersion, operations: after.operations },
    });
    await bumpConfigVersion(tx);
    const agencies = await findAgencyRefs(tx, [after.agencyId]);
    return presentApiDetail(after, agencyOf(agencies, after.agencyId), ctx.actor);
  });
}
