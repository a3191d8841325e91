import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type FieldError } from '../errors.js';
import { IdParams } from '../http/schemas.js';
import type { App } from '../http/server.js';
import { t } from '../i18n/messages.js';
import { attachmentDisposition } from './file-name.js';
import type { FileStore } from './file-store.js';
import { getFile, openFileContent, presentFile, type UploadInput, uploadFile } from './files.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The file store, for modules that attach or export files. */
    fileStore: FileStore;
  }
}

export const FileMetadata = Type.Object({
  id: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  mediaType: Type.String(),
  originalName: Type.String(),
  agencyId: Type.String(),
  uploadedBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

const MIB = 1024 * 1024;

/** SIMPUL_UPLOAD_LIMIT in bytes; 20 MiB by default. */
function uploadLimit(): number {
  const value = process.env.SIMPUL_UPLOAD_LIMIT;
  if (value === undefined || value === '') return 20 * MIB;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new Error(`SIMPUL_UPLOAD_LIMIT is not a size in bytes: ${value}`);
  }
  return n;
}

const human = (bytes: number) =>
  bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MiB` : `${Math.ceil(bytes / 1024)} KiB`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the multipart form (fields in any order): one part `file` and the field `agencyId`. */
async function readUpload(request: FastifyRequest, limit: number): Promise<UploadInput> {
  const lang = request.ctx.lang;
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detailKey: 'file.multipartRequired' });
  }
  let agencyId: string | undefined;
  let file: { name: string; bytes: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file' && part.fieldname === 'file') {
      try {
        file = { name: part.filename, bytes: await part.toBuffer() };
      } catch (error) {
        if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        throw new AppError('PAYLOAD_TOO_LARGE', {
          detailKey: 'file.tooLarge',
          detailParams: { limit: human(limit) },
        });
      }
    } else if (part.type === 'field' && part.fieldname === 'agencyId') {
      agencyId = String(part.value);
    } else {
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
  const errors: FieldError[] = [];
  if (!file) errors.push({ path: '/file', message: t(lang, 'validation.required') });
  if (!agencyId) errors.push({ path: '/agencyId', message: t(lang, 'validation.required') });
  else if (!UUID.test(agencyId)) {
    errors.push({ path: '/agencyId', message: t(lang, 'validation.format', { format: 'uuid' }) });
  }
  if (!file || !agencyId || errors.length) throw new AppError('VALIDATION_FAILED', { errors });
  return { agencyId, fileName: file.name, bytes: file.bytes };
}

/**
 * Uploads and downloads. Registers multipart parsing (limits from SIMPUL_UPLOAD_LIMIT), the
 * content-addressed store (as `app.fileStore`; see createFileStoreFromEnv), and the routes.
 */
export async function filesPlugin(app: App, options: { store: FileStore }) {
  const limit = uploadLimit();
  const store = options.store;
  app.decorate('fileStore', store);
  await app.register(multipart, {
    // Keep the name as sent, so a path in it is refused rather than silently cut off.
    preservePath: true,
    limits: { fileSize: limit, files: 1, fields: 2, parts: 3, fieldSize: 100 },
  });
  const tags = ['files'];

  app.post(
    '/api/v1/files',
    {
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description: `Multipart form: \`file\` (at most ${human(limit)}) and \`agencyId\`.`,
        response: { 201: FileMetadata },
      },
    },
    async (request, reply) => {
      const input = await readUpload(request, limit);
      return reply.code(201).send(await uploadFile(request.ctx, store, input));
    },
  );
  app.get(
    '/api/v1/files/:id',
    { schema: { tags, params: IdParams, response: { 200: FileMetadata } } },
    async (request) => presentFile(await getFile(request.ctx, request.params.id)),
  );
  app.get(
    '/api/v1/files/:id/content',
    { schema: { tags, params: IdParams } },
    async (request, reply) => {
      const { file, content } = await openFileContent(request.ctx, store, request.params.id);
      return reply
        .type(
          file.mediaType.startsWith('text/') ? `${file.mediaType}; charset=utf-8` : file.mediaType,
        )
        .header('content-length', file.size)
        .header('content-disposition', attachmentDisposition(file.originalName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .send(content);
    },
  );
}
