import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../contexts/identity/index.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A text in both UI languages; the reader's language picks one. */
export interface Bilingual {
  id: string;
  en: string;
}

/** The in-app inbox: one row per recipient. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What happened, for filtering and icons, e.g. `workflow.hosting_request.return`. */
    kind: text('kind').notNull(),
    title: jsonb('title').$type<Bilingual>().notNull(),
    body: jsonb('body').$type<Bilingual>().notNull(),
    /** Console path of the subject, e.g. `/console/pusat-data/hosting/…`. */
    link: text('link'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * Mail to send, written in the same transaction as the change it reports (a transactional
 * outbox): nothing acknowledged is lost if the SMTP server is down. Without SMTP configured the
 * mails stay here, visible to the Diskominfo admin.
 */
export const outboxMails = pgTable(
  'outbox_mails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    status: text('status').$type<MailStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('outbox_mails_status_idx').on(t.status, t.createdAt)],
);
