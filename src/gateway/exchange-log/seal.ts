import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { desc, sql } from 'drizzle-orm';
import { exchangeRecords, exchangeSeals } from '../../contexts/interop/db/exchange-log.tables.js';
import type { SecretBox } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/client.js';
import { sealMessage } from './chain.js';

export interface SealKey {
  privateKey: KeyObject;
  /** SPKI DER, base64: what each seal row carries. */
  publicKey: string;
  /** SHA-256 hex of the SPKI: what operators publish and compare. */
  fingerprint: string;
}

const KEY_FILE = 'gateway-seal.key';

function fromPrivate(privateKey: KeyObject): SealKey {
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey: spki.toString('base64'),
    fingerprint: createHash('sha256').update(spki).digest('hex'),
  };
}

/**
 * The node's Ed25519 sealing key, kept in the data directory encrypted with the instance key
 * (SecretBox); created on first use.
 */
export function loadSealKey(dataDir: string, secrets: SecretBox): SealKey {
  const file = join(dataDir, KEY_FILE);
  if (!existsSync(file)) return rotateSealKey(dataDir, secrets);
  const pkcs8 = Buffer.from(secrets.open(readFileSync(file, 'utf8').trim()), 'base64');
  return fromPrivate(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }));
}

/**
 * A new sealing key; the old file is kept beside it (`.retired-<time>`). Old seals stay
 * verifiable: each seal row carries the public key that made it.
 */
export function rotateSealKey(dataDir: string, secrets: SecretBox): SealKey {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) {
    renameSync(file, `${file}.retired-${new Date().toISOString().replaceAll(':', '')}`);
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  writeFileSync(file, secrets.seal(pkcs8), { mode: 0o600, flag: 'wx' });
  return fromPrivate(privateKey);
}

/**
 * Signs the current chain head when it moved since the last seal. Several nodes may race: a seal
 * for the same `upto_seq` is written once.
 */
export async function sealExchangeLog(db: Db, key: SealKey): Promise<number | null> {
  const [head] = await db
    .select({ seq: exchangeRecords.seq, hash: exchangeRecords.hash })
    .from(exchangeRecords)
    .orderBy(desc(exchangeRecords.seq))
    .limit(1);
  if (!head) return null;
  const [last] = await db
    .select({ uptoSeq: exchangeSeals.uptoSeq })
    .from(exchangeSeals)
    .orderBy(desc(exchangeSeals.uptoSeq))
    .limit(1);
  if (last && last.uptoSeq >= head.seq) return null;
  const signature = sign(null, sealMessage(head.seq, head.hash), key.privateKey).toString('base64');
  await db
    .insert(exchangeSeals)
    .values({
      uptoSeq: head.seq,
      hash: head.hash,
      signature,
      publicKey: key.publicKey,
      sealedAt: sql`now()` as unknown as string,
    })
    .onConflictDoNothing();
  return head.seq;
}
