/**
 * The vocabulary of the Sistem Penghubung Layanan (Perbup Purbalingga 45/2024 Pasal 19–20,
 * Tabanan 44/2022 Pasal 13, Sragen 41/2019 Pasal 12, OKU Timur 2022 Pasal 18 ayat (7)–(8)).
 */

/** Who may see an API in the catalogue: the regency's agencies, named partners, everyone. */
export const VISIBILITIES = ['internal', 'partner', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The classification of the data an API carries (same scale as the applications registry). */
export const DATA_CLASSIFICATIONS = ['publik', 'terbatas', 'rahasia'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** The provider publishes, deprecates (still served, no new subscriptions) and retires an API. */
export const API_STATUSES = ['draft', 'published', 'deprecated', 'retired'] as const;
export type ApiStatus = (typeof API_STATUSES)[number];

/** Statuses the gateway routes: a deprecated API keeps serving its existing subscribers. */
export const ROUTED_STATUSES: readonly ApiStatus[] = ['published', 'deprecated'];

export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

export interface ApiOperation {
  method: string;
  path: string;
  operationId: string;
  summary: string | null;
  /** When set, a token must carry this scope to call the operation. */
  scope: string | null;
}

/** The scopes an API's operations declare. */
export function declaredScopes(operations: readonly ApiOperation[]): Set<string> {
  return new Set(operations.map((op) => op.scope).filter((s): s is string => !!s));
}

export const CREDENTIAL_KINDS = ['api_key', 'oauth_client'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/**
 * How long the secret a rotation replaces keeps working, so the consumer can switch without an
 * outage: 24 hours unless the caller chooses 0 (stop at once) to 7 days.
 */
export const DEFAULT_ROTATION_GRACE_HOURS = 24;
export const MAX_ROTATION_GRACE_HOURS = 7 * 24;

/** JWTs of POST /oauth2/token: who issues them and for whom (the gateway checks both). */
export const TOKEN_ISSUER = 'urn:simpul:oauth2';
export const TOKEN_AUDIENCE = 'urn:simpul:gateway';
/** Access tokens are short-lived: 5 minutes (the contract allows at most 15). */
export const TOKEN_TTL_SECONDS = 300;

/** Defaults of a plan when the provider names none. */
export const DEFAULT_PLAN = { ratePerMinute: 60, dailyQuota: 10_000, monthlyQuota: null } as const;

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_REQUEST_BYTES = 1_048_576;
