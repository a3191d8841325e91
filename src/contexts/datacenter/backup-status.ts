import { and, asc, desc, eq, inArray, max, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { agencies } from '../organization/index.js';
import { type AgencyRef, agencyRefColumns, type BackupPolicyRow } from './db/queries.js';
import { backupPolicies, backupReports, restoreTests } from './db/tables.js';
import { addDays, localDateOf } from './local-date.js';
import type { BackupFrequency } from './vocabulary.js';

/**
 * How old a system's last successful backup may be, in days, before the Dinas sees it as overdue:
 * the policy's own interval plus a grace period.
 *
 * The regulations require backups "secara berkala" — periodically — and name no interval:
 * Purbalingga 45/2024 Pasal 14 ayat (13) (the Dinas backs data up periodically), OKU Timur 2022
 * Pasal 15 ayat (1) and Sragen 41/2019 Pasal 14 ayat (6) (every PD backs its data up periodically
 * to the Pusat Data). So the interval is the one each agency commits to in its backup policy, and
 * the grace — one day for daily, two for weekly, seven for monthly backups — is Simpul's default,
 * chosen so that one late run is not yet a finding. Change it here.
 */
export const BACKUP_MAX_AGE_DAYS: Record<BackupFrequency, number> = {
  daily: 1 + 1,
  weekly: 7 + 2,
  monthly: 31 + 7,
};

/**
 * How old the last successful restore test may be, in days. None of the four regulations names
 * an interval: Sragen 41/2019 Pasal 17 ayat (4) huruf b asks for "penyediaan pemulihan sistem
 * informasi" (the means to restore) and Purbalingga 45/2024 Pasal 14 ayat (15)–(16) for a
 * disaster recovery centre, nothing more. Six months is Simpul's default: a backup never restored
 * is a hope, not a backup (the 2024 PDNS incident). Change it here.
 */
export const RESTORE_TEST_MAX_AGE_DAYS = 183;

export interface BackupStatus {
  policy: BackupPolicyRow;
  agency: AgencyRef;
  lastBackup: { on: string; result: string } | null;
  lastSuccessfulBackupOn: string | null;
  backupOverdue: boolean;
  backupDueBy: string;
  lastRestoreTest: { on: string; result: string } | null;
  lastSuccessfulRestoreTestOn: string | null;
  restoreTestOverdue: boolean;
  restoreTestDueBy: string;
}

interface History {
  lastBackup: { on: string; result: string } | null;
  lastSuccessfulBackupOn: string | null;
  lastRestoreTest: { on: string; result: string } | null;
  lastSuccessfulRestoreTestOn: string | null;
}

/**
 * The status of one policy on `today`. A policy counts from the day it was registered: a new one
 * is not overdue before its first interval has passed. Only successful runs count; a failed backup
 * or a partial restore does not reset the clock. A retired policy is never overdue.
 */
export function computeBackupStatus(
  policy: BackupPolicyRow,
  history: History,
  today: string,
): Omit<BackupStatus, 'agency'> {
  const registeredOn = localDateOf(policy.createdAt);
  const backupDueBy = addDays(
    history.lastSuccessfulBackupOn ?? registeredOn,
    BACKUP_MAX_AGE_DAYS[policy.frequency],
  );
  const restoreTestDueBy = addDays(
    history.lastSuccessfulRestoreTestOn ?? registeredOn,
    RESTORE_TEST_MAX_AGE_DAYS,
  );
  const active = policy.status === 'active';
  return {
    policy,
    ...history,
    backupDueBy,
    backupOverdue: active && today > backupDueBy,
    restoreTestDueBy,
    restoreTestOverdue: active && today > restoreTestDueBy,
  };
}

/**
 * The status of every active backup policy of the given agencies ('all': the whole regency), in
 * agency and system order: the Dinas's supervision (Purbalingga 45/2024 Pasal 14 ayat (14), OKU
 * Timur 2022 Pasal 15 ayat (2)) and the overdue reminder read it. A regency has tens to hundreds
 * of systems, so this reads them all at once.
 */
export async function loadBackupStatuses(
  db: Executor,
  scope: 'all' | string[],
  today: string,
  filter: { agencyId?: string } = {},
): Promise<BackupStatus[]> {
  if (scope !== 'all' && scope.length === 0) return [];
  const where: SQL | undefined = and(
    eq(backupPolicies.status, 'active'),
    scope === 'all' ? undefined : inArray(backupPolicies.agencyId, scope),
    filter.agencyId ? eq(backupPolicies.agencyId, filter.agencyId) : undefined,
  );
  const policies = await db
    .select({ policy: backupPolicies, agency: agencyRefColumns })
    .from(backupPolicies)
    .innerJoin(agencies, eq(agencies.id, backupPolicies.agencyId))
    .where(where)
    .orderBy(asc(agencies.name), asc(backupPolicies.systemName), asc(backupPolicies.id));
  if (policies.length === 0) return [];
  const ids = policies.map((p) => p.policy.id);

  const lastBackups = await db
    .selectDistinctOn([backupReports.policyId], {
      policyId: backupReports.policyId,
      on: backupReports.backupOn,
      result: backupReports.result,
    })
    .from(backupReports)
    .where(inArray(backupReports.policyId, ids))
    .orderBy(backupReports.policyId, desc(backupReports.backupOn), desc(backupReports.createdAt));
  const lastGoodBackups = await db
    .select({ policyId: backupReports.policyId, on: max(backupReports.backupOn) })
    .from(backupReports)
    .where(and(inArray(backupReports.policyId, ids), eq(backupReports.result, 'success')))
    .groupBy(backupReports.policyId);
  const lastTests = await db
    .selectDistinctOn([restoreTests.policyId], {
      policyId: restoreTests.policyId,
      on: restoreTests.testedOn,
      result: restoreTests.result,
    })
    .from(restoreTests)
    .where(inArray(restoreTests.policyId, ids))
    .orderBy(restoreTests.policyId, desc(restoreTests.testedOn), desc(restoreTests.createdAt));
  const lastGoodTests = await db
    .select({ policyId: restoreTests.policyId, on: max(restoreTests.testedOn) })
    .from(restoreTests)
    .where(and(inArray(restoreTests.policyId, ids), eq(restoreTests.result, 'success')))
    .groupBy(restoreTests.policyId);

  const byPolicy = <T extends { policyId: string }>(rows: T[]) =>
    new Map(rows.map((r) => [r.policyId, r]));
  const backup = byPolicy(lastBackups);
  const goodBackup = byPolicy(lastGoodBackups);
  const test = byPolicy(lastTests);
  const goodTest = byPolicy(lastGoodTests);
  const event = (row: { on: string; result: string } | undefined) =>
    row ? { on: row.on, result: row.result } : null;

  return policies.map(({ policy, agency }) => ({
    agency,
    ...computeBackupStatus(
      policy,
      {
        lastBackup: event(backup.get(policy.id)),
        lastSuccessfulBackupOn: goodBackup.get(policy.id)?.on ?? null,
        lastRestoreTest: event(test.get(policy.id)),
        lastSuccessfulRestoreTestOn: goodTest.get(policy.id)?.on ?? null,
      },
      today,
    ),
  }));
}
