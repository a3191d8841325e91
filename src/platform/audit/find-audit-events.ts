import { and, count, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../auth/actor.js';
import { forbidden } from '../errors.js';
import { likePattern, type PageInput, pageWindow } from '../http/schemas.js';
import { canReadAudit } from './policies.js';
import { auditEvents } from './tables.js';

export interface AuditQuery extends PageInput {
  q?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  requestId?: string;
  from?: string;
  to?: string;
}

/** The audit trail, newest first, filtered. */
export async function findAuditEvents(ctx: Ctx, query: AuditQuery) {
  if (!canReadAudit(ctx.actor)) throw forbidden();
  const { page, pageSize, offset } = pageWindow(query);
  const filters: (SQL | undefined)[] = [
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.entityType ? eq(auditEvents.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditEvents.entityId, query.entityId) : undefined,
    query.actorId ? eq(auditEvents.actorId, query.actorId) : undefined,
    query.requestId ? eq(auditEvents.requestId, query.requestId) : undefined,
    query.from ? gte(auditEvents.occurredAt, query.from) : undefined,
    query.to ? lte(auditEvents.occurredAt, query.to) : undefined,
  ];
  if (query.q?.trim()) {
    const pattern = likePattern(query.q.trim());
    filters.push(
      or(
        ilike(auditEvents.actorLabel, pattern),
        ilike(auditEvents.action, pattern),
        ilike(auditEvents.entityId, pattern),
      ),
    );
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.seq))
      .limit(pageSize)
      .offset(offset),
    ctx.db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      occurredAt: new Date(r.occurredAt).toISOString(),
      actorId: r.actorId,
      actorLabel: r.actorLabel,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      requestId: r.requestId,
      ip: r.ip,
    })),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
