import type { Static } from 'typebox';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { conflict, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import { startWorkflow, takeTransition } from '../../../platform/workflow/engine.js';
import { findAgencyById } from '../../organization/index.js';
import { findApplicationView, isApplicationNameTaken } from '../db/queries.js';
import { applications } from '../db/tables.js';
import type { CreateApplicationBody } from '../http/applications.schemas.js';
import { presentApplication } from '../http/presenters.js';
import { applicationLifecycle, REGISTER_EXISTING_PREFIX, stageLabel } from '../lifecycle.js';
import { APPLICATION_SUBJECT } from '../model.js';
import { canManageApplicationsOf } from '../policies.js';
import { localToday } from '../rules.js';
import { checkApplicationFacts, validationFailed } from '../validation.js';
import { getApplication } from './get-application.js';

/**
 * Registers an Aplikasi SPBE of an agency (Perbup Tabanan 44/2022 Pasal 6–7) and starts its
 * lifecycle. A new development starts in kajian kebutuhan; an application that already exists is
 * registered in the stage it is in, which the timeline records as such (lifecycle.ts).
 */
export async function createApplication(ctx: Ctx, input: Static<typeof CreateApplicationBody>) {
  if (!canManageApplicationsOf(ctx.actor, input.agencyId)) throw forbidden();
  const today = localToday();
  const { stage, ...fields } = input;
  const id = await inTransaction(ctx, async (tx) => {
    const refusals = await checkApplicationFacts(tx, fields, {
      today,
      changedNational: Boolean(fields.nationalApplicationId),
    });
    if (!(await findAgencyById(tx, input.agencyId))) {
      refusals.unshift({ path: '/agencyId', key: 'user.agencyInvalid' });
    }
    if (refusals.length) throw validationFailed(ctx, refusals);
    const name = fields.name.trim();
    if (await isApplicationNameTaken(tx, input.agencyId, name)) {
      throw conflict('application.nameTaken', '/name', t(ctx.lang, 'application.nameTaken'));
    }
    const [row] = await tx
      .insert(applications)
      .values({ ...fields, name, status: 'active', registeredOn: today })
      .returning({ id: applications.id });
    if (!row) throw new Error('insert returned nothing');
    const instance = await startWorkflow(tx, ctx, applicationLifecycle, {
      subjectType: APPLICATION_SUBJECT,
      subjectId: row.id,
      agencyId: input.agencyId,
    });
    if (stage && stage !== applicationLifecycle.initial) {
      await takeTransition(tx, ctx, applicationLifecycle, instance.id, {
        transition: `${REGISTER_EXISTING_PREFIX}${stage}`,
        comment: t(ctx.lang, 'application.registeredExisting', {
          stage: stageLabel(stage)[ctx.lang],
        }),
      });
    }
    const view = await findApplicationView(tx, row.id);
    await recordAuditEvent(tx, ctx, {
      action: 'application.create',
      entityType: APPLICATION_SUBJECT,
      entityId: row.id,
      after: view && presentApplication(view, today),
    });
    return row.id;
  });
  return getApplication(ctx, id);
}
