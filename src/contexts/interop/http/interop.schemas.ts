import { type TSchema, Type } from 'typebox';
import { OptionalText, PageQuery } from '../../../platform/http/schemas.js';
import { AvailableTransition, TimelineEvent } from '../../../platform/workflow/workflow.schemas.js';
import {
  API_STATUSES,
  CREDENTIAL_KINDS,
  DATA_CLASSIFICATIONS,
  MAX_ROTATION_GRACE_HOURS,
  VISIBILITIES,
} from '../model.js';
import { SUBSCRIPTION_STATES } from '../subscription-workflow.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const AgencyRef = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });

export const Visibility = Type.Enum(VISIBILITIES);
export const DataClassification = Type.Enum(DATA_CLASSIFICATIONS);
export const ApiStatus = Type.Enum(API_STATUSES);
export const SubscriptionState = Type.Enum(SUBSCRIPTION_STATES);

/** A lowercase slug used in the gateway path `/{agency}/{slug}/{version}/…`. */
const Slug = Type.String({ minLength: 2, maxLength: 60, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
const Version = Type.String({ minLength: 1, maxLength: 20, pattern: '^v?[0-9]+(\\.[0-9]+){0,2}$' });
const HttpUrl = Type.String({ minLength: 8, maxLength: 2000, pattern: '^https?://[^\\s]+$' });
/** An HTTP header name (RFC 9110 token); hop-by-hop and framing headers refused in the use case. */
const HeaderName = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]+$",
});
/** A header value: visible ASCII and spaces, no CR/LF (no header injection). */
const HeaderValue = Type.String({ minLength: 1, maxLength: 4000, pattern: '^[\\x20-\\x7E]+$' });
const Scope = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9:._-]+$' });

/** An OpenAPI description: its text (read from a file in the console) or a URL to fetch it from. */
export const OpenApiSource = Type.Union([
  Type.Object(
    { document: Type.String({ minLength: 2, maxLength: 2_097_152 }) },
    { additionalProperties: false },
  ),
  Type.Object({ url: HttpUrl }, { additionalProperties: false }),
]);

const apiFields = {
  name: Type.String({ minLength: 2, maxLength: 200 }),
  description: OptionalText(5000),
  upstreamUrl: HttpUrl,
  visibility: Visibility,
  dataClassification: DataClassification,
  timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000 })),
  maxRequestBytes: Type.Optional(Type.Integer({ minimum: 1024, maximum: 50 * 1024 * 1024 })),
};

export const CreateApiBody = Type.Object(
  {
    /** The provider agency; defaults to the caller's home agency. */
    agencyId: Type.Optional(Uuid),
    slug: Slug,
    version: Version,
    ...apiFields,
    openapi: Type.Optional(OpenApiSource),
  },
  { additionalProperties: false },
);

export const UpdateApiBody = Type.Partial(
  Type.Object({
    ...apiFields,
    /** Scopes per operation, by operationId (null clears). */
    operationScopes: Type.Record(Type.String({ maxLength: 200 }), Nullable(Scope)),
  }),
  { additionalProperties: false, minProperties: 1 },
);

export const UpstreamCredentialBody = Type.Object(
  { headerName: HeaderName, value: HeaderValue },
  { additionalProperties: false },
);

export const ApiStatusBody = Type.Object(
  { status: Type.Enum(['published', 'deprecated', 'retired']) },
  { additionalProperties: false },
);

export const ApiListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 200 })),
    status: Type.Optional(ApiStatus),
    agencyId: Type.Optional(Uuid),
    visibility: Type.Optional(Visibility),
  },
  { additionalProperties: false },
);

export const Operation = Type.Object({
  method: Type.String(),
  path: Type.String(),
  operationId: Type.String(),
  summary: Nullable(Type.String()),
  scope: Nullable(Type.String()),
});

export const ApiSummary = Type.Object({
  id: Type.String(),
  agency: AgencyRef,
  name: Type.String(),
  slug: Type.String(),
  version: Type.String(),
  description: Nullable(Type.String()),
  visibility: Visibility,
  dataClassification: DataClassification,
  status: ApiStatus,
  /** Path on the gateway: `/{agency code}/{slug}/{version}`. */
  gatewayPath: Type.String(),
  operationCount: Type.Integer(),
  publishedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});

export const ApiDetail = Type.Object({
  ...ApiSummary.properties,
  operations: Type.Array(Operation),
  openapiVersion: Nullable(Type.String()),
  /** Only for the provider (and the Dinas): the upstream and the injected header's name. */
  upstreamUrl: Nullable(Type.String()),
  upstreamHeaderName: Nullable(Type.String()),
  timeoutMs: Type.Integer(),
  maxRequestBytes: Type.Integer(),
  canManage: Type.Boolean(),
  canSubscribe: Type.Boolean(),
});

const ConsumerRef = Type.Object({
  id: Type.String(),
  applicationId: Type.String(),
  name: Type.String(),
  agency: AgencyRef,
});
const Plan = Type.Object({
  ratePerMinute: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
  dailyQuota: Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
  monthlyQuota: Nullable(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
});

export const CreateSubscriptionBody = Type.Object(
  {
    applicationId: Uuid,
    apiId: Uuid,
    purpose: Type.String({ minLength: 5, maxLength: 2000 }),
    scopes: Type.Optional(Nullable(Type.Array(Scope, { maxItems: 50, uniqueItems: true }))),
  },
  { additionalProperties: false },
);

export const PlanBody = Type.Object({ ...Plan.properties }, { additionalProperties: false });

export const SubscriptionTransitionBody = Type.Object(
  {
    transition: Type.String({ minLength: 1, maxLength: 50 }),
    comment: Type.Optional(Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);

export const SubscriptionListQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(SubscriptionState),
    apiId: Type.Optional(Uuid),
    applicationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const SubscriptionSummary = Type.Object({
  id: Type.String(),
  api: Type.Object({
    id: Type.String(),
    name: Type.String(),
    version: Type.String(),
    gatewayPath: Type.String(),
    agency: AgencyRef,
  }),
  consumer: ConsumerRef,
  purpose: Type.String(),
  scopes: Nullable(Type.Array(Type.String())),
  plan: Plan,
  state: SubscriptionState,
  dueAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const SubscriptionDetail = Type.Object({
  ...SubscriptionSummary.properties,
  timeline: Type.Array(TimelineEvent),
  transitions: Type.Array(AvailableTransition),
  canSetPlan: Type.Boolean(),
});

export const CreateCredentialBody = Type.Object(
  {
    applicationId: Uuid,
    kind: Type.Enum(CREDENTIAL_KINDS),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    expiresAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))),
  },
  { additionalProperties: false },
);

/** A rotation; without a body the old secret keeps working for the default 24 hours. */
export const RotateCredentialBody = Nullable(
  Type.Object(
    {
      /** Hours the replaced secret keeps working: 0 (stops at once) to 168 (7 days). */
      graceHours: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_ROTATION_GRACE_HOURS })),
    },
    { additionalProperties: false },
  ),
);

export const CredentialListQuery = Type.Object(
  { applicationId: Uuid },
  { additionalProperties: false },
);

export const Credential = Type.Object({
  id: Type.String(),
  consumerId: Type.String(),
  applicationId: Type.String(),
  kind: Type.Enum(CREDENTIAL_KINDS),
  label: Type.String(),
  clientId: Nullable(Type.String()),
  prefix: Type.String(),
  expiresAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  lastRotatedAt: Nullable(Type.String()),
  /** The secret the last rotation replaced, while its grace period runs; else null. */
  previous: Nullable(Type.Object({ prefix: Type.String(), expiresAt: Type.String() })),
  createdAt: Type.String(),
});

/** A credential as created or rotated: the secret, shown this once. */
export const IssuedCredential = Type.Object({ ...Credential.properties, secret: Type.String() });

export const UsageQuery = Type.Object(
  {
    apiId: Type.Optional(Uuid),
    consumerId: Type.Optional(Uuid),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);

export const UsageRow = Type.Object({
  day: Type.String(),
  api: Type.Object({ id: Nullable(Type.String()), name: Type.String(), version: Type.String() }),
  consumer: Type.Object({ id: Nullable(Type.String()), name: Type.String() }),
  calls: Type.Integer(),
  errors: Type.Integer(),
  p50: Type.Number(),
  p95: Type.Number(),
  p99: Type.Number(),
});

export const Usage = Type.Object({
  from: Type.String(),
  to: Type.String(),
  rows: Type.Array(UsageRow),
  totals: Type.Object({ calls: Type.Integer(), errors: Type.Integer() }),
});

export const IdParams = Type.Object({ id: Uuid });
