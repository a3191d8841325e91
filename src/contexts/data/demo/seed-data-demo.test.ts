import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore } from '../../../platform/files/file-store.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildAgency } from '../../organization/testing/factories.js';
import { seedDataDemo } from './seed-data-demo.js';

let t: TestApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-data-demo-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('seedDataDemo', () => {
  it('publishes a validated dataset per producing agency, visible to CKAN clients', async () => {
    const ids = new Map<string, string>();
    for (const code of ['DINKES', 'DISDIKPORA', 'BAPPEDA'])
      ids.set(code, (await buildAgency(t.ctx)).id);
    const result = await seedDataDemo(t.ctx, {
      agencyIdsByCode: ids,
      fileStore: createFileStore(join(dataDir, 'files')),
    });
    expect(result).toEqual({ datasets: 3 });
    const search = (
      await t.app.inject({ url: '/api/3/action/package_search?q=kecamatan&rows=10' })
    ).json();
    expect(search.result.count).toBe(3);
    for (const pkg of search.result.results) {
      expect(pkg.resources).toHaveLength(1);
      const rows = (
        await t.app.inject({ url: pkg.resources[0].data_api.replace(/^https?:\/\/[^/]+/, '') })
      ).json();
      expect(rows.total).toBe(10);
    }
    expect(await seedDataDemo(t.ctx, { agencyIdsByCode: ids })).toBeNull();
  });
});
