import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { AppError, notFound } from '../../../platform/errors.js';
import {
  findWorkflowInstance,
  type TransitionInput,
  takeTransition,
} from '../../../platform/workflow/engine.js';
import { lockApplication } from '../db/queries.js';
import { applicationLifecycle, isRegistrationTransition, stageLabel } from '../lifecycle.js';
import { APPLICATION_SUBJECT, LIFECYCLE_WORKFLOW_ID } from '../model.js';
import { canReadApplicationsOf } from '../policies.js';
import { getApplication } from './get-application.js';

/**
 * Moves an application along its lifecycle (lifecycle.ts): who may take which transition, the
 * required comment or attachment, the consultation and document guards are the engine's and the
 * definition's. Outside the caller's scope the application is NOT_FOUND; a retired application
 * and the registration-only transitions are refused as conflicts.
 */
export async function takeApplicationTransition(ctx: Ctx, id: string, input: TransitionInput) {
  await inTransaction(ctx, async (tx) => {
    const app = await lockApplication(tx, id);
    if (!app || !canReadApplicationsOf(ctx.actor, app.agencyId)) throw notFound();
    const instance = await findWorkflowInstance(tx, LIFECYCLE_WORKFLOW_ID, APPLICATION_SUBJECT, id);
    if (!instance) throw new Error(`Application ${id} has no lifecycle`);
    if (app.status === 'retired') {
      throw new AppError('CONFLICT', { detailKey: 'application.retired' });
    }
    if (isRegistrationTransition(input.transition)) {
      throw new AppError('CONFLICT', {
        detailKey: 'workflow.invalidTransition',
        detailParams: { transition: input.transition, state: stageLabel(instance.state)[ctx.lang] },
      });
    }
    await takeTransition(tx, ctx, applicationLifecycle, instance.id, input);
  });
  return getApplication(ctx, id);
}
