import { IdParams, PageOf } from '../../../platform/http/schemas.js';
import type { App } from '../../../platform/http/server.js';
import { createHostingRequest } from '../use-cases/create-hosting-request.js';
import { findHostingRequests } from '../use-cases/find-hosting-requests.js';
import { getHostingRequest } from '../use-cases/get-hosting-request.js';
import { recordHostingTest } from '../use-cases/record-hosting-test.js';
import { takeHostingRequestTransition } from '../use-cases/take-hosting-request-transition.js';
import { updateHostingRequest } from '../use-cases/update-hosting-request.js';
import {
  CreateHostingRequestBody,
  HostingRequest,
  HostingRequestListQuery,
  HostingRequestSummary,
  HostingTestBody,
  HostingTransitionBody,
  UpdateHostingRequestBody,
} from './hosting-requests.schemas.js';

const tags = ['datacenter'];
const base = '/api/v1/datacenter/hosting-requests';

/** Hosting, colocation and VPS requests (Perbup Tabanan 44/2022 Pasal 14 ayat (10)). */
export function hostingRequestsRoutes(app: App) {
  app.get(
    base,
    {
      schema: {
        tags,
        querystring: HostingRequestListQuery,
        response: { 200: PageOf(HostingRequestSummary) },
      },
    },
    (request) => findHostingRequests(request.ctx, request.query),
  );
  app.post(
    base,
    { schema: { tags, body: CreateHostingRequestBody, response: { 201: HostingRequest } } },
    async (request, reply) =>
      reply.code(201).send(await createHostingRequest(request.ctx, request.body)),
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, params: IdParams, response: { 200: HostingRequest } } },
    (request) => getHostingRequest(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateHostingRequestBody,
        response: { 200: HostingRequest },
      },
    },
    (request) => updateHostingRequest(request.ctx, request.params.id, request.body),
  );
  app.put(
    `${base}/:id/test`,
    {
      schema: { tags, params: IdParams, body: HostingTestBody, response: { 200: HostingRequest } },
    },
    (request) => recordHostingTest(request.ctx, request.params.id, request.body),
  );
  app.post(
    `${base}/:id/transitions`,
    {
      schema: {
        tags,
        params: IdParams,
        body: HostingTransitionBody,
        response: { 200: HostingRequest },
      },
    },
    (request) => takeHostingRequestTransition(request.ctx, request.params.id, request.body),
  );
}
