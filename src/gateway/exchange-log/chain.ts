import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** One exchange as the gateway observed it (the row of `exchange_records` without its chain). */
export interface ExchangeRecord {
  requestId: string;
  apiId: string | null;
  consumerId: string | null;
  subscriptionId: string | null;
  operation: string | null;
  method: string;
  path: string;
  status: number;
  latencyMs: number;
  requestBytes: number;
  responseBytes: number;
  /** `sha-256=<base64>` of the request body as received. */
  requestDigest: string;
  /** `sha-256=<base64>` of the response body as sent. */
  responseDigest: string;
  startedAt: string;
  recordedAt: string;
  nodeId: string;
}

/**
 * SHA-256 over the previous record's hash and the canonical JSON of this record's fields: altering
 * any field, or removing or inserting a record, breaks the chain from that record on
 * (X-Road's hash-chained message log, service-bus.md §1.4). The fields are written in sorted key
 * order, which is what `canonicalJson` would produce (a test holds the two equal), without its
 * generic sort on the shipper's hot path.
 */
export function hashRecord(r: ExchangeRecord, prevHash: string): string {
  const body = JSON.stringify({
    apiId: r.apiId,
    consumerId: r.consumerId,
    // Stored as float8; hashed at the microsecond the gateway rounded it to.
    latencyMs: Number(r.latencyMs),
    method: r.method,
    nodeId: r.nodeId,
    operation: r.operation,
    path: r.path,
    // PostgreSQL returns timestamps in its own text form; hash the instant, not the spelling.
    recordedAt: new Date(r.recordedAt).toISOString(),
    requestBytes: r.requestBytes,
    requestDigest: r.requestDigest,
    requestId: r.requestId,
    responseBytes: r.responseBytes,
    responseDigest: r.responseDigest,
    startedAt: new Date(r.startedAt).toISOString(),
    status: r.status,
    subscriptionId: r.subscriptionId,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** The statement a seal signs: the chain head at `uptoSeq`. */
export function sealMessage(uptoSeq: number, hash: string): Buffer {
  return Buffer.from(`simpul-exchange-seal:v1\n${uptoSeq}\n${hash}`, 'utf8');
}
