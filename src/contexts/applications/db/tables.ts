import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { files } from '../../../platform/files/tables.js';
import { users } from '../../identity/index.js';
import { agencies } from '../../organization/index.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * The national aplikasi umum (SRIKANDI, SIPD, SP4N-LAPOR!, e-Kinerja …) that a registered
 * application is, or whose work it does. Reference data, not an enum: national designations
 * change, so each row says where it comes from (`source`) and which edition of the list added or
 * last changed it (`version`). Seeded by the migration; retired entries stay (`active` = false)
 * because registered applications keep pointing at them.
 */
export const nationalApplications = pgTable(
  'national_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The national owner (instansi pusat pemilik). */
    owner: text('owner').notNull(),
    /** The field of government it serves (Tabanan 44/2022 Pasal 6 ayat (4)). */
    area: text('area').notNull(),
    /** Legal basis or reference of the designation. */
    source: text('source').notNull(),
    version: text('version').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [uniqueIndex('national_applications_code_key').on(t.code)],
);

/**
 * The Aplikasi SPBE registry (Perbup Tabanan 44/2022 Pasal 6–7; Sragen 41/2019 Pasal 10–11;
 * OKU Timur 2022 Pasal 18–19). The lifecycle stage is not a column: it is the state of the
 * application's `application_lifecycle` workflow instance, the single source of truth.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The owner: the Perangkat Daerah that runs it and answers for it. Fixed at registration. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    /** `umum` | `khusus` (model.ts). */
    kind: text('kind').notNull(),
    /** `besar` | `kecil`, aplikasi umum only (OKU Timur Pasal 18 ayat (2)). */
    complexity: text('complexity'),
    nationalApplicationId: uuid('national_application_id').references(
      () => nationalApplications.id,
    ),
    /** `is` | `replaces`; set exactly when `nationalApplicationId` is. */
    nationalRelation: text('national_relation'),
    description: text('description'),
    url: text('url'),
    subdomain: text('subdomain'),
    hostingLocation: text('hosting_location').notNull(),
    dataClassification: text('data_classification').notNull(),
    technologyStack: text('technology_stack'),
    sourceRepositoryUrl: text('source_repository_url'),
    /** Third party that built or runs it, and the hand-over to the Pemda (Sragen Pasal 21). */
    vendorName: text('vendor_name'),
    handoverDate: date('handover_date', { mode: 'string' }),
    handoverStatus: text('handover_status'),
    /** `active` | `retired`. */
    status: text('status').notNull().default('active'),
    /** The local date it entered the registry: the audit clock starts here if never audited. */
    registeredOn: date('registered_on', { mode: 'string' }).notNull().default(sql`current_date`),
    lastAuditDate: date('last_audit_date', { mode: 'string' }),
    /**
     * OKU Timur 2022 Pasal 19 ayat (6): "audit aplikasi sedikitnya 2 (dua) tahun sekali". Derived
     * by the database so it can never disagree with its inputs: last audit + 2 years, or
     * registration + 2 years when never audited.
     */
    auditDueDate: date('audit_due_date', { mode: 'string' })
      .notNull()
      .generatedAlwaysAs(
        sql`(coalesce("last_audit_date", "registered_on") + interval '2 years')::date`,
      ),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_agency_name_key').on(t.agencyId, sql`lower(${t.name})`),
    index('applications_name_idx').on(t.name),
    index('applications_audit_due_idx').on(t.auditDueDate),
  ],
);

/**
 * The required documents (model.ts DOCUMENT_KINDS), each an uploaded file. A new upload of a kind
 * supersedes the previous one (the highest `version` is current); the history is kept.
 */
export const applicationDocuments = pgTable(
  'application_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    /** Null when Simpul itself attached it (demo seed, import). */
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('application_documents_version_key').on(t.applicationId, t.kind, t.version)],
);
