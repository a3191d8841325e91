import { IdParams, PageOf } from '../../../platform/http/schemas.js';
import type { App } from '../../../platform/http/server.js';
import { TransitionBody } from '../../../platform/workflow/workflow.schemas.js';
import { attachApplicationDocument } from '../use-cases/attach-application-document.js';
import { createApplication } from '../use-cases/create-application.js';
import { exportApplications, XLSX_MEDIA_TYPE } from '../use-cases/export-applications.js';
import { findApplications } from '../use-cases/find-applications.js';
import { findNationalApplications } from '../use-cases/find-national-applications.js';
import { getApplication } from '../use-cases/get-application.js';
import { takeApplicationTransition } from '../use-cases/take-application-transition.js';
import { updateApplication } from '../use-cases/update-application.js';
import {
  ApplicationDetail,
  ApplicationExportQuery,
  ApplicationListQuery,
  ApplicationSummary,
  AttachDocumentBody,
  CreateApplicationBody,
  NationalApplicationList,
  UpdateApplicationBody,
} from './applications.schemas.js';

const tags = ['applications'];

/** The Aplikasi SPBE registry, its documents and lifecycle, and the national reference list. */
export function applicationsRoutes(app: App) {
  app.get(
    '/api/v1/applications',
    {
      schema: {
        tags,
        querystring: ApplicationListQuery,
        response: { 200: PageOf(ApplicationSummary) },
      },
    },
    (request) => findApplications(request.ctx, request.query),
  );
  app.get(
    '/api/v1/applications/export.xlsx',
    {
      schema: {
        tags,
        querystring: ApplicationExportQuery,
        description: 'The filtered registry (every page) as an Excel workbook.',
      },
    },
    async (request, reply) => {
      const file = await exportApplications(request.ctx, request.query);
      return reply
        .type(XLSX_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-cache')
        .header('x-total-count', String(file.rows))
        .send(file.bytes);
    },
  );
  app.post(
    '/api/v1/applications',
    { schema: { tags, body: CreateApplicationBody, response: { 201: ApplicationDetail } } },
    async (request, reply) =>
      reply.code(201).send(await createApplication(request.ctx, request.body)),
  );
  app.get(
    '/api/v1/applications/:id',
    { schema: { tags, params: IdParams, response: { 200: ApplicationDetail } } },
    (request) => getApplication(request.ctx, request.params.id),
  );
  app.patch(
    '/api/v1/applications/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateApplicationBody,
        response: { 200: ApplicationDetail },
      },
    },
    (request) => updateApplication(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/applications/:id/documents',
    {
      schema: {
        tags,
        params: IdParams,
        body: AttachDocumentBody,
        description: 'Attach an uploaded file (POST /api/v1/files first) as a required document.',
        response: { 201: ApplicationDetail },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await attachApplicationDocument(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/v1/applications/:id/transitions',
    {
      schema: {
        tags,
        params: IdParams,
        body: TransitionBody,
        response: { 200: ApplicationDetail },
      },
    },
    (request) => takeApplicationTransition(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/v1/reference/national-applications',
    { schema: { tags: ['reference'], response: { 200: NationalApplicationList } } },
    (request) => findNationalApplications(request.ctx),
  );
}
