import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { type FileStore, objectPath } from './file-store.js';

export interface S3FileStoreOptions {
  /** Base URL of the S3 API, e.g. `http://127.0.0.1:9000` (MinIO) or `https://s3.ap-southeast-3.amazonaws.com`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Prepended to every key, e.g. `simpul/`; empty for the bucket root. */
  prefix?: string;
}

/**
 * A failed S3 call. Deliberately without `statusCode`: the error renderer would turn an S3 403 or
 * 404 into a client error, while for the user it is the server's fault (a logged 500).
 */
export class S3StoreError extends Error {
  override readonly name = 'S3StoreError';
  constructor(
    message: string,
    /** The S3 response status, or undefined when no response came (network, DNS, TLS). */
    readonly s3Status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The same content-addressed layout in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW):
 * objects `<prefix>ab/cd/<sha256>`, path-style URLs (`<endpoint>/<bucket>/<key>`), requests
 * signed with SigV4 by aws4fetch (no SDK). The payload hash is sent signed, so the server
 * verifies the bytes it stores.
 */
export function createS3FileStore(options: S3FileStoreOptions): FileStore {
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    service: 's3',
    region: options.region,
    // aws4fetch retries 5xx and 429 with backoff; keep a failing upload from hanging for minutes.
    retries: 2,
  });
  const base = `${options.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(options.bucket)}/`;
  const prefix = options.prefix ?? '';
  const urlOf = (sha256: string) =>
    base + `${prefix}${objectPath(sha256)}`.split('/').map(encodeURIComponent).join('/');

  const call = async (method: string, url: string, init: RequestInit = {}) => {
    try {
      return await client.fetch(url, { ...init, method });
    } catch (error) {
      throw new S3StoreError(`S3 ${method} ${url} failed: ${(error as Error).message}`, undefined, {
        cause: error,
      });
    }
  };
  const failure = async (method: string, url: string, res: Response) => {
    const body = method === 'HEAD' ? '' : (await res.text().catch(() => '')).slice(0, 1000);
    return new S3StoreError(
      `S3 ${method} ${url} failed: ${res.status} ${res.statusText}${body ? ` ${body}` : ''}`,
      res.status,
    );
  };

  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const url = urlOf(sha256);
      const head = await call('HEAD', url);
      if (head.ok) return sha256;
      if (head.status !== 404) throw await failure('HEAD', url, head);
      const res = await call('PUT', url, {
        body: bytes,
        headers: {
          'content-type': 'application/octet-stream',
          'x-amz-content-sha256': sha256,
        },
      });
      if (!res.ok) throw await failure('PUT', url, res);
      await res.body?.cancel();
      return sha256;
    },
    async read(sha256) {
      const url = urlOf(sha256);
      const res = await call('GET', url);
      if (res.status === 404) {
        await res.body?.cancel();
        throw new S3StoreError(
          `File content ${sha256} is missing from the S3 bucket (${url})`,
          404,
        );
      }
      if (!res.ok || !res.body) throw await failure('GET', url, res);
      return Readable.fromWeb(res.body as ReadableStream<Uint8Array>);
    },
  };
}
