import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { t } from '../../../platform/i18n/messages.js';
import type { Job } from '../../../platform/jobs/scheduler.js';
import { notify } from '../../../platform/notifications/notify.js';
import { type BackupStatus, loadBackupStatuses } from '../backup-status.js';
import { findActiveUserIdsWithRole } from '../db/queries.js';
import { localToday } from '../local-date.js';

/** Console path of the backups screen, the link in the reminder. */
export const BACKUP_LINK = '/console/pusat-data/backup';

/**
 * Tells each agency with an overdue backup or restore test which of its systems are late: one
 * notification per agency per run, to its operators (its heads when it has no operator). The
 * Dinas's coordination and supervision of the agencies' backups (Purbalingga 45/2024 Pasal 14
 * ayat (14), OKU Timur 2022 Pasal 15 ayat (2)). Returns how many agencies were told.
 */
export async function remindOverdueBackups(ctx: Ctx, today = localToday()): Promise<number> {
  const statuses = await loadBackupStatuses(ctx.db, 'all', today);
  const byAgency = new Map<string, BackupStatus[]>();
  for (const s of statuses) {
    if (!s.backupOverdue && !s.restoreTestOverdue) continue;
    byAgency.set(s.agency.id, [...(byAgency.get(s.agency.id) ?? []), s]);
  }
  let told = 0;
  for (const [agencyId, late] of byAgency) {
    await inTransaction(ctx, async (tx) => {
      let userIds = await findActiveUserIdsWithRole(tx, ['agency_operator'], agencyId);
      if (userIds.length === 0)
        userIds = await findActiveUserIdsWithRole(tx, ['agency_head'], agencyId);
      const lines = (lang: 'id' | 'en') =>
        late
          .map((s) => {
            const what = [
              s.backupOverdue
                ? t(lang, 'datacenter.backupReminder.backupLate', {
                    since: s.lastSuccessfulBackupOn ?? '—',
                  })
                : null,
              s.restoreTestOverdue
                ? t(lang, 'datacenter.backupReminder.restoreLate', {
                    since: s.lastSuccessfulRestoreTestOn ?? '—',
                  })
                : null,
            ].filter(Boolean);
            return `• ${s.policy.systemName}: ${what.join('; ')}`;
          })
          .join('\n');
      const body = (lang: 'id' | 'en') =>
        `${t(lang, 'datacenter.backupReminder.body', { count: late.length })}\n\n${lines(lang)}`;
      const sent = await notify(tx, ctx, {
        userIds,
        kind: 'datacenter.backup_overdue',
        title: {
          id: t('id', 'datacenter.backupReminder.title'),
          en: t('en', 'datacenter.backupReminder.title'),
        },
        body: { id: body('id'), en: body('en') },
        link: BACKUP_LINK,
      });
      if (sent > 0) told++;
    });
  }
  return told;
}

/** The daily reminder of overdue backups and restore tests, as a scheduled job. */
export const backupOverdueReminderJob: Job = {
  name: 'backup-overdue-reminder',
  intervalSeconds: 24 * 60 * 60,
  run: async (ctx) => {
    await remindOverdueBackups(ctx);
  },
};
