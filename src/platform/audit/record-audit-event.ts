import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { actorLabel, type Ctx } from '../auth/actor.js';
import type { Tx } from '../db/client.js';
import { hashEvent } from './chain.js';
import { auditChainHead, auditEvents } from './tables.js';

export interface AuditEventInput {
  /** `<entity>.<verb>`, e.g. `agency.create`, `auth.login_failed`. */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  /** For actions without a signed-in actor (a sign-in attempt): who it concerns. */
  anonymous?: { id: string | null; label: string };
}

/**
 * Appends one event to the audit trail inside the caller's transaction, so the change and its
 * record commit together or not at all (fail-closed). Appenders are serialised by a row lock on
 * the chain head, which keeps the sequence gap-free and the hash chain linear.
 */
export async function recordAuditEvent(tx: Tx, ctx: Ctx, input: AuditEventInput): Promise<void> {
  const actor = ctx.actor;
  if (!actor && !input.anonymous) throw new Error('Audit event without an actor');
  const [head] = await tx
    .select()
    .from(auditChainHead)
    .where(eq(auditChainHead.id, 1))
    .for('update');
  if (!head) throw new Error('Audit chain head is missing');
  const fields = {
    seq: head.seq + 1,
    id: randomUUID(),
    occurredAt: new Date().toISOString(),
    actorId: actor ? (actor.type === 'user' ? actor.id : null) : (input.anonymous?.id ?? null),
    actorLabel: actor ? actorLabel(actor) : (input.anonymous?.label ?? 'anonymous'),
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: toJson(input.before),
    after: toJson(input.after),
    requestId: ctx.meta.requestId,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    prevHash: head.hash,
  };
  const hash = hashEvent(fields);
  await tx.insert(auditEvents).values({ ...fields, hash });
  await tx.update(auditChainHead).set({ seq: fields.seq, hash }).where(eq(auditChainHead.id, 1));
}

/** Drops undefined and turns the value into plain JSON (dates as ISO strings). */
function toJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value));
}
