import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SIMPUL_METRICS_TOKEN: 'rahasia-metrik' });
});
afterAll(() => t.close());

describe('operational endpoints', () => {
  it('reports liveness and readiness with the database driver', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.database.driver });
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas, and a docs page', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/v1/agencies'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['code', 'name', 'kind']),
    );
    const page = await t.app.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });

  it('serves Prometheus metrics only with the configured token', async () => {
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    await t.app.inject({ url: '/api/health' });
    const res = await t.app.inject({
      url: '/metrics',
      headers: { authorization: 'Bearer rahasia-metrik' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('simpul_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/api/health"');
  });

  it('keeps a well-formed incoming request id and replaces a malformed one', async () => {
    const kept = await t.app.inject({
      url: '/api/health',
      headers: { 'x-request-id': 'lb-12345678' },
    });
    expect(kept.headers['x-request-id']).toBe('lb-12345678');
    const replaced = await t.app.inject({
      url: '/api/health',
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
