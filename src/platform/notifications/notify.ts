import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../../contexts/identity/index.js';
import type { Ctx } from '../auth/actor.js';
import type { Tx } from '../db/client.js';
import { type Bilingual, notifications, outboxMails } from './tables.js';

export interface NotifyInput {
  userIds: string[];
  kind: string;
  title: Bilingual;
  body: Bilingual;
  /** Console path of the subject, e.g. `/console/…`; mails prefix SIMPUL_PUBLIC_URL. */
  link: string | null;
}

/**
 * Tells users about something in the caller's transaction: an inbox row each, and a mail each in
 * the outbox (sent later by the outbox job). Both commit with the change or not at all. Disabled
 * accounts and unknown ids are skipped. The mail is bilingual: Simpul does not know a user's
 * language outside a request.
 */
export async function notify(tx: Tx, _ctx: Ctx, input: NotifyInput): Promise<number> {
  const ids = [...new Set(input.userIds)];
  if (ids.length === 0) return 0;
  const recipients = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.status, 'active')));
  if (recipients.length === 0) return 0;
  await tx.insert(notifications).values(
    recipients.map((r) => ({
      userId: r.id,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link,
    })),
  );
  const base = (process.env.SIMPUL_PUBLIC_URL ?? '').replace(/\/$/, '');
  const link = input.link ? `\n\n${base}${input.link}` : '';
  await tx.insert(outboxMails).values(
    recipients.map((r) => ({
      to: r.email,
      subject: `[Simpul] ${input.title.id}`,
      text: `${input.body.id}${link}\n\n---\n${input.title.en}\n${input.body.en}${link}\n`,
    })),
  );
  return recipients.length;
}
