import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { files } from '../../../platform/files/tables.js';
import { users } from '../../identity/index.js';
import { agencies } from '../../organization/index.js';
import type { ProfileDocument } from '../profile-document.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * The regency's own regulation profiles: a shipped profile copied and edited, or imported. The
 * document has the shape of the reference files (regulation, notes, obligations), plus optional
 * `retired` and `check_type` per obligation. Shipped profiles are files, not rows.
 */
export const complianceProfiles = pgTable('compliance_profiles', {
  id: text('id').primaryKey(),
  basedOn: text('based_on'),
  document: jsonb('document').$type<ProfileDocument>().notNull(),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Recurring submissions (a LAN diagram every year, a report to the Bupati, a decree in force) and
 * attestations (a person vouches that a duty is met, with evidence, until a date). Both are
 * evidence for one obligation and one bound party; `kind` tells them apart.
 */
export const complianceEvidence = pgTable(
  'compliance_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<'submission' | 'attestation'>().notNull(),
    obligationId: text('obligation_id').notNull(),
    /** Agency id, or `kominfo`, `coordination_team`, `bupati`, `government`, `other`. */
    partyKey: text('party_key').notNull(),
    /** The agency the evidence belongs to (scope); the Dinas for non-agency parties. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The period it covers, e.g. `2026` (yearly), or null when the duty has none. */
    period: text('period'),
    /** The day it was submitted or attested (evidence date). */
    recordedOn: day('recorded_on').notNull().default(sql`current_date`),
    /** A decree or an attestation holds until this day (null: no end). */
    validUntil: day('valid_until'),
    fileId: uuid('file_id').references(() => files.id),
    url: text('url'),
    statement: text('statement').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('compliance_evidence_obligation_idx').on(t.obligationId, t.partyKey),
    index('compliance_evidence_agency_idx').on(t.agencyId),
  ],
);

/** Evaluations taken over time (daily job, or on demand): the history of the compliance view. */
export const complianceSnapshots = pgTable(
  'compliance_snapshots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    profileId: text('profile_id').notNull(),
    takenAt: ts('taken_at').notNull().defaultNow(),
    /** Counts of party evaluations by status. */
    summary: jsonb('summary').$type<Record<string, number>>().notNull(),
    /** obligationId → partyKey → status (compact). */
    statuses: jsonb('statuses').$type<Record<string, Record<string, string>>>().notNull(),
  },
  (t) => [index('compliance_snapshots_profile_idx').on(t.profileId, t.takenAt)],
);
