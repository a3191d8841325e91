import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../errors.js';
import { type Lang, type MessageKey, pickLang, t } from '../i18n/messages.js';
import { toFieldErrors } from './validation.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId: string;
  errors?: { path: string; message: string }[];
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

// PostgreSQL SQLSTATEs that a client can cause (a race past our own checks); never a 500.
const PG_CODES: Record<string, ErrorCode> = {
  '23505': 'CONFLICT',
  '23503': 'CONFLICT',
  '22P02': 'BAD_REQUEST',
  '22001': 'BAD_REQUEST',
  '22021': 'BAD_REQUEST',
};

function pgCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as never) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** Maps anything thrown while handling a request to an AppError; unknown errors become INTERNAL. */
export function toAppError(error: unknown, lang: Lang): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validation?: unknown[] };
  if (fe && Array.isArray(fe.validation)) {
    const part = (fe as { validationContext?: string }).validationContext;
    const prefix = part && part !== 'body' ? `/${part}` : '';
    return new AppError('VALIDATION_FAILED', {
      errors: toFieldErrors(fe.validation as never, lang).map((e) => ({
        ...e,
        path: prefix + (e.path === '/' && prefix ? '' : e.path),
      })),
    });
  }
  const mapped = fe?.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return new AppError(mapped, { cause: error });
  const sqlState = pgCode(error);
  if (sqlState && PG_CODES[sqlState]) return new AppError(PG_CODES[sqlState], { cause: error });
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 404) return new AppError('ROUTE_NOT_FOUND');
    if (fe.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
    if (fe.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
    return new AppError('BAD_REQUEST', { cause: error });
  }
  return new AppError('INTERNAL', { cause: error });
}

export function renderProblem(error: AppError, requestId: string, lang: Lang): Problem {
  const titleKey = `error.${error.code}` as MessageKey;
  const problem: Problem = {
    type: `urn:simpul:problem:${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: t(lang, titleKey),
    status: error.status,
    detail: t(lang, error.options.detailKey ?? titleKey, error.options.detailParams),
    code: error.code,
    requestId,
  };
  if (error.options.errors?.length) problem.errors = error.options.errors;
  return problem;
}

/** The one error handler: every failure leaves as RFC 9457 application/problem+json. */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const lang = pickLang(request.headers['accept-language']);
  const appError = toAppError(error, lang);
  if (appError.code === 'INTERNAL') {
    request.log.error({ err: error }, 'unexpected error');
  } else if (appError.status >= 500) {
    request.log.warn({ err: error }, appError.code);
  }
  if (appError.options.retryAfter) reply.header('retry-after', String(appError.options.retryAfter));
  if (appError.status === 401) reply.header('www-authenticate', 'Bearer realm="simpul"');
  return reply
    .code(appError.status)
    .type('application/problem+json; charset=utf-8')
    .send(renderProblem(appError, request.id, lang));
}
