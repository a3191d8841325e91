import { asc, eq, gt } from 'drizzle-orm';
import type { Ctx } from '../auth/actor.js';
import type { Executor } from '../db/client.js';
import { forbidden } from '../errors.js';
import { GENESIS_HASH, hashEvent } from './chain.js';
import { canReadAudit } from './policies.js';
import { auditChainHead, auditEvents } from './tables.js';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first sequence number at which the chain breaks, or null when intact. */
  firstBrokenSeq: number | null;
  reason: 'altered' | 'missing' | 'relinked' | 'head_mismatch' | null;
}

/**
 * Recomputes the whole hash chain in sequence order, in batches. Detects an altered row (hash
 * mismatch), a removed row (gap in the sequence or a broken link) and removed newest rows (the
 * chain head no longer matches the last row).
 */
export async function verifyAuditChain(db: Executor, batchSize = 2000): Promise<ChainVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const broken = (seq: number, reason: ChainVerification['reason']): ChainVerification => ({
    ok: false,
    checked,
    firstBrokenSeq: seq,
    reason,
  });
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq) return broken(expectedSeq, 'missing');
      if (row.prevHash !== prevHash) return broken(row.seq, 'relinked');
      if (hashEvent(row) !== row.hash) return broken(row.seq, 'altered');
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  if (!head || head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return broken(expectedSeq, 'head_mismatch');
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}

/** The verification as a use case: for the Diskominfo admin and auditors. */
export async function verifyAuditTrail(ctx: Ctx): Promise<ChainVerification> {
  if (!canReadAudit(ctx.actor)) throw forbidden();
  return verifyAuditChain(ctx.db);
}
