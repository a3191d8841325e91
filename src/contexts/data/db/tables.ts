import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../identity/index.js';
import { agencies } from '../../organization/index.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** Standar Data (Perpres 39/2019 Pasal 4): konsep, definisi, klasifikasi, ukuran, satuan. */
export interface DataStandard {
  konsep: string;
  definisi: string;
  klasifikasi: string;
  ukuran: string;
  satuan: string;
}

/**
 * A dataset of a producing agency (Produsen Data, Perpres 39/2019 Pasal 1 angka 13). `state`
 * mirrors the verification workflow (`data-workflow.ts`); only `published` + `public` datasets
 * are ever shown outside the console. `search` is maintained by the application with the
 * `indonesian` text-search configuration; `formats` and `tagNames` are denormalised for facets.
 */
export const datasets = pgTable(
  'datasets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    topic: text('topic').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    frequency: text('frequency').notNull(),
    temporalStart: date('temporal_start', { mode: 'string' }),
    temporalEnd: date('temporal_end', { mode: 'string' }),
    spatialCoverage: text('spatial_coverage').notNull().default(''),
    unit: text('unit').notNull().default(''),
    classification: text('classification').notNull().default('public'),
    licenseId: text('license_id').notNull().default('cc-by-4.0'),
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    standard: jsonb('standard').$type<DataStandard>().notNull(),
    referenceCodes: text('reference_codes').array().notNull().default(sql`'{}'::text[]`),
    state: text('state').notNull().default('draft'),
    formats: text('formats').array().notNull().default(sql`'{}'::text[]`),
    year: integer('year'),
    qualityScore: integer('quality_score').notNull().default(0),
    search: tsvector('search'),
    publishedAt: ts('published_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** metadata_modified of CKAN: every change of the dataset or its resources. */
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('datasets_name_key').on(t.name),
    index('datasets_agency_idx').on(t.agencyId),
    index('datasets_public_idx').on(t.state, t.classification, t.updatedAt),
    index('datasets_search_idx').using('gin', t.search),
    index('datasets_tags_idx').using('gin', t.tags),
  ],
);

/**
 * The public catalogue as search reads it: one narrow row per published, public dataset (a
 * copy of the columns search, facets and sorting need), written in the same transaction as the
 * dataset (`refreshDatasetIndex`). Matching and faceting scan this ~10× smaller table and its
 * GIN index instead of the wide `datasets` rows (descriptions, standards, JSON).
 */
export const dataSearch = pgTable(
  'data_search',
  {
    datasetId: uuid('dataset_id')
      .primaryKey()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    title: text('title').notNull(),
    agencyId: uuid('agency_id').notNull(),
    topic: text('topic').notNull(),
    tags: text('tags').array().notNull(),
    formats: text('formats').array().notNull(),
    licenseId: text('license_id').notNull(),
    year: integer('year'),
    search: tsvector('search').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    // Without fastupdate, a publication writes straight into the index: a growing GIN pending
    // list (cleaned only by autovacuum, never on PGlite) made the planner fall back to scanning.
    index('data_search_search_idx').using('gin', t.search).with({ fastupdate: false }),
    index('data_search_updated_idx').on(t.updatedAt),
  ],
);

/** A Frictionless Table Schema validation problem, per row and column. */
export interface ValidationIssue {
  /** Line number in the file (header = 1); 0 for the header or the file as a whole. */
  row: number;
  column: string | null;
  code: string;
  value?: string | null;
  params?: Record<string, string | number>;
}

export interface ValidationReport {
  valid: boolean;
  rowCount: number;
  errorCount: number;
  errors: ValidationIssue[];
  encoding?: string;
  checkedAt: string;
}

/**
 * A resource of a dataset: an uploaded table (CSV, XLSX, JSON) with its data dictionary as a
 * Frictionless Table Schema and the last validation report, or a link (an API on the service
 * bus, a page).
 */
export const dataResources = pgTable(
  'data_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    format: text('format').notNull(),
    url: text('url'),
    fileId: uuid('file_id'),
    fileSha256: text('file_sha256'),
    fileName: text('file_name'),
    mediaType: text('media_type'),
    size: integer('size'),
    tableSchema: jsonb('table_schema').$type<Record<string, unknown>>(),
    validation: jsonb('validation').$type<ValidationReport>(),
    position: integer('position').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('data_resources_dataset_idx').on(t.datasetId, t.position)],
);

/** The parsed rows of a valid table resource (logical values per Table Schema field). */
export const dataRows = pgTable(
  'data_rows',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => dataResources.id, { onDelete: 'cascade' }),
    rowNo: integer('row_no').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.rowNo] })],
);

/** The walidata's conformity check of one submission round, and its decision. */
export const dataReviews = pgTable(
  'data_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    checklist: jsonb('checklist').$type<Record<string, boolean>>().notNull(),
    decision: text('decision').notNull(),
    note: text('note'),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('data_reviews_dataset_idx').on(t.datasetId)],
);

/** Comments on a dataset (Pembina Data guidance, walidata remarks). */
export const dataComments = pgTable(
  'data_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('data_comments_dataset_idx').on(t.datasetId)],
);

/** A managed code list (kode referensi / data induk), one row per version. */
export const referenceLists = pgTable(
  'data_reference_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: text('version').notNull(),
    name: text('name').notNull(),
    source: text('source').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('data_reference_lists_key').on(t.code, t.version)],
);

export const referenceCodes = pgTable(
  'data_reference_codes',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => referenceLists.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [primaryKey({ columns: [t.listId, t.code] })],
);

/** The yearly Daftar Data of an agency: the data it plans to produce (Perpres 39/2019 Pasal 27). */
export const dataPlans = pgTable(
  'data_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    topic: text('topic').notNull(),
    frequency: text('frequency').notNull(),
    classification: text('classification').notNull().default('public'),
    datasetId: uuid('dataset_id').references(() => datasets.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('data_plans_agency_year_idx').on(t.agencyId, t.year)],
);

/** A dataset asked for by the public on the portal. */
export const dataRequests = pgTable(
  'data_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    /** SHA-256 of the client address, for the rate limit only. */
    clientHash: text('client_hash').notNull(),
    handled: boolean('handled').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('data_requests_client_idx').on(t.clientHash, t.createdAt)],
);
