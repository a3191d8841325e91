import { Type } from 'typebox';
import { PageOf } from '../../../platform/http/schemas.js';
import type { App } from '../../../platform/http/server.js';
import { changeApiStatus } from '../use-cases/change-api-status.js';
import { createApi } from '../use-cases/create-api.js';
import { createCredential } from '../use-cases/create-credential.js';
import { createSubscription } from '../use-cases/create-subscription.js';
import { findApis } from '../use-cases/find-apis.js';
import { findCredentials } from '../use-cases/find-credentials.js';
import { findSubscriptions } from '../use-cases/find-subscriptions.js';
import { findUsage } from '../use-cases/find-usage.js';
import { getApi } from '../use-cases/get-api.js';
import { getSubscription } from '../use-cases/get-subscription.js';
import { importApiOpenApi } from '../use-cases/import-api-openapi.js';
import { revokeCredential } from '../use-cases/revoke-credential.js';
import { rotateCredential } from '../use-cases/rotate-credential.js';
import { setUpstreamCredential } from '../use-cases/set-upstream-credential.js';
import { takeSubscriptionTransition } from '../use-cases/take-subscription-transition.js';
import { updateApi } from '../use-cases/update-api.js';
import { updateSubscriptionPlan } from '../use-cases/update-subscription-plan.js';
import {
  ApiDetail,
  ApiListQuery,
  ApiStatusBody,
  ApiSummary,
  CreateApiBody,
  CreateCredentialBody,
  CreateSubscriptionBody,
  Credential,
  CredentialListQuery,
  IdParams,
  IssuedCredential,
  OpenApiSource,
  PlanBody,
  RotateCredentialBody,
  SubscriptionDetail,
  SubscriptionListQuery,
  SubscriptionSummary,
  SubscriptionTransitionBody,
  UpdateApiBody,
  UpstreamCredentialBody,
  Usage,
  UsageQuery,
} from './interop.schemas.js';

const tags = ['interop'];
const base = '/api/v1/interop';
/** OpenAPI documents may be larger than the default body limit. */
const documentBodyLimit = 3 * 1024 * 1024;

/**
 * The control plane of the Sistem Penghubung Layanan (Perbup Purbalingga 45/2024 Pasal 19–20;
 * Tabanan 44/2022 Pasal 13): API catalogue, subscriptions with their approvals, credentials and
 * usage. The catalogue reads are public: anonymous visitors (the developer portal) see published
 * public APIs only.
 */
export function interopRoutes(app: App) {
  app.get(
    `${base}/apis`,
    {
      config: { public: true },
      schema: { tags, querystring: ApiListQuery, response: { 200: PageOf(ApiSummary) } },
    },
    (request) => findApis(request.ctx, request.query),
  );
  app.post(
    `${base}/apis`,
    {
      bodyLimit: documentBodyLimit,
      schema: { tags, body: CreateApiBody, response: { 201: ApiDetail } },
    },
    async (request, reply) => reply.code(201).send(await createApi(request.ctx, request.body)),
  );
  app.get(
    `${base}/apis/:id`,
    { config: { public: true }, schema: { tags, params: IdParams, response: { 200: ApiDetail } } },
    (request) => getApi(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/apis/:id`,
    { schema: { tags, params: IdParams, body: UpdateApiBody, response: { 200: ApiDetail } } },
    (request) => updateApi(request.ctx, request.params.id, request.body),
  );
  app.put(
    `${base}/apis/:id/openapi`,
    {
      bodyLimit: documentBodyLimit,
      schema: { tags, params: IdParams, body: OpenApiSource, response: { 200: ApiDetail } },
    },
    (request) => importApiOpenApi(request.ctx, request.params.id, request.body),
  );
  app.put(
    `${base}/apis/:id/upstream-credential`,
    {
      schema: {
        tags,
        params: IdParams,
        body: UpstreamCredentialBody,
        response: { 200: ApiDetail },
      },
    },
    (request) => setUpstreamCredential(request.ctx, request.params.id, request.body),
  );
  app.delete(
    `${base}/apis/:id/upstream-credential`,
    { schema: { tags, params: IdParams, response: { 200: ApiDetail } } },
    (request) => setUpstreamCredential(request.ctx, request.params.id, null),
  );
  app.post(
    `${base}/apis/:id/status`,
    { schema: { tags, params: IdParams, body: ApiStatusBody, response: { 200: ApiDetail } } },
    (request) => changeApiStatus(request.ctx, request.params.id, request.body.status),
  );

  app.get(
    `${base}/subscriptions`,
    {
      schema: {
        tags,
        querystring: SubscriptionListQuery,
        response: { 200: PageOf(SubscriptionSummary) },
      },
    },
    (request) => findSubscriptions(request.ctx, request.query),
  );
  app.post(
    `${base}/subscriptions`,
    { schema: { tags, body: CreateSubscriptionBody, response: { 201: SubscriptionDetail } } },
    async (request, reply) =>
      reply.code(201).send(await createSubscription(request.ctx, request.body)),
  );
  app.get(
    `${base}/subscriptions/:id`,
    { schema: { tags, params: IdParams, response: { 200: SubscriptionDetail } } },
    (request) => getSubscription(request.ctx, request.params.id),
  );
  app.post(
    `${base}/subscriptions/:id/transitions`,
    {
      schema: {
        tags,
        params: IdParams,
        body: SubscriptionTransitionBody,
        response: { 200: SubscriptionDetail },
      },
    },
    (request) => takeSubscriptionTransition(request.ctx, request.params.id, request.body),
  );
  app.put(
    `${base}/subscriptions/:id/plan`,
    { schema: { tags, params: IdParams, body: PlanBody, response: { 200: SubscriptionDetail } } },
    (request) => updateSubscriptionPlan(request.ctx, request.params.id, request.body),
  );

  app.get(
    `${base}/credentials`,
    {
      schema: { tags, querystring: CredentialListQuery, response: { 200: Type.Array(Credential) } },
    },
    (request) => findCredentials(request.ctx, request.query.applicationId),
  );
  app.post(
    `${base}/credentials`,
    { schema: { tags, body: CreateCredentialBody, response: { 201: IssuedCredential } } },
    async (request, reply) =>
      reply.code(201).send(await createCredential(request.ctx, request.body)),
  );
  app.post(
    `${base}/credentials/:id/rotate`,
    {
      schema: {
        tags,
        params: IdParams,
        body: RotateCredentialBody,
        response: { 200: IssuedCredential },
      },
    },
    (request) => rotateCredential(request.ctx, request.params.id, request.body ?? {}),
  );
  app.post(
    `${base}/credentials/:id/revoke`,
    { schema: { tags, params: IdParams, response: { 200: Credential } } },
    (request) => revokeCredential(request.ctx, request.params.id),
  );

  app.get(
    `${base}/usage`,
    { schema: { tags, querystring: UsageQuery, response: { 200: Usage } } },
    (request) => findUsage(request.ctx, request.query),
  );
}
