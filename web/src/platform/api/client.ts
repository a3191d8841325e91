import { type Problem, ProblemError, syntheticProblem } from './problem';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
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

/** Thin fetch wrapper: JSON in, JSON out, `ProblemError` on failure. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_PREFIX}${path}${buildQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ProblemError(syntheticProblem(0, 'NETWORK_ERROR', 'Network error'));
  }

  const text = response.status === 204 ? '' : await response.text();
  let payload: unknown;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }

  if (!response.ok) {
    const problem = isProblemBody(payload)
      ? payload
      : syntheticProblem(response.status, 'UNEXPECTED_RESPONSE', response.statusText);
    throw new ProblemError(problem);
  }
  return payload as T;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
