import { type Problem, ProblemError, syntheticProblem } from './problem';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON-encoded, except a `FormData` (multipart uploads), which is sent as is. */
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
}

const API_PREFIX = '/api/v1';

let csrfToken: string | null = null;
let language = 'id';

/** Remembers the CSRF token from the login or `/auth/me` response; sent on every non-GET call. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language, sent as `Accept-Language` so the server localises problem messages. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

export function buildQueryString(query: QueryParams | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isProblemBody(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

/** Path of an API resource as the browser requests it, e.g. for a download link. */
export function apiUrl(path: string, query?: QueryParams): string {
  return `${API_PREFIX}${path}${buildQueryString(query)}`;
}

async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': language };
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  // The browser sets the multipart boundary itself.
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ProblemError(syntheticProblem(0, 'NETWORK_ERROR', 'Network error'));
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function problemOf(response: Response): Promise<ProblemError> {
  const text = await response.text().catch(() => '');
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = undefined;
  }
  return new ProblemError(
    isProblemBody(payload)
      ? payload
      : syntheticProblem(response.status, 'UNEXPECTED_RESPONSE', response.statusText),
  );
}

/** Thin fetch wrapper: JSON in, JSON out, `ProblemError` on failure. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json, application/problem+json');
  const text = response.status === 204 ? '' : await response.text();
  let payload: unknown;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }

  return payload as T;
}

/** The file name of a `Content-Disposition` header (RFC 6266 `filename*` preferred). */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || null;
}

/**
 * Downloads a generated file (an export) through `fetch`, so it carries the UI language and a
 * failure is a `ProblemError` rather than a JSON page in a new tab; then saves it.
 */
export async function downloadFile(
  path: string,
  query: QueryParams | undefined,
  fallbackName: string,
): Promise<void> {
  const response = await send(path, { query }, '*/*');
  const blob = await response.blob();
  const name = dispositionFileName(response.headers.get('content-disposition')) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
