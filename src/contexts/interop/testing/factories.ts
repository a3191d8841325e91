import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../../platform/auth/actor.js';
import { buildApplication } from '../../applications/testing/factories.js';
import { IMMUNIZATION_OPENAPI } from '../demo/immunization-openapi.js';
import type { Visibility } from '../model.js';
import { changeApiStatus } from '../use-cases/change-api-status.js';
import { createApi } from '../use-cases/create-api.js';
import { createCredential } from '../use-cases/create-credential.js';
import { createSubscription } from '../use-cases/create-subscription.js';
import { takeSubscriptionTransition } from '../use-cases/take-subscription-transition.js';

export const SAMPLE_OPENAPI = IMMUNIZATION_OPENAPI;
export const sampleOpenApiText = () => JSON.stringify(SAMPLE_OPENAPI);

/** An API of `agencyId` with the sample OpenAPI description, in draft or published. */
export async function buildApi(
  ctx: Ctx,
  agencyId: string,
  options: { published?: boolean; visibility?: Visibility; upstreamUrl?: string } = {},
) {
  const api = await createApi(ctx, {
    agencyId,
    name: `API Uji ${randomBytes(3).toString('hex')}`,
    slug: `uji-${randomBytes(4).toString('hex')}`,
    version: 'v1',
    upstreamUrl: options.upstreamUrl ?? 'http://127.0.0.1:9/upstream',
    visibility: options.visibility ?? 'internal',
    dataClassification: 'terbatas',
    openapi: { document: sampleOpenApiText() },
  });
  return options.published === false ? api : changeApiStatus(ctx, api.id, 'published');
}

export type SubscriptionStage = 'requested' | 'provider_approved' | 'active';

/** A subscription of a new application of `consumerAgencyId` to `apiId`, taken to `stage`. */
export async function buildSubscription(
  ctx: Ctx,
  consumerAgencyId: string,
  apiId: string,
  stage: SubscriptionStage = 'requested',
) {
  const app = await buildApplication(ctx, { agencyId: consumerAgencyId });
  let sub = await createSubscription(ctx, {
    applicationId: app.id,
    apiId,
    purpose: 'Pengujian langganan API',
  });
  if (stage !== 'requested')
    sub = await takeSubscriptionTransition(ctx, sub.id, { transition: 'approve_provider' });
  if (stage === 'active')
    sub = await takeSubscriptionTransition(ctx, sub.id, { transition: 'approve_dinas' });
  return { ...sub, applicationId: app.id };
}

/** An API key of the application (through the use case, as Simpul itself). */
export function buildCredential(ctx: Ctx, applicationId: string) {
  return createCredential(ctx, { applicationId, kind: 'api_key', label: 'Kunci uji' });
}
