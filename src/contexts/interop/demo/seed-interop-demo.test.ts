import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../demo/seed-demo.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { loadGatewaySnapshot } from '../gateway-snapshot.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('interop demo data', () => {
  it('Dinkes publishes its immunisation API and SIAK of Disdukcapil is subscribed and active', async () => {
    await seedDemo(t.ctx);
    const snapshot = await loadGatewaySnapshot(t.database.db, t.ctx.secrets);
    const route = snapshot.routes.find((r) => r.slug === 'imunisasi');
    expect(route).toMatchObject({ agencyCode: 'DINKES', version: 'v1' });
    const subs = [...snapshot.subscriptions.values()].filter((s) => s.apiId === route?.apiId);
    expect(subs).toHaveLength(1);
  });
});
