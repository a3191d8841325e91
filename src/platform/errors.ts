import type { MessageKey } from './i18n/messages.js';

/**
 * The closed set of error codes Simpul answers with. Each maps to one HTTP status; the renderer
 * (platform/http/problem.ts) turns an AppError into RFC 9457 application/problem+json.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  ACCOUNT_DISABLED: 403,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  OIDC_DISABLED: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  OIDC_FAILED: 502,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** JSON pointer into the request part, e.g. `/email` or `/roles/0/role`. */
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** A message key for the detail; defaults to `error.<code>`. */
  detailKey?: MessageKey;
  detailParams?: Record<string, unknown>;
  errors?: FieldError[];
  /** Seconds, for RATE_LIMITED and ACCOUNT_LOCKED. */
  retryAfter?: number;
  cause?: unknown;
}

/** The one error type of Simpul. Throw it from anywhere; it is rendered as problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly options: AppErrorOptions;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detailKey ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.options = options;
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const conflict = (detailKey: MessageKey, path?: string, message?: string) =>
  new AppError('CONFLICT', {
    detailKey,
    errors: path && message ? [{ path, message }] : undefined,
  });
