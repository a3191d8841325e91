import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../../platform/notifications/tables.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUser } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { findBackupSupervision } from '../use-cases/find-backup-supervision.js';
import { findDevices } from '../use-cases/find-devices.js';
import { findHostingRequests } from '../use-cases/find-hosting-requests.js';
import { getHostingRequest } from '../use-cases/get-hosting-request.js';
import { seedDatacenterDemo } from './seed-datacenter-demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('seedDatacenterDemo', () => {
  it('creates requests in every state, the registries and backups with some overdue, once', async () => {
    const ids = new Map<string, string>([['DISKOMINFO', (await ensureKominfo(t.ctx)).id]]);
    for (const code of [
      'DINKES',
      'DISDUKCAPIL',
      'BAPPEDA',
      'DPMPTSP',
      'DISDIKPORA',
      'KEC-TABANAN',
    ]) {
      ids.set(code, (await buildAgency(t.ctx, { code })).id);
    }
    const admin = await buildUser(t.ctx, { roles: ['kominfo_admin'] });
    const operator = await buildUser(t.ctx, {
      roles: ['agency_operator'],
      agencyId: ids.get('DINKES'),
    });

    const counts = await seedDatacenterDemo(t.ctx, { agencyIdsByCode: ids });
    expect(counts).toMatchObject({ hostingRequests: 7, devices: 12, backupPolicies: 7 });
    expect(counts?.authorities).toBeGreaterThan(3);
    expect(counts?.activities).toBeGreaterThan(3);

    const requests = await findHostingRequests(t.ctx, { pageSize: 100 });
    expect(new Set(requests.items.map((r) => r.state))).toEqual(
      new Set(['draft', 'submitted', 'testing', 'analysis', 'accepted', 'returned']),
    );
    const timelines = await Promise.all(requests.items.map((r) => getHostingRequest(t.ctx, r.id)));
    const resubmitted = timelines.find((r) => r.timeline.some((e) => e.transition === 'resubmit'));
    expect(resubmitted?.state).toBe('submitted');
    // The demo people acted: the Dinas admin was told of submissions, the operator of decisions.
    expect(resubmitted?.timeline[1]?.actorId).toBe(operator.id);
    const told = await t.database.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.userId, admin.id));
    expect(told.map((n) => n.kind)).toContain('workflow.hosting_request.submit');

    expect((await findDevices(t.ctx, {})).total).toBe(12);
    const supervision = await findBackupSupervision(t.ctx, {});
    expect(supervision.summary.backupOverdue).toBeGreaterThan(0);
    expect(supervision.summary.restoreTestOverdue).toBeGreaterThan(0);
    expect(supervision.summary.policies - supervision.summary.backupOverdue).toBeGreaterThan(0);

    expect(await seedDatacenterDemo(t.ctx, { agencyIdsByCode: ids })).toBeNull();
  });
});
