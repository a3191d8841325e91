import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFile } from '../../../platform/files/testing/factories.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { BACKUP_MAX_AGE_DAYS, RESTORE_TEST_MAX_AGE_DAYS } from '../backup-status.js';
import { backupPolicies } from '../db/tables.js';
import { addDays, localToday } from '../local-date.js';
import { buildBackupPolicy } from '../testing/factories.js';

let t: TestApp;
let dataDir: string;
let agencyA: string;
let agencyB: string;
let operatorA: Session;
let operatorB: Session;
let admin: Session;
let auditor: Session;
const today = localToday();
const daysAgo = (n: number) => addDays(today, -n);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-backup-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  await ensureKominfo(t.ctx);
  agencyA = (await buildAgency(t.ctx)).id;
  agencyB = (await buildAgency(t.ctx)).id;
  const operator = (agencyId: string) =>
    buildUser(t.ctx, { roles: ['agency_operator'], agencyId }).then((u) => signIn(t.app, u.email));
  operatorA = await operator(agencyA);
  operatorB = await operator(agencyB);
  admin = await signIn(t.app, (await buildUser(t.ctx, { roles: ['kominfo_admin'] })).email);
  auditor = await signIn(t.app, (await buildUser(t.ctx, { roles: ['auditor'] })).email);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const base = '/api/v1/datacenter';
const get = (s: Session, url: string) => t.app.inject({ url: `${base}${url}`, headers: s.headers });
const post = (s: Session, url: string, payload: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `${base}${url}`,
    headers: s.headers,
    payload: payload as never,
  });

/** Pretends a policy was registered `days` ago (its clock starts then). */
const registeredAgo = (id: string, days: number) =>
  t.database.db
    .update(backupPolicies)
    .set({ createdAt: `${daysAgo(days)}T12:00:00+07:00` })
    .where(eq(backupPolicies.id, id));

describe('backup policies, reports and restore tests', () => {
  it('are kept by the owner agency; another agency sees nothing (404)', async () => {
    const created = await post(operatorA, '/backup-policies', {
      systemName: 'SIMPEG',
      frequency: 'daily',
      location: 'Server backup Pusat Data',
      offsiteCopy: true,
      offsiteLocation: 'DRC provinsi',
      retentionDays: 30,
    });
    expect(created.statusCode).toBe(201);
    const policy = created.json();
    expect(policy).toMatchObject({ agency: { id: agencyA }, status: 'active', offsiteCopy: true });

    const report = await post(operatorA, `/backup-policies/${policy.id}/reports`, {
      backupOn: today,
      result: 'success',
      sizeBytes: 1_073_741_824,
    });
    expect(report.statusCode).toBe(201);
    const evidence = await buildFile(t.ctx, join(dataDir, 'files'), agencyA, {
      name: 'uji-pemulihan.pdf',
    });
    const restore = await post(operatorA, `/backup-policies/${policy.id}/restore-tests`, {
      testedOn: daysAgo(1),
      result: 'success',
      durationMinutes: 35,
      attachmentIds: [evidence.id],
    });
    expect(restore.statusCode).toBe(201);
    expect(restore.json()).toMatchObject({ attachmentIds: [evidence.id], durationMinutes: 35 });
    expect((await get(operatorA, `/backup-policies/${policy.id}/reports`)).json().total).toBe(1);
    expect((await get(auditor, `/backup-policies/${policy.id}/restore-tests`)).json().total).toBe(
      1,
    );

    for (const url of [
      `/backup-policies/${policy.id}`,
      `/backup-policies/${policy.id}/reports`,
      `/backup-policies/${policy.id}/restore-tests`,
    ]) {
      expect((await get(operatorB, url)).statusCode).toBe(404);
    }
    expect(
      (
        await post(operatorB, `/backup-policies/${policy.id}/reports`, {
          backupOn: today,
          result: 'success',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await post(auditor, `/backup-policies/${policy.id}/reports`, {
          backupOn: today,
          result: 'success',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await post(operatorB, '/backup-policies', {
          agencyId: agencyA,
          systemName: 'X',
          frequency: 'daily',
          location: 'Y',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a future date, an off-site copy without a place and an unreadable attachment', async () => {
    const policy = await buildBackupPolicy(t.ctx, agencyA);
    const future = await post(operatorA, `/backup-policies/${policy.id}/reports`, {
      backupOn: addDays(today, 2),
      result: 'success',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('/backupOn');
    const nowhere = await post(operatorA, '/backup-policies', {
      systemName: 'X',
      frequency: 'weekly',
      location: 'Y',
      offsiteCopy: true,
    });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().errors[0].path).toBe('/offsiteLocation');
    const othersFile = await buildFile(t.ctx, join(dataDir, 'files'), agencyB);
    const foreign = await post(operatorA, `/backup-policies/${policy.id}/restore-tests`, {
      testedOn: today,
      result: 'success',
      attachmentIds: [othersFile.id],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('/attachmentIds/0');
  });
});

describe('backup supervision (Purbalingga 45/2024 Pasal 14 ayat (14), OKU Timur 2022 Pasal 15 ayat (2))', () => {
  it('computes who is overdue from the frequency, the grace and the restore-test age', async () => {
    const agency = (await buildAgency(t.ctx)).id;
    const operator = await signIn(
      t.app,
      (await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: agency })).email,
    );
    const report = (id: string, ago: number, result = 'success') =>
      post(operator, `/backup-policies/${id}/reports`, { backupOn: daysAgo(ago), result });
    const restoreTest = (id: string, ago: number, result = 'success') =>
      post(operator, `/backup-policies/${id}/restore-tests`, { testedOn: daysAgo(ago), result });

    // Daily, backed up within the grace: fine. Restore test recent: fine.
    const fresh = await buildBackupPolicy(t.ctx, agency, { systemName: 'A-harian-baik' });
    await registeredAgo(fresh.id, 400);
    await report(fresh.id, BACKUP_MAX_AGE_DAYS.daily);
    await restoreTest(fresh.id, 10);
    // Daily, last success one day past the grace, a failure since: overdue.
    const late = await buildBackupPolicy(t.ctx, agency, { systemName: 'B-harian-terlambat' });
    await registeredAgo(late.id, 400);
    await report(late.id, BACKUP_MAX_AGE_DAYS.daily + 1);
    await report(late.id, 0, 'failed');
    await restoreTest(late.id, 10);
    // Weekly, fine; restore test too old (a later partial one does not count): overdue.
    const stale = await buildBackupPolicy(t.ctx, agency, {
      systemName: 'C-mingguan',
      frequency: 'weekly',
    });
    await registeredAgo(stale.id, 400);
    await report(stale.id, 3);
    await restoreTest(stale.id, RESTORE_TEST_MAX_AGE_DAYS + 1);
    await restoreTest(stale.id, 5, 'partial');
    // Monthly, registered last week, nothing reported yet: not overdue yet.
    const young = await buildBackupPolicy(t.ctx, agency, {
      systemName: 'D-bulanan-baru',
      frequency: 'monthly',
      offsiteCopy: false,
      offsiteLocation: null,
    });
    await registeredAgo(young.id, 7);
    // Never backed up since registration 60 days ago: overdue on both counts? Backup yes; the
    // restore-test clock (183 days) has not run out.
    const silent = await buildBackupPolicy(t.ctx, agency, { systemName: 'E-diam' });
    await registeredAgo(silent.id, 60);
    // Retired: never overdue.
    const retired = await buildBackupPolicy(t.ctx, agency, { systemName: 'F-pensiun' });
    await registeredAgo(retired.id, 400);
    await t.app.inject({
      method: 'PATCH',
      url: `${base}/backup-policies/${retired.id}`,
      headers: operator.headers,
      payload: { status: 'retired' },
    });

    const res = await get(admin, `/backup-supervision?agencyId=${agency}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe(today);
    expect(body.summary).toEqual({
      policies: 5,
      backupOverdue: 2,
      restoreTestOverdue: 1,
      withoutOffsiteCopy: 1,
    });
    const row = (name: string) =>
      body.items.find((i: { policy: { systemName: string } }) => i.policy.systemName === name);
    expect(row('A-harian-baik')).toMatchObject({ backupOverdue: false, restoreTestOverdue: false });
    expect(row('B-harian-terlambat')).toMatchObject({
      backupOverdue: true,
      lastBackup: { on: today, result: 'failed' },
      lastSuccessfulBackupOn: daysAgo(BACKUP_MAX_AGE_DAYS.daily + 1),
      backupDueBy: daysAgo(1),
      restoreTestOverdue: false,
    });
    expect(row('C-mingguan')).toMatchObject({
      backupOverdue: false,
      restoreTestOverdue: true,
      lastRestoreTest: { on: daysAgo(5), result: 'partial' },
      lastSuccessfulRestoreTestOn: daysAgo(RESTORE_TEST_MAX_AGE_DAYS + 1),
    });
    expect(row('D-bulanan-baru')).toMatchObject({
      lastBackup: null,
      backupOverdue: false,
      backupDueBy: addDays(daysAgo(7), BACKUP_MAX_AGE_DAYS.monthly),
    });
    expect(row('E-diam')).toMatchObject({ backupOverdue: true, restoreTestOverdue: false });
    expect(row('F-pensiun')).toBeUndefined();
    // Overdue first.
    expect(
      body.items
        .slice(0, 3)
        .every(
          (i: { backupOverdue: boolean; restoreTestOverdue: boolean }) =>
            i.backupOverdue || i.restoreTestOverdue,
        ),
    ).toBe(true);

    const overdueOnly = (
      await get(admin, `/backup-supervision?agencyId=${agency}&overdue=true`)
    ).json();
    expect(overdueOnly.total).toBe(3);
    // The agency sees its own; another agency sees none of it.
    expect((await get(operator, '/backup-supervision')).json().summary.policies).toBe(5);
    expect((await get(operatorB, `/backup-supervision?agencyId=${agency}`)).json().total).toBe(0);
  });
});
