import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, conflict, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { agencyOf, findAgencyRefs } from '../db/queries.js';
import { interopApis } from '../db/tables.js';
import { bumpConfigVersion } from '../gateway-snapshot.js';
import type { CreateApiBody } from '../http/interop.schemas.js';
import { apiAuditFields, presentApiDetail } from '../http/presenters.js';
import { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_TIMEOUT_MS } from '../model.js';
import { fetchOpenApiText, type ImportedOpenApi, importOpenApi } from '../openapi-import.js';
import { canManageApi } from '../policies.js';
import { routeTaken } from './route-taken.js';

/**
 * Registers an API of the caller's agency (Perbup Purbalingga 45/2024 Pasal 19 ayat (2): every
 * Perangkat Daerah provides the APIs its SPBE services need for integration), in `draft`, with
 * its OpenAPI description when given (validated; refused with the parser's reasons). The gateway
 * does not route it until the provider publishes it.
 */
export async function createApi(ctx: Ctx, input: Static<typeof CreateApiBody>) {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const agencyId = input.agencyId ?? (actor.type === 'user' ? actor.agencyId : null);
  if (!agencyId) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: '/agencyId', message: t(ctx.lang, 'validation.required') }],
    });
  }
  if (!canManageApi(actor, agencyId)) throw forbidden();
  let imported: ImportedOpenApi | null = null;
  if (input.openapi) {
    const text =
      'url' in input.openapi
        ? await fetchOpenApiText(input.openapi.url, ctx.lang)
        : input.openapi.document;
    imported = await importOpenApi(
      text,
      ctx.lang,
      'url' in input.openapi ? '/openapi/url' : '/openapi/document',
      !('url' in input.openapi),
    );
  }
  return inTransaction(ctx, async (tx) => {
    if (await routeTaken(tx, agencyId, input.slug, input.version)) {
      throw conflict('interop.api.routeTaken', '/slug', t(ctx.lang, 'interop.api.routeTaken'));
    }
    const [row] = await tx
      .insert(interopApis)
      .values({
        agencyId,
        name: input.name.trim(),
        slug: input.slug,
        version: input.version,
        description: input.description?.trim() || imported?.description || null,
        upstreamUrl: input.upstreamUrl.replace(/\/+$/, ''),
        visibility: input.visibility,
        dataClassification: input.dataClassification,
        timeoutMs: input.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        maxRequestBytes: input.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
        openapi: imported?.document ?? null,
        openapiVersion: imported?.openapiVersion ?? null,
        operations: imported?.operations ?? [],
        createdBy: actor.type === 'user' ? actor.id : null,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordAuditEvent(tx, ctx, {
      action: 'interop_api.create',
      entityType: 'interop_api',
      entityId: row.id,
      after: apiAuditFields(row),
    });
    await bumpConfigVersion(tx);
    const agencies = await findAgencyRefs(tx, [agencyId]);
    return presentApiDetail(row, agencyOf(agencies, agencyId), actor);
  });
}
