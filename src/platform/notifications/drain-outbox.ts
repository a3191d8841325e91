import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Job } from '../jobs/scheduler.js';
import type { Mailer } from './mailer.js';
import { outboxMails } from './tables.js';

/** After this many failed attempts (one a minute) a mail is marked failed and left alone. */
export const MAX_MAIL_ATTEMPTS = 5;
const BATCH = 50;

/**
 * Sends pending mails, oldest first, and records each outcome. Runs as a scheduled job, which one
 * node at a time holds, so two nodes never send the same mail.
 */
export async function drainOutbox(
  db: Db,
  mailer: Mailer,
): Promise<{ sent: number; failed: number }> {
  const pending = await db
    .select()
    .from(outboxMails)
    .where(eq(outboxMails.status, 'pending'))
    .orderBy(asc(outboxMails.createdAt), asc(outboxMails.id))
    .limit(BATCH);
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    const attempts = mail.attempts + 1;
    try {
      await mailer.send({ to: mail.to, subject: mail.subject, text: mail.text });
      await db
        .update(outboxMails)
        .set({ status: 'sent', attempts, lastError: null, sentAt: new Date().toISOString() })
        .where(eq(outboxMails.id, mail.id));
      sent++;
    } catch (error) {
      await db
        .update(outboxMails)
        .set({
          status: attempts >= MAX_MAIL_ATTEMPTS ? 'failed' : 'pending',
          attempts,
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
        })
        .where(eq(outboxMails.id, mail.id));
      failed++;
    }
  }
  return { sent, failed };
}

/** The outbox drain, every minute. Without a mailer the mails stay in the outbox. */
export function outboxDrainJob(mailer: Mailer | null): Job {
  return {
    name: 'notifications.drain-outbox',
    intervalSeconds: 60,
    run: async (ctx) => {
      if (mailer) await drainOutbox(ctx.db, mailer);
    },
  };
}
