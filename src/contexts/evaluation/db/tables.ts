import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { files } from '../../../platform/files/tables.js';
import { users } from '../../identity/index.js';
import { agencies } from '../../organization/index.js';
import type { FrameworkDefinition } from '../framework.js';
import type { EvidenceLink, TeamRole } from '../vocabulary.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * Evaluation frameworks as versioned data: PermenPANRB 59/2020, the 2018 framework, and any
 * successor (Indeks Pemerintah Digital). Loaded by custom migrations from
 * `src/contexts/evaluation/frameworks/*.json`; a version is never edited — a correction is a new id.
 */
export const evaluationFrameworks = pgTable('evaluation_frameworks', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  validFromYear: integer('valid_from_year').notNull(),
  definition: jsonb('definition').$type<FrameworkDefinition>().notNull(),
  loadedAt: ts('loaded_at').notNull().defaultNow(),
});

/**
 * One Pemantauan dan Evaluasi SPBE per year (Perbup Tabanan 44/2022 Pasal 29 ayat (4) huruf f).
 * `framework` is the framework frozen when the evaluation starts: weights, scales and bands of
 * that day stay with it. Its stage lives in the workflow engine (subject type `spbe_evaluation`).
 */
export const evaluations = pgTable('evaluations', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull().unique(),
  frameworkId: text('framework_id')
    .notNull()
    .references(() => evaluationFrameworks.id),
  framework: jsonb('framework').$type<FrameworkDefinition>().notNull(),
  /** The Dinas that runs it: the workflow's agency and the owner of its files. */
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agencies.id),
  /** The signed Berita Acara Penilaian Mandiri (59/2020 Lampiran p.85 langkah 5). */
  beritaAcaraFileId: uuid('berita_acara_file_id').references(() => files.id),
  /** Where the external result comes from, e.g. the KepmenPANRB that set it. */
  externalSource: text('external_source'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The Tim Asesor Internal of an evaluation, drawn from Simpul's users. */
export const evaluationMembers = pgTable(
  'evaluation_members',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').$type<TeamRole>().notNull(),
    /** The function the member brings (e.g. "kepegawaian", "keamanan informasi"). */
    function: text('function'),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.userId] })],
);

/**
 * One indicator of one evaluation: who answers it, the self-assessed level with explanation and
 * evidence, the validator's level and note, the external assessors' level.
 */
export const evaluationIndicators = pgTable(
  'evaluation_indicators',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    indicatorNo: integer('indicator_no').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id),
    selfLevel: integer('self_level'),
    explanation: text('explanation'),
    evidenceFileIds: jsonb('evidence_file_ids').$type<string[]>().notNull().default([]),
    evidenceLinks: jsonb('evidence_links').$type<EvidenceLink[]>().notNull().default([]),
    selfBy: uuid('self_by').references(() => users.id),
    selfAt: ts('self_at'),
    validatedLevel: integer('validated_level'),
    validationNote: text('validation_note'),
    validatedBy: uuid('validated_by').references(() => users.id),
    validatedAt: ts('validated_at'),
    externalLevel: integer('external_level'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.evaluationId, t.indicatorNo] }),
    index('evaluation_indicators_assignee_idx').on(t.assigneeId),
  ],
);
