import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { findApplicationView, isApplicationNameTaken, lockApplication } from '../db/queries.js';
import { applications } from '../db/tables.js';
import type { UpdateApplicationBody } from '../http/applications.schemas.js';
import { presentApplication } from '../http/presenters.js';
import { APPLICATION_SUBJECT } from '../model.js';
import { canManageApplicationsOf, canReadApplicationsOf } from '../policies.js';
import { localToday } from '../rules.js';
import { checkApplicationFacts, validationFailed } from '../validation.js';
import { getApplication } from './get-application.js';

/**
 * Changes an application's registry fields, its status (retiring it) or its last audit date
 * (which moves the audit due date, OKU Timur Pasal 19 ayat (6)). The owner agency and the stage
 * are not edited here: ownership is fixed, the stage moves only by lifecycle transitions.
 */
export async function updateApplication(
  ctx: Ctx,
  id: string,
  input: Static<typeof UpdateApplicationBody>,
) {
  const today = localToday();
  await inTransaction(ctx, async (tx) => {
    const current = await lockApplication(tx, id);
    if (!current || !canReadApplicationsOf(ctx.actor, current.agencyId)) throw notFound();
    if (!canManageApplicationsOf(ctx.actor, current.agencyId)) throw forbidden();
    const refusals = await checkApplicationFacts(
      tx,
      { ...current, ...input },
      { today, changedNational: Boolean(input.nationalApplicationId) },
    );
    if (refusals.length) throw validationFailed(ctx, refusals);
    const name = input.name?.trim();
    if (name && (await isApplicationNameTaken(tx, current.agencyId, name, id))) {
      throw conflict('application.nameTaken', '/name', t(ctx.lang, 'application.nameTaken'));
    }
    const before = await findApplicationView(tx, id);
    await tx
      .update(applications)
      .set({ ...input, ...(name ? { name } : {}), updatedAt: new Date().toISOString() })
      .where(eq(applications.id, id));
    const after = await findApplicationView(tx, id);
    await recordAuditEvent(tx, ctx, {
      action: 'application.update',
      entityType: APPLICATION_SUBJECT,
      entityId: id,
      before: before && presentApplication(before, today),
      after: after && presentApplication(after, today),
    });
  });
  return getApplication(ctx, id);
}
