import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.js';
import { IdParams } from '../../../platform/http/schemas.js';
import type { App } from '../../../platform/http/server.js';
import { t } from '../../../platform/i18n/messages.js';
import { addDatasetComment } from '../use-cases/add-comment.js';
import { addResource, updateResourceSchema } from '../use-cases/add-resource.js';
import { createDataset } from '../use-cases/create-dataset.js';
import { createDataPlan, findDataPlans, updateDataPlan } from '../use-cases/data-plans.js';
import { findDatasets } from '../use-cases/find-datasets.js';
import { getDataset } from '../use-cases/get-dataset.js';
import {
  createReferenceList,
  findReferenceLists,
  getReferenceList,
} from '../use-cases/reference-lists.js';
import { requestDataset } from '../use-cases/request-dataset.js';
import { takeDatasetTransition } from '../use-cases/take-dataset-transition.js';
import { updateDataset } from '../use-cases/update-dataset.js';
import { uploadResourceFile } from '../use-cases/upload-resource-file.js';
import {
  CommentBody,
  CreateDatasetBody,
  CreatePlanBody,
  CreateReferenceListBody,
  CreateResourceBody,
  DataRequestBody,
  DatasetListQuery,
  DatasetTransitionBody,
  PlanListQuery,
  ResourceParams,
  UpdateDatasetBody,
  UpdatePlanBody,
  UpdateSchemaBody,
} from './data.schemas.js';

const tags = ['data'];
const base = '/api/v1/data';

/** The one `file` part of a multipart upload. */
async function readFilePart(request: FastifyRequest) {
  const lang = request.ctx.lang;
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detailKey: 'file.multipartRequired' });
  }
  let file: { fileName: string; bytes: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file' && part.fieldname === 'file') {
      try {
        file = { fileName: part.filename, bytes: await part.toBuffer() };
      } catch (error) {
        if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        throw new AppError('PAYLOAD_TOO_LARGE', { detailKey: 'error.PAYLOAD_TOO_LARGE' });
      }
    } else {
      if (part.type === 'file') await part.toBuffer().catch(() => undefined);
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            path: `/${part.fieldname}`,
            message: t(lang, 'validation.additionalProperties', { property: part.fieldname }),
          },
        ],
      });
    }
  }
  if (!file) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: '/file', message: t(lang, 'validation.required') }],
    });
  }
  return file;
}

/** Satu Data in the console: datasets, resources and their validation, verification, code lists, Daftar Data. */
export function dataRoutes(app: App) {
  app.get(`${base}/datasets`, { schema: { tags, querystring: DatasetListQuery } }, (request) =>
    findDatasets(request.ctx, request.query),
  );
  app.post(
    `${base}/datasets`,
    { schema: { tags, body: CreateDatasetBody } },
    async (request, reply) => reply.code(201).send(await createDataset(request.ctx, request.body)),
  );
  app.get(`${base}/datasets/:id`, { schema: { tags, params: IdParams } }, (request) =>
    getDataset(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/datasets/:id`,
    { schema: { tags, params: IdParams, body: UpdateDatasetBody } },
    (request) => updateDataset(request.ctx, request.params.id, request.body),
  );
  app.post(
    `${base}/datasets/:id/resources`,
    { schema: { tags, params: IdParams, body: CreateResourceBody } },
    async (request, reply) =>
      reply.code(201).send(await addResource(request.ctx, request.params.id, request.body)),
  );
  app.put(
    `${base}/datasets/:id/resources/:resourceId/schema`,
    { schema: { tags, params: ResourceParams, body: UpdateSchemaBody } },
    (request) =>
      updateResourceSchema(request.ctx, request.params.id, request.params.resourceId, request.body),
  );
  app.put(
    `${base}/datasets/:id/resources/:resourceId/file`,
    { schema: { tags, params: ResourceParams, consumes: ['multipart/form-data'] } },
    async (request) =>
      uploadResourceFile(
        request.ctx,
        app.fileStore,
        request.params.id,
        request.params.resourceId,
        await readFilePart(request),
      ),
  );
  app.post(
    `${base}/datasets/:id/transitions`,
    { schema: { tags, params: IdParams, body: DatasetTransitionBody } },
    (request) => takeDatasetTransition(request.ctx, request.params.id, request.body),
  );
  app.post(
    `${base}/datasets/:id/comments`,
    { schema: { tags, params: IdParams, body: CommentBody } },
    async (request, reply) =>
      reply.code(201).send(await addDatasetComment(request.ctx, request.params.id, request.body)),
  );
  app.get(`${base}/reference-lists`, { schema: { tags } }, (request) =>
    findReferenceLists(request.ctx),
  );
  app.post(
    `${base}/reference-lists`,
    { schema: { tags, body: CreateReferenceListBody } },
    async (request, reply) =>
      reply.code(201).send(await createReferenceList(request.ctx, request.body)),
  );
  app.get(`${base}/reference-lists/:id`, { schema: { tags, params: IdParams } }, (request) =>
    getReferenceList(request.ctx, request.params.id),
  );
  app.get(`${base}/plans`, { schema: { tags, querystring: PlanListQuery } }, (request) =>
    findDataPlans(request.ctx, request.query),
  );
  app.post(`${base}/plans`, { schema: { tags, body: CreatePlanBody } }, async (request, reply) =>
    reply.code(201).send(await createDataPlan(request.ctx, request.body)),
  );
  app.patch(
    `${base}/plans/:id`,
    { schema: { tags, params: IdParams, body: UpdatePlanBody } },
    (request) => updateDataPlan(request.ctx, request.params.id, request.body),
  );
  // Public: anyone may ask for a dataset (rate-limited per address).
  app.post(
    `${base}/requests`,
    { config: { public: true }, schema: { tags, body: DataRequestBody } },
    async (request, reply) => reply.code(201).send(await requestDataset(request.ctx, request.body)),
  );
}
