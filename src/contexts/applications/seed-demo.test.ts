import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.js';
import { createFileStore } from '../../platform/files/file-store.js';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.js';
import { agencies } from '../organization/index.js';
import { STAGES } from './model.js';
import { seedApplicationsDemo } from './seed-demo.js';
import { findApplications } from './use-cases/find-applications.js';
import { getApplication } from './use-cases/get-application.js';

let t: TestApp;
let dataDir: string;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-app-demo-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  // The demo regency seeds its applications too (through seedApplicationsDemo).
  seeded = await seedDemo(t.ctx, { fileStore: createFileStore(join(dataDir, 'files')) });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('demo applications', () => {
  it('fills every lifecycle stage, with missing documents and overdue audits among them', async () => {
    const result = seeded;
    expect(result?.applications).toBeGreaterThanOrEqual(15);

    const all = await findApplications(t.ctx, { pageSize: 100 });
    expect(all.total).toBe(result?.applications);
    expect(new Set(all.items.map((a) => a.stage))).toEqual(new Set(STAGES));
    expect((await findApplications(t.ctx, { missingDocuments: true })).total).toBeGreaterThan(2);
    expect((await findApplications(t.ctx, { auditOverdue: true })).total).toBeGreaterThan(2);
    expect((await findApplications(t.ctx, { status: 'retired' })).total).toBe(1);

    const simpus = all.items.find((a) => a.name === 'SIMPUS Puskesmas');
    const detail = await getApplication(t.ctx, simpus?.id ?? '');
    expect(detail.completeness.present).toBe(4);
    expect(detail.lifecycle.consultations).toHaveLength(1);
    expect(detail.lifecycle.feasibilityTests.map((f) => f.result)).toEqual(['pass']);

    // Once only.
    const rows = await t.database.db
      .select({ id: agencies.id, code: agencies.code })
      .from(agencies);
    const agencyIdsByCode = new Map(rows.map((r) => [r.code, r.id]));
    expect(await seedApplicationsDemo(t.ctx, { agencyIdsByCode })).toBeNull();
  });
});
