import {
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
import { agencies } from '../../contexts/organization/index.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** One running workflow: which subject (a hosting request, a ticket…) is in which state. */
export const workflowInstances = pgTable(
  'workflow_instances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workflowId: text('workflow_id').notNull(),
    workflowVersion: integer('workflow_version').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The agency the subject belongs to: decides who holds an agency role for it. */
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    state: text('state').notNull(),
    stateEnteredAt: ts('state_entered_at').notNull(),
    /** SLA deadline of the current state on the working calendar; null without an SLA. */
    dueAt: ts('due_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('workflow_instances_subject_key').on(t.workflowId, t.subjectType, t.subjectId),
    index('workflow_instances_agency_state_idx').on(t.agencyId, t.state),
    index('workflow_instances_due_idx').on(t.dueAt),
  ],
);

/** The timeline: every step of an instance, numbered from 1 (the start). */
export const workflowEvents = pgTable(
  'workflow_events',
  {
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => workflowInstances.id),
    seq: integer('seq').notNull(),
    /** The transition taken; `start` for the first event. */
    transition: text('transition').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    /** Null when Simpul itself acted (a job). */
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    comment: text('comment'),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.instanceId, t.seq] })],
);
