import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../platform/audit/canonical-json.js';
import { type ExchangeRecord, GENESIS_HASH, hashRecord } from './chain.js';

const record: ExchangeRecord = {
  requestId: 'a1b2c3',
  apiId: '0b6f1f2e-9a57-4a53-9a4f-2f8c5d0c9e11',
  consumerId: null,
  subscriptionId: '5c1d1e8e-3f7a-4c8b-8d0e-6f1a2b3c4d5e',
  operation: 'getPatient',
  method: 'GET',
  path: '/dinkes/faskes/v1/patients/5102010101010001?x="1"',
  status: 200,
  latencyMs: 1.234,
  requestBytes: 0,
  responseBytes: 118,
  requestDigest: 'sha-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
  responseDigest: 'sha-256=n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=',
  startedAt: '2026-12-04T10:00:00.000Z',
  // As PostgreSQL spells it when read back: the instant is hashed, not the spelling.
  recordedAt: '2026-12-04 18:00:00.004+08',
  nodeId: 'gw-1',
};

describe('the exchange record hash', () => {
  it('is SHA-256 over the previous hash and the canonical JSON of the record', () => {
    const canonical = canonicalJson({
      ...record,
      startedAt: new Date(record.startedAt).toISOString(),
      recordedAt: new Date(record.recordedAt).toISOString(),
    });
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${canonical}`).digest('hex');
    expect(hashRecord(record, GENESIS_HASH)).toBe(expected);
  });

  it('changes when any field changes', () => {
    const base = hashRecord(record, GENESIS_HASH);
    for (const key of Object.keys(record) as (keyof ExchangeRecord)[]) {
      const value = record[key];
      const altered = {
        ...record,
        [key]:
          typeof value === 'number'
            ? value + 1
            : key.endsWith('At')
              ? '2026-12-05T00:00:00.000Z'
              : `${value ?? ''}x`,
      };
      expect(hashRecord(altered, GENESIS_HASH), key).not.toBe(base);
    }
  });
});
