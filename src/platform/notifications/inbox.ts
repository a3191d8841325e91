import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Ctx, UserActor } from '../auth/actor.js';
import { forbidden, notFound } from '../errors.js';
import { type PageInput, pageWindow } from '../http/schemas.js';
import { canReadOutbox } from './policies.js';
import { type MailStatus, notifications, outboxMails } from './tables.js';

const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);

function userOf(ctx: Ctx): UserActor {
  if (ctx.actor?.type !== 'user') throw forbidden();
  return ctx.actor;
}

/** The caller's own inbox, newest first, with the number of unread notifications. */
export async function findMyNotifications(ctx: Ctx, query: PageInput & { unread?: boolean }) {
  const user = userOf(ctx);
  const { page, pageSize, offset } = pageWindow(query);
  const mine = eq(notifications.userId, user.id);
  const where = and(mine, query.unread ? isNull(notifications.readAt) : undefined);
  const [rows, [total], [unread]] = await Promise.all([
    ctx.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(pageSize)
      .offset(offset),
    ctx.db.select({ n: count() }).from(notifications).where(where),
    ctx.db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title[ctx.lang],
      body: r.body[ctx.lang],
      link: r.link,
      readAt: iso(r.readAt),
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    total: total?.n ?? 0,
    unread: unread?.n ?? 0,
    page,
    pageSize,
  };
}

/**
 * Marks one of the caller's notifications read (idempotent); someone else's is a 404. Reading
 * one's inbox is not audited: it changes nothing anyone else sees.
 */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<void> {
  const user = userOf(ctx);
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, user.id)))
    .returning({ id: notifications.id });
  if (!row) throw notFound();
}

export async function markAllNotificationsRead(ctx: Ctx): Promise<void> {
  const user = userOf(ctx);
  await ctx.db
    .update(notifications)
    .set({ readAt: new Date().toISOString() })
    .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)));
}

/** Every mail, newest first: what was sent, what failed and why, what waits for SMTP. */
export async function findOutbox(ctx: Ctx, query: PageInput & { status?: MailStatus }) {
  if (!canReadOutbox(ctx.actor)) throw forbidden();
  const { page, pageSize, offset } = pageWindow(query);
  const where: SQL | undefined = query.status ? eq(outboxMails.status, query.status) : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(outboxMails)
      .where(where)
      .orderBy(desc(outboxMails.createdAt), desc(outboxMails.id))
      .limit(pageSize)
      .offset(offset),
    ctx.db.select({ n: count() }).from(outboxMails).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      to: r.to,
      subject: r.subject,
      text: r.text,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: new Date(r.createdAt).toISOString(),
      sentAt: iso(r.sentAt),
    })),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
