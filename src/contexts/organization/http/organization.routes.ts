import { IdParams, PageOf } from '../../../platform/http/schemas.js';
import type { App } from '../../../platform/http/server.js';
import { createAgency } from '../use-cases/create-agency.js';
import { findAgencies } from '../use-cases/find-agencies.js';
import { getAgency } from '../use-cases/get-agency.js';
import { getGovernment } from '../use-cases/get-government.js';
import { getPublicProfile } from '../use-cases/get-public-profile.js';
import { updateAgency } from '../use-cases/update-agency.js';
import { updateGovernment } from '../use-cases/update-government.js';
import {
  Agency,
  AgencyListQuery,
  CreateAgencyBody,
  Government,
  PublicProfile,
  UpdateAgencyBody,
  UpdateGovernmentBody,
} from './organization.schemas.js';

const tags = ['organization'];

/** Pemda profile and the Perangkat Daerah registry. */
export function organizationRoutes(app: App) {
  app.get(
    '/api/v1/public/profile',
    { config: { public: true }, schema: { tags: ['public'], response: { 200: PublicProfile } } },
    (request) => getPublicProfile(request.ctx.db),
  );
  app.get('/api/v1/government', { schema: { tags, response: { 200: Government } } }, (request) =>
    getGovernment(request.ctx.db),
  );
  app.put(
    '/api/v1/government',
    { schema: { tags, body: UpdateGovernmentBody, response: { 200: Government } } },
    (request) => updateGovernment(request.ctx, request.body),
  );
  app.get(
    '/api/v1/agencies',
    { schema: { tags, querystring: AgencyListQuery, response: { 200: PageOf(Agency) } } },
    (request) => findAgencies(request.ctx, request.query),
  );
  app.post(
    '/api/v1/agencies',
    { schema: { tags, body: CreateAgencyBody, response: { 201: Agency } } },
    async (request, reply) => reply.code(201).send(await createAgency(request.ctx, request.body)),
  );
  app.get(
    '/api/v1/agencies/:id',
    { schema: { tags, params: IdParams, response: { 200: Agency } } },
    (request) => getAgency(request.ctx, request.params.id),
  );
  app.patch(
    '/api/v1/agencies/:id',
    { schema: { tags, params: IdParams, body: UpdateAgencyBody, response: { 200: Agency } } },
    (request) => updateAgency(request.ctx, request.params.id, request.body),
  );
}
