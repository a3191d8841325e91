import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAppError } from '../http/problem.js';
import { runFileStoreContract } from './file-store.contract.js';
import { createFileStoreFromEnv } from './file-store-from-env.js';
import { createS3FileStore, S3StoreError } from './s3-file-store.js';
import { type S3Stub, startS3Stub } from './testing/s3-stub.js';

const credentials = {
  bucket: 'simpul-test',
  region: 'ap-southeast-3',
  accessKeyId: 'SIMPULTESTKEY',
  secretAccessKey: 'rahasia-uji/+abc',
};
let s3: S3Stub;
beforeAll(async () => {
  s3 = await startS3Stub(credentials);
});
afterAll(() => s3.close());

let stores = 0;
runFileStoreContract('S3 (local stub)', () => {
  const prefix = `run-${++stores}/`;
  return {
    store: createS3FileStore({ ...credentials, endpoint: s3.endpoint, prefix }),
    storedObjects: async () => [...s3.objects.keys()].filter((k) => k.startsWith(prefix)).length,
  };
});

describe('S3 file store', () => {
  const env = () => ({
    SIMPUL_S3_BUCKET: credentials.bucket,
    SIMPUL_S3_ENDPOINT: `${s3.endpoint}/`,
    SIMPUL_S3_REGION: credentials.region,
    SIMPUL_S3_ACCESS_KEY_ID: credentials.accessKeyId,
    SIMPUL_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    SIMPUL_S3_PREFIX: 'simpul',
  });

  it('keys objects <prefix>ab/cd/<sha256> and skips the upload when HEAD finds the object', async () => {
    const store = createFileStoreFromEnv(env(), '/nonexistent');
    const bytes = randomBytes(64);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `simpul/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
    await store.put(bytes);
    await store.put(bytes);
    expect(s3.objects.get(key)?.equals(bytes)).toBe(true);
    expect(s3.requests.filter((r) => r.endsWith(key))).toEqual([
      `HEAD ${key}`,
      `PUT ${key}`,
      `HEAD ${key}`,
    ]);
  });

  it('surfaces refused credentials as a server error (500), never a client 4xx', async () => {
    const store = createFileStoreFromEnv(
      { ...env(), SIMPUL_S3_SECRET_ACCESS_KEY: 'salah' },
      '/nonexistent',
    );
    const error = await store.put(Buffer.from('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3StoreError);
    expect((error as Error).message).toMatch(/S3 HEAD .* failed: 403/);
    expect(toAppError(error, 'id').status).toBe(500);
    await expect(store.read('a'.repeat(64))).rejects.toThrow(/403 .*SignatureDoesNotMatch/);

    const wrongKey = createFileStoreFromEnv(
      { ...env(), SIMPUL_S3_ACCESS_KEY_ID: 'LAIN' },
      '/nonexistent',
    );
    await expect(wrongKey.read('a'.repeat(64))).rejects.toThrow(/403 .*InvalidAccessKeyId/);
  });

  it('reports an unreachable endpoint clearly', async () => {
    const store = createFileStoreFromEnv(
      { ...env(), SIMPUL_S3_ENDPOINT: 'http://127.0.0.1:1' },
      '/nonexistent',
    );
    await expect(store.put(Buffer.from('x'))).rejects.toThrow(/S3 HEAD http:\/\/127\.0\.0\.1:1\//);
  });
});

describe('createFileStoreFromEnv', () => {
  it('uses <dataDir>/files without SIMPUL_S3_BUCKET', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'simpul-store-env-'));
    try {
      const sha256 = await createFileStoreFromEnv({ SIMPUL_S3_BUCKET: '' }, dataDir).put(
        Buffer.from('lokal'),
      );
      expect(
        existsSync(join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256)),
      ).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start with a bucket but no credentials', () => {
    expect(() => createFileStoreFromEnv({ SIMPUL_S3_BUCKET: 'b' }, '/tmp/x')).toThrow(
      'SIMPUL_S3_BUCKET is set but SIMPUL_S3_ACCESS_KEY_ID and SIMPUL_S3_SECRET_ACCESS_KEY is not',
    );
    expect(() =>
      createFileStoreFromEnv(
        {
          SIMPUL_S3_BUCKET: 'b',
          SIMPUL_S3_ACCESS_KEY_ID: 'k',
          SIMPUL_S3_SECRET_ACCESS_KEY: 's',
          SIMPUL_S3_ENDPOINT: '127.0.0.1:9000',
        },
        '/tmp/x',
      ),
    ).toThrow('SIMPUL_S3_ENDPOINT is not an http(s) URL');
  });
});
