import type { ServerResponse } from 'node:http';

/**
 * The gateway's own errors, as RFC 9457 problem+json in the caller's language (Indonesian by
 * default, English when Accept-Language prefers it). The gateway has no Fastify, so it carries
 * its small message table itself.
 */
export type GatewayProblem =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'TOKEN_INVALID'
  | 'NOT_SUBSCRIBED'
  | 'SCOPE_MISSING'
  | 'ROUTE_NOT_FOUND'
  | 'OPERATION_NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'QUOTA_EXCEEDED'
  | 'UPSTREAM_FAILED'
  | 'UPSTREAM_RESPONSE_TOO_LARGE'
  | 'CIRCUIT_OPEN'
  | 'UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'REQUEST_TIMEOUT'
  | 'METRICS_FORBIDDEN';

const PROBLEMS: Record<GatewayProblem, { status: number; id: string; en: string }> = {
  BAD_REQUEST: { status: 400, id: 'Permintaan tidak sah.', en: 'Malformed request.' },
  UNAUTHENTICATED: {
    status: 401,
    id: 'Sertakan X-API-Key atau Authorization: Bearer <token>.',
    en: 'Send X-API-Key or Authorization: Bearer <token>.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    id: 'Kunci API tidak dikenal, dicabut, atau kedaluwarsa.',
    en: 'Unknown, revoked or expired API key.',
  },
  TOKEN_INVALID: {
    status: 401,
    id: 'Token akses tidak sah atau kedaluwarsa.',
    en: 'Invalid or expired access token.',
  },
  NOT_SUBSCRIBED: {
    status: 403,
    id: 'Aplikasi ini tidak berlangganan API ini.',
    en: 'This application has no active subscription to this API.',
  },
  SCOPE_MISSING: {
    status: 403,
    id: 'Langganan atau token tidak mencakup cakupan operasi ini.',
    en: 'The subscription or token lacks the scope of this operation.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    id: 'Tidak ada API terbit pada alamat ini.',
    en: 'No published API at this address.',
  },
  OPERATION_NOT_FOUND: {
    status: 404,
    id: 'Operasi ini tidak ada dalam deskripsi API.',
    en: 'This operation is not in the API description.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    id: 'Badan permintaan melebihi batas API ini.',
    en: 'The request body exceeds the limit of this API.',
  },
  RATE_LIMITED: {
    status: 429,
    id: 'Batas permintaan per menit terlampaui. Coba lagi sebentar lagi.',
    en: 'Rate limit per minute exceeded. Try again shortly.',
  },
  QUOTA_EXCEEDED: {
    status: 429,
    id: 'Kuota harian atau bulanan langganan ini habis.',
    en: 'The daily or monthly quota of this subscription is used up.',
  },
  UPSTREAM_FAILED: {
    status: 502,
    id: 'Layanan penyedia tidak dapat dihubungi.',
    en: 'The provider service could not be reached.',
  },
  UPSTREAM_RESPONSE_TOO_LARGE: {
    status: 502,
    id: 'Jawaban layanan penyedia terlalu besar.',
    en: 'The provider service answered with too large a body.',
  },
  CIRCUIT_OPEN: {
    status: 503,
    id: 'Layanan penyedia sedang gagal; gateway menahan permintaan sementara.',
    en: 'The provider service is failing; the gateway holds requests for a while.',
  },
  UNAVAILABLE: {
    status: 503,
    id: 'Gateway sedang berhenti atau belum siap.',
    en: 'The gateway is stopping or not ready.',
  },
  UPSTREAM_TIMEOUT: {
    status: 504,
    id: 'Layanan penyedia tidak menjawab tepat waktu.',
    en: 'The provider service did not answer in time.',
  },
  REQUEST_TIMEOUT: {
    status: 408,
    id: 'Permintaan tidak selesai dikirim tepat waktu.',
    en: 'The request was not sent in time.',
  },
  METRICS_FORBIDDEN: { status: 403, id: 'Token metrik salah.', en: 'Wrong metrics token.' },
};

export function problemStatus(code: GatewayProblem): number {
  return PROBLEMS[code].status;
}

/** `en` when the caller prefers English over Indonesian, `id` otherwise. */
export function pickLanguage(acceptLanguage: string | undefined): 'id' | 'en' {
  if (!acceptLanguage) return 'id';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

export function problemBody(code: GatewayProblem, lang: 'id' | 'en', requestId?: string): string {
  const p = PROBLEMS[code];
  return JSON.stringify({
    type: `urn:simpul:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: p[lang],
    status: p.status,
    code,
    ...(requestId ? { requestId } : {}),
  });
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Writes a problem straight to a response (paths that record no exchange). */
export function sendProblem(
  res: ServerResponse,
  code: GatewayProblem,
  lang: 'id' | 'en',
  extra: Record<string, string> = {},
) {
  const body = problemBody(code, lang);
  res.writeHead(PROBLEMS[code].status, {
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(body);
}
