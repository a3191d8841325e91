import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../identity/index.js';
import { agencies } from '../../organization/index.js';
import type {
  ApiOperation,
  ApiStatus,
  CredentialKind,
  DataClassification,
  Visibility,
} from '../model.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * An API a Perangkat Daerah provides for SPBE services that need integration (Perbup Purbalingga
 * 45/2024 Pasal 19 ayat (2); Tabanan 44/2022 Pasal 13 ayat (2)), reached only through the
 * regency's Sistem Penghubung Layanan at `/{agency code}/{slug}/{version}/…`.
 */
export const interopApis = pgTable(
  'interop_apis',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The provider agency. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    version: text('version').notNull(),
    description: text('description'),
    upstreamUrl: text('upstream_url').notNull(),
    visibility: text('visibility').$type<Visibility>().notNull(),
    dataClassification: text('data_classification').$type<DataClassification>().notNull(),
    status: text('status').$type<ApiStatus>().notNull().default('draft'),
    /** The imported OpenAPI 3.x document, as validated. */
    openapi: jsonb('openapi').$type<Record<string, unknown>>(),
    openapiVersion: text('openapi_version'),
    operations: jsonb('operations').$type<ApiOperation[]>().notNull().default([]),
    /** Header the gateway injects upstream so that the provider trusts only the gateway. */
    upstreamHeaderName: text('upstream_header_name'),
    /** Its value, sealed with the instance key (platform/crypto SecretBox). */
    upstreamHeaderSealed: text('upstream_header_sealed'),
    timeoutMs: integer('timeout_ms').notNull().default(10_000),
    maxRequestBytes: integer('max_request_bytes').notNull().default(1_048_576),
    publishedAt: ts('published_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('interop_apis_route_key').on(t.agencyId, t.slug, t.version),
    index('interop_apis_status_idx').on(t.status),
  ],
);

/**
 * A consumer of the Sistem Penghubung Layanan: a registered Aplikasi SPBE (applications context;
 * no foreign key, as between datacenter and applications). Credentials belong to it.
 */
export const interopConsumers = pgTable(
  'interop_consumers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('interop_consumers_application_key').on(t.applicationId),
    index('interop_consumers_agency_idx').on(t.agencyId),
  ],
);

/**
 * A consumer's subscription to an API with its plan (rate and quotas). Its state lives in the
 * workflow engine (`workflow_instances`, subject type `interop_subscription`): requested →
 * provider_approved → active (the provider agency, then the Dinas, approve).
 */
export const interopSubscriptions = pgTable(
  'interop_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consumerId: uuid('consumer_id')
      .notNull()
      .references(() => interopConsumers.id),
    apiId: uuid('api_id')
      .notNull()
      .references(() => interopApis.id),
    purpose: text('purpose').notNull(),
    /** Scopes granted; null means every scope its API declares (what the gateway applies). */
    scopes: jsonb('scopes').$type<string[]>(),
    ratePerMinute: integer('rate_per_minute').notNull(),
    dailyQuota: integer('daily_quota'),
    monthlyQuota: integer('monthly_quota'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** Set when the subscription ends (rejected or revoked): a new request may then be made. */
    endedAt: ts('ended_at'),
  },
  (t) => [
    uniqueIndex('interop_subscriptions_open_key')
      .on(t.consumerId, t.apiId)
      .where(sql`${t.endedAt} is null`),
    index('interop_subscriptions_api_idx').on(t.apiId),
  ],
);

/**
 * A consumer's credential: an API key (`X-API-Key`) or an OAuth2 client (client_credentials).
 * Only the SHA-256 of the secret is kept; the secret is shown once.
 */
export const interopCredentials = pgTable(
  'interop_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consumerId: uuid('consumer_id')
      .notNull()
      .references(() => interopConsumers.id),
    kind: text('kind').$type<CredentialKind>().notNull(),
    label: text('label').notNull(),
    /** OAuth2 client id (public); null for API keys. */
    clientId: text('client_id'),
    /** The first characters of the secret, to recognise it in lists. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    expiresAt: ts('expires_at'),
    revokedAt: ts('revoked_at'),
    lastRotatedAt: ts('last_rotated_at'),
    /**
     * The secret a rotation replaced, still accepted until `previousExpiresAt` (the grace period
     * the consumer switches in); null when there is none. A later rotation replaces it.
     */
    previousSecretHash: text('previous_secret_hash'),
    previousPrefix: text('previous_prefix'),
    previousExpiresAt: ts('previous_expires_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('interop_credentials_secret_key').on(t.secretHash),
    uniqueIndex('interop_credentials_client_key').on(t.clientId),
    index('interop_credentials_consumer_idx').on(t.consumerId),
  ],
);

/** Keys signing the access tokens of POST /oauth2/token; the private JWK sealed at rest. */
export const interopSigningKeys = pgTable('interop_signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg').notNull(),
  privateJwkSealed: text('private_jwk_sealed').notNull(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  retiredAt: ts('retired_at'),
});

/**
 * One row (id 1): the version of everything the gateway routes by. Bumped in the same
 * transaction as every change to routes, credentials, subscriptions or plans.
 */
export const interopConfigVersion = pgTable('interop_config_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
