/**
 * A gateway node that dies between the journal's fdatasync and the shipper (journal.test.ts):
 * appends JOURNAL_COUNT records with ids `${JOURNAL_PREFIX}-<i>` to the journal in
 * JOURNAL_DIR, never ships them, prints `DURABLE` once every append resolved (what the gateway
 * waits for before answering), then waits to be killed.
 */

import { openDatabase } from '../../platform/db/client.js';
import type { ExchangeRecord } from '../exchange-log/chain.js';
import { ExchangeLog } from '../exchange-log/writer.js';

const dir = process.env.JOURNAL_DIR ?? '';
const prefix = process.env.JOURNAL_PREFIX ?? 'x';
const count = Number(process.env.JOURNAL_COUNT ?? '10');
// An in-memory database the shipper would use: it never runs (an hour's delay, no timer).
const database = await openDatabase({});
const log = new ExchangeLog({ db: database.db, spoolDir: dir, shipDelayMs: 3_600_000 });
const now = new Date().toISOString();
const record = (i: number): ExchangeRecord => ({
  requestId: `${prefix}-${i}`,
  apiId: null,
  consumerId: null,
  subscriptionId: null,
  operation: null,
  method: 'GET',
  path: `/dinkes/faskes/v1/patients/${i}`,
  status: 200,
  latencyMs: 1.5,
  requestBytes: 0,
  responseBytes: 10,
  requestDigest: 'sha-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  responseDigest: 'sha-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  startedAt: now,
  recordedAt: now,
  nodeId: `journal-child:${process.pid}`,
});
await Promise.all(Array.from({ length: count }, (_, i) => log.append(record(i))));
process.stdout.write('DURABLE\n');
setInterval(() => {}, 60_000);
