import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import { addDaysTo } from '../../../platform/compliance/check-provider.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { t } from '../../../platform/i18n/messages.js';
import type { Job } from '../../../platform/jobs/scheduler.js';
import { notify } from '../../../platform/notifications/notify.js';
import { roleAssignments, users } from '../../identity/index.js';
import { evaluateProfile } from '../evaluate.js';
import { localToday } from '../local-date.js';
import { loadProfile } from '../profiles.js';
import { activeProfileId } from '../use-cases/select-profile.js';

/** Days before a deadline on which the agency is reminded, and the day after it passed. */
export const REMINDER_DAYS_BEFORE = [30, 7, 1] as const;

export const COMPLIANCE_LINK = '/console/compliance/agency';

/**
 * Reminds each agency's heads and operators of its duties whose deadline is 30, 7 or 1 day away,
 * or passed yesterday (a yearly LAN diagram, a decree's term, an attestation's end, a restore
 * test). Runs daily; on other days nothing is sent, so nobody gets the same reminder twice.
 * Returns how many agencies were told.
 */
export async function remindDeadlines(ctx: Ctx, today = localToday()): Promise<number> {
  const profile = await loadProfile(ctx.db, await activeProfileId(ctx.db));
  const evaluation = await evaluateProfile(ctx.db, profile, today);
  const remindOn = new Set([
    ...REMINDER_DAYS_BEFORE.map((d) => addDaysTo(today, d)),
    addDaysTo(today, -1),
  ]);
  const byAgency = new Map<string, { article: string; summary: string; dueOn: string }[]>();
  for (const o of evaluation.obligations) {
    for (const p of o.parties) {
      if (p.kind !== 'agency' || !p.agencyId || !p.dueOn || !remindOn.has(p.dueOn)) continue;
      if (p.status !== 'due_soon' && p.status !== 'late') continue;
      byAgency.set(p.agencyId, [
        ...(byAgency.get(p.agencyId) ?? []),
        { article: o.obligation.article, summary: o.obligation.summary_en, dueOn: p.dueOn },
      ]);
    }
  }
  let told = 0;
  for (const [agencyId, duties] of byAgency) {
    await inTransaction(ctx, async (tx) => {
      const recipients = await tx
        .selectDistinct({ id: users.id })
        .from(users)
        .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .where(
          and(
            eq(users.status, 'active'),
            eq(roleAssignments.agencyId, agencyId),
            inArray(roleAssignments.role, ['agency_head', 'agency_operator']),
          ),
        );
      const lines = duties.map((d) => `• ${d.article} — ${d.dueOn}`).join('\n');
      const sent = await notify(tx, ctx, {
        userIds: recipients.map((r) => r.id),
        kind: 'compliance.deadline',
        title: {
          id: t('id', 'compliance.reminder.title'),
          en: t('en', 'compliance.reminder.title'),
        },
        body: {
          id: `${t('id', 'compliance.reminder.body', { count: duties.length })}\n\n${lines}`,
          en: `${t('en', 'compliance.reminder.body', { count: duties.length })}\n\n${lines}`,
        },
        link: COMPLIANCE_LINK,
      });
      if (sent > 0) told++;
    });
  }
  return told;
}

export const complianceReminderJob: Job = {
  name: 'compliance-deadline-reminder',
  intervalSeconds: 24 * 3600,
  run: async (ctx) => {
    await remindDeadlines(ctx);
  },
};
