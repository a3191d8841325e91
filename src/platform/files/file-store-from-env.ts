import { join } from 'node:path';
import { createFileStore, type FileStore } from './file-store.js';
import { createS3FileStore } from './s3-file-store.js';

type Env = Record<string, string | undefined>;

/**
 * The one place that picks the file store, so the server, `serve --demo` and `seed` always write
 * where downloads read: an S3-compatible bucket when SIMPUL_S3_BUCKET is set, otherwise
 * `<dataDir>/files`. Incomplete S3 settings stop the start instead of silently using the disk.
 */
export function createFileStoreFromEnv(env: Env, dataDir: string): FileStore {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v === '' ? undefined : v;
  };
  const bucket = value('SIMPUL_S3_BUCKET');
  if (!bucket) return createFileStore(join(dataDir, 'files'));

  const region = value('SIMPUL_S3_REGION') ?? 'us-east-1';
  const accessKeyId = value('SIMPUL_S3_ACCESS_KEY_ID');
  const secretAccessKey = value('SIMPUL_S3_SECRET_ACCESS_KEY');
  const missing = [
    ...(accessKeyId ? [] : ['SIMPUL_S3_ACCESS_KEY_ID']),
    ...(secretAccessKey ? [] : ['SIMPUL_S3_SECRET_ACCESS_KEY']),
  ];
  if (!accessKeyId || !secretAccessKey) {
    throw new Error(`SIMPUL_S3_BUCKET is set but ${missing.join(' and ')} is not`);
  }
  const endpoint = value('SIMPUL_S3_ENDPOINT') ?? `https://s3.${region}.amazonaws.com`;
  if (!/^https?:\/\/[^/]/.test(endpoint)) {
    throw new Error(`SIMPUL_S3_ENDPOINT is not an http(s) URL: ${endpoint}`);
  }
  let prefix = value('SIMPUL_S3_PREFIX') ?? '';
  prefix = prefix.replace(/^\/+/, '');
  if (prefix && !prefix.endsWith('/')) prefix += '/';
  return createS3FileStore({ endpoint, bucket, region, accessKeyId, secretAccessKey, prefix });
}
