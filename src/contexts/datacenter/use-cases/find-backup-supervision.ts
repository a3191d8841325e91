import type { Static } from 'typebox';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import { pageWindow } from '../../../platform/http/schemas.js';
import {
  BACKUP_MAX_AGE_DAYS,
  type BackupStatus,
  loadBackupStatuses,
  RESTORE_TEST_MAX_AGE_DAYS,
} from '../backup-status.js';
import type { Supervision, SupervisionQuery } from '../http/backups.schemas.js';
import { presentBackupPolicy } from '../http/presenters.js';
import { localToday } from '../local-date.js';

const isOverdue = (s: BackupStatus) => s.backupOverdue || s.restoreTestOverdue;

/**
 * The Dinas's supervision of backups (Purbalingga 45/2024 Pasal 14 ayat (14); OKU Timur 2022
 * Pasal 15 ayat (2)): per active policy the last backup and restore test and whether either is
 * overdue, overdue ones first, with regency-wide counts. The Dinas and the oversight roles see
 * every agency; an agency sees its own systems.
 */
export async function findBackupSupervision(
  ctx: Ctx,
  query: Static<typeof SupervisionQuery>,
): Promise<Static<typeof Supervision>> {
  const today = localToday();
  const all = await loadBackupStatuses(ctx.db, readableAgencies(ctx.actor), today, {
    agencyId: query.agencyId,
  });
  const selected = (query.overdue ? all.filter(isOverdue) : all)
    .map((status, index) => ({ status, index }))
    .sort((a, b) => Number(isOverdue(b.status)) - Number(isOverdue(a.status)) || a.index - b.index)
    .map((s) => s.status);
  const { page, pageSize, offset } = pageWindow(query);
  return {
    asOf: today,
    thresholds: {
      backupMaxAgeDays: BACKUP_MAX_AGE_DAYS,
      restoreTestMaxAgeDays: RESTORE_TEST_MAX_AGE_DAYS,
    },
    summary: {
      policies: all.length,
      backupOverdue: all.filter((s) => s.backupOverdue).length,
      restoreTestOverdue: all.filter((s) => s.restoreTestOverdue).length,
      withoutOffsiteCopy: all.filter((s) => !s.policy.offsiteCopy).length,
    },
    items: selected.slice(offset, offset + pageSize).map((s) => ({
      policy: presentBackupPolicy(s.policy, s.agency),
      lastBackup: s.lastBackup,
      lastSuccessfulBackupOn: s.lastSuccessfulBackupOn,
      backupOverdue: s.backupOverdue,
      backupDueBy: s.backupDueBy,
      lastRestoreTest: s.lastRestoreTest,
      lastSuccessfulRestoreTestOn: s.lastSuccessfulRestoreTestOn,
      restoreTestOverdue: s.restoreTestOverdue,
      restoreTestDueBy: s.restoreTestDueBy,
    })),
    total: selected.length,
    page,
    pageSize,
  };
}
