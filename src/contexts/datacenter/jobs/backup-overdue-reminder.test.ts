import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../../platform/jobs/scheduler.js';
import { scheduledJobs } from '../../../platform/jobs/tables.js';
import { notifications } from '../../../platform/notifications/tables.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUser } from '../../identity/testing/factories.js';
import { buildAgency } from '../../organization/testing/factories.js';
import { backupPolicies } from '../db/tables.js';
import { addDays, localToday } from '../local-date.js';
import { buildBackupPolicy, buildBackupReport } from '../testing/factories.js';
import { recordRestoreTest } from '../use-cases/record-restore-test.js';
import {
  BACKUP_LINK,
  backupOverdueReminderJob,
  remindOverdueBackups,
} from './backup-overdue-reminder.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const today = localToday();
const kindsOf = async (userId: string) =>
  (await t.database.db.select().from(notifications).where(eq(notifications.userId, userId))).filter(
    (n) => n.kind === 'datacenter.backup_overdue',
  );

/**
 * A policy registered long ago whose last successful backup was `ago` days ago, restore-tested
 * `restoredAgo` days ago (never when absent).
 */
async function policyBackedUp(
  agencyId: string,
  systemName: string,
  ago: number,
  restoredAgo?: number,
) {
  const policy = await buildBackupPolicy(t.ctx, agencyId, { systemName });
  await t.database.db
    .update(backupPolicies)
    .set({ createdAt: `${addDays(today, -400)}T12:00:00+07:00` })
    .where(eq(backupPolicies.id, policy.id));
  await buildBackupReport(t.ctx, policy.id, { backupOn: addDays(today, -ago), result: 'success' });
  if (restoredAgo !== undefined) {
    await recordRestoreTest(t.ctx, policy.id, {
      testedOn: addDays(today, -restoredAgo),
      result: 'success',
    });
  }
  return policy;
}

describe('backup-overdue-reminder', () => {
  it("tells each late agency's operators (or, without operators, its heads) which systems are late", async () => {
    const late = (await buildAgency(t.ctx)).id;
    const headless = (await buildAgency(t.ctx)).id;
    const fine = (await buildAgency(t.ctx)).id;
    const lateOperator = await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: late });
    const lateHead = await buildUser(t.ctx, { roles: ['agency_head'], agencyId: late });
    const onlyHead = await buildUser(t.ctx, { roles: ['agency_head'], agencyId: headless });
    const fineOperator = await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: fine });
    await policyBackedUp(late, 'SIMPEG', 10);
    await policyBackedUp(late, 'e-Kinerja', 1, 30);
    await policyBackedUp(headless, 'Arsip Digital', 5, 30);
    await policyBackedUp(fine, 'Portal', 0, 30);

    expect(await remindOverdueBackups(t.ctx)).toBe(2);

    const [note] = await kindsOf(lateOperator.id);
    expect(note).toMatchObject({ link: BACKUP_LINK, title: { id: 'Pencadangan data terlambat' } });
    expect(note?.body.id).toContain('1 sistem');
    expect(note?.body.id).toContain(
      `SIMPEG: pencadangan terlambat (terakhir berhasil: ${addDays(today, -10)})`,
    );
    expect(note?.body.id).not.toContain('e-Kinerja');
    // Registered 400 days ago and never restore-tested: that is late too.
    expect(note?.body.id).toContain('uji pemulihan terlambat (terakhir berhasil: —)');
    expect(note?.body.en).toContain('SIMPEG: backup overdue');
    expect(await kindsOf(lateHead.id)).toHaveLength(0);
    expect(await kindsOf(onlyHead.id)).toHaveLength(1);
    expect(await kindsOf(fineOperator.id)).toHaveLength(0);
  });

  it('runs daily under the scheduler, as Simpul itself', async () => {
    expect(backupOverdueReminderJob).toMatchObject({
      name: 'backup-overdue-reminder',
      intervalSeconds: 86_400,
    });
    await t.database.db
      .insert(scheduledJobs)
      .values({ name: backupOverdueReminderJob.name, intervalSeconds: 86_400 });
    const agency = (await buildAgency(t.ctx)).id;
    const operator = await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: agency });
    await policyBackedUp(agency, 'SIPD', 30, 30);
    const ran = await runDueJobs({
      db: t.database.db,
      secrets: t.secrets,
      nodeId: 'node-uji',
      jobs: [backupOverdueReminderJob],
    });
    expect(ran).toEqual(['backup-overdue-reminder']);
    const [row] = await t.database.db
      .select({
        lastError: scheduledJobs.lastError,
        due: sql<boolean>`next_run_at > now() + interval '23 hours'`,
      })
      .from(scheduledJobs)
      .where(eq(scheduledJobs.name, backupOverdueReminderJob.name));
    expect(row).toEqual({ lastError: null, due: true });
    expect(await kindsOf(operator.id)).toHaveLength(1);
  });
});
