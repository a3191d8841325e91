import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface S3Stub {
  endpoint: string;
  /** Object key → bytes. */
  objects: Map<string, Buffer>;
  /** Every request that passed authentication, as `METHOD key`. */
  requests: string[];
  close(): Promise<void>;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) =>
  createHmac('sha256', key).update(data).digest();

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/**
 * The outside world for the S3 store's tests: an in-memory, path-style S3 on 127.0.0.1 (PUT, GET,
 * HEAD object) that checks each request's SigV4 signature the way S3 does, recomputed here with
 * node:crypto independently of the client's signer.
 */
export async function startS3Stub(options: {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}): Promise<S3Stub> {
  const objects = new Map<string, Buffer>();
  const requests: string[] = [];

  /** Null when the request is correctly signed, else the S3 error code. */
  const authError = (req: IncomingMessage, body: Buffer): string | null => {
    const match = AUTH.exec(req.headers.authorization ?? '');
    if (!match) return 'AccessDenied';
    const [, keyId, date, region, signedList, signature] = match as unknown as string[];
    if (keyId !== options.accessKeyId) return 'InvalidAccessKeyId';
    if (region !== options.region) return 'AuthorizationHeaderMalformed';
    const amzDate = String(req.headers['x-amz-date'] ?? '');
    if (!amzDate.startsWith(`${date}T`)) return 'AccessDenied';
    const skew = Math.abs(
      Date.parse(
        amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
      ) - Date.now(),
    );
    if (!(skew < 15 * 60 * 1000)) return 'RequestTimeTooSkewed';
    const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '');
    if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256Hex(body)) {
      return 'XAmzContentSHA256Mismatch';
    }
    const signed = (signedList ?? '').split(';');
    if (!['host', 'x-amz-date', 'x-amz-content-sha256'].every((h) => signed.includes(h))) {
      return 'AccessDenied';
    }
    const url = new URL(req.url ?? '/', 'http://stub');
    const query = [...url.searchParams]
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .sort()
      .join('&');
    const headers = signed
      .map(
        (h) =>
          `${h}:${String(req.headers[h] ?? '')
            .trim()
            .replace(/\s+/g, ' ')}\n`,
      )
      .join('');
    const canonical = [req.method, url.pathname, query, headers, signedList, payloadHash].join(
      '\n',
    );
    const scope = `${date}/${region}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
    let key = hmac(`AWS4${options.secretAccessKey}`, date ?? '');
    for (const part of [region ?? '', 's3', 'aws4_request']) key = hmac(key, part);
    const expected = hmac(key, toSign);
    const given = Buffer.from(signature ?? '', 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? null
      : 'SignatureDoesNotMatch';
  };

  const fail = (res: ServerResponse, status: number, code: string) => {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);
  };

  const server = createServer(async (req, res) => {
    const body = Buffer.concat(await req.toArray());
    const error = authError(req, body);
    if (error) return fail(res, 403, error);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://stub').pathname);
    const [, bucket, ...rest] = path.split('/');
    const key = rest.join('/');
    if (bucket !== options.bucket) return fail(res, 404, 'NoSuchBucket');
    if (!key) return fail(res, 400, 'InvalidRequest');
    requests.push(`${req.method} ${key}`);
    const stored = objects.get(key);
    switch (req.method) {
      case 'PUT':
        objects.set(key, body);
        res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
        return res.end();
      case 'HEAD':
        if (!stored) {
          res.writeHead(404);
          return res.end();
        }
        res.writeHead(200, { 'content-length': stored.length });
        return res.end();
      case 'GET':
        if (!stored) return fail(res, 404, 'NoSuchKey');
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': stored.length,
        });
        return res.end(stored);
      default:
        return fail(res, 405, 'MethodNotAllowed');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
