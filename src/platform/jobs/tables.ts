import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * Scheduled jobs and who holds them. A node claims a due job with one conditional UPDATE, so on
 * several nodes sharing a PostgreSQL server each run happens once.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  intervalSeconds: integer('interval_seconds').notNull(),
  nextRunAt: ts('next_run_at').notNull().defaultNow(),
  /** Lease: while in the future, the job is running on `locked_by`. */
  lockedUntil: ts('locked_until'),
  lockedBy: text('locked_by'),
  lastRunAt: ts('last_run_at'),
  lastError: text('last_error'),
});
