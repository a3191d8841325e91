import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that the hash covers (everything but the hash itself). */
export interface ChainedFields {
  seq: number;
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  prevHash: string;
}

/** SHA-256 over the previous hash and the canonical JSON of the event's fields. */
export function hashEvent(e: ChainedFields): string {
  // Named field by field: a row read back carries its own hash, which must not hash itself.
  const body = canonicalJson({
    seq: e.seq,
    id: e.id,
    // PostgreSQL returns timestamps in its own text form; hash the instant, not the spelling.
    occurredAt: new Date(e.occurredAt).toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    ip: e.ip,
    userAgent: e.userAgent,
  });
  return createHash('sha256').update(e.prevHash).update('\n').update(body).digest('hex');
}
