import { createHash, createPublicKey, verify } from 'node:crypto';
import { asc, gt } from 'drizzle-orm';
import { exchangeRecords, exchangeSeals } from '../../contexts/interop/db/exchange-log.tables.js';
import type { Executor } from '../../platform/db/client.js';
import { GENESIS_HASH, hashRecord, sealMessage } from './chain.js';

export interface LogVerification {
  ok: boolean;
  checked: number;
  sealsChecked: number;
  /** The first record (seq) found altered, removed before, or contradicting a seal. */
  firstBrokenSeq: number | null;
  reason: 'altered' | 'relinked' | 'seal_mismatch' | 'bad_signature' | 'truncated' | null;
  /** SHA-256 fingerprints of the public keys that signed the seals (compare with published). */
  sealKeys: string[];
  lastSealedSeq: number | null;
}

/**
 * Recomputes the exchange log's hash chain in sequence order and checks every Ed25519 seal
 * against the record it covers. A changed field fails that record's hash (`altered`); a removed
 * or inserted record breaks the next record's link (`relinked`); removed newest records are
 * caught by the last seal (`truncated`).
 */
export async function verifyExchangeLog(db: Executor, batchSize = 5000): Promise<LogVerification> {
  const seals = await db.select().from(exchangeSeals).orderBy(asc(exchangeSeals.uptoSeq));
  const sealsBySeq = new Map(seals.map((s) => [s.uptoSeq, s]));
  const keys = new Set<string>();
  let sealsChecked = 0;
  let checked = 0;
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  const fail = (seq: number, reason: LogVerification['reason']): LogVerification => ({
    ok: false,
    checked,
    sealsChecked,
    firstBrokenSeq: seq,
    reason,
    sealKeys: [...keys],
    lastSealedSeq: seals.at(-1)?.uptoSeq ?? null,
  });
  for (;;) {
    const rows = await db
      .select()
      .from(exchangeRecords)
      .where(gt(exchangeRecords.seq, lastSeq))
      .orderBy(asc(exchangeRecords.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.prevHash !== prevHash) return fail(row.seq, 'relinked');
      if (hashRecord(row, row.prevHash) !== row.hash) return fail(row.seq, 'altered');
      const seal = sealsBySeq.get(row.seq);
      if (seal) {
        if (seal.hash !== row.hash) return fail(row.seq, 'seal_mismatch');
        const spki = Buffer.from(seal.publicKey, 'base64');
        const publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' });
        const good = verify(
          null,
          sealMessage(seal.uptoSeq, seal.hash),
          publicKey,
          Buffer.from(seal.signature, 'base64'),
        );
        if (!good) return fail(row.seq, 'bad_signature');
        keys.add(createHash('sha256').update(spki).digest('hex'));
        sealsChecked += 1;
      }
      prevHash = row.hash;
      lastSeq = row.seq;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  // A seal beyond the last record, or a seal whose record is gone: records were removed.
  const missing = seals.find((s) => s.uptoSeq > lastSeq);
  if (missing) return fail(lastSeq + 1, 'truncated');
  if (sealsChecked !== seals.length) {
    const orphan = seals.find((s) => s.uptoSeq <= lastSeq) ?? seals[0];
    return fail(orphan?.uptoSeq ?? lastSeq, 'truncated');
  }
  return {
    ok: true,
    checked,
    sealsChecked,
    firstBrokenSeq: null,
    reason: null,
    sealKeys: [...keys],
    lastSealedSeq: seals.at(-1)?.uptoSeq ?? null,
  };
}
