import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import { notFound } from '../../../platform/errors.js';
import {
  availableTransitionsFor,
  findWorkflowInstance,
  getTimeline,
} from '../../../platform/workflow/engine.js';
import { findApplicationView, findDocumentRows } from '../db/queries.js';
import type { ApplicationDetail } from '../http/applications.schemas.js';
import { presentApplication, presentDocuments, presentLifecycle } from '../http/presenters.js';
import { applicationLifecycle, isRegistrationTransition } from '../lifecycle.js';
import { APPLICATION_SUBJECT, LIFECYCLE_WORKFLOW_ID } from '../model.js';
import { canReadApplicationsOf } from '../policies.js';
import { localToday } from '../rules.js';

/**
 * One application with its documents (current and history), completeness, lifecycle stage,
 * timeline and what the caller may do next (with the reason when a guard refuses it yet). Outside the caller's agency scope: NOT_FOUND.
 */
export async function getApplication(
  ctx: Ctx,
  id: string,
): Promise<Static<typeof ApplicationDetail>> {
  const view = await findApplicationView(ctx.db, id);
  if (!view || !canReadApplicationsOf(ctx.actor, view.app.agencyId)) throw notFound();
  const instance = await findWorkflowInstance(
    ctx.db,
    LIFECYCLE_WORKFLOW_ID,
    APPLICATION_SUBJECT,
    id,
  );
  if (!instance) throw new Error(`Application ${id} has no lifecycle`);
  const [timeline, documents] = await Promise.all([
    getTimeline(ctx.db, instance.id),
    findDocumentRows(ctx.db, id),
  ]);
  // What the caller may do next, each with its guard's verdict (no consultation yet, documents
  // missing…); registration-only transitions are never offered.
  const available = await availableTransitionsFor(
    ctx,
    applicationLifecycle,
    instance,
    (tr) => !isRegistrationTransition(tr.name),
  );
  return {
    ...presentApplication(view, localToday()),
    documents: presentDocuments(documents),
    lifecycle: presentLifecycle(timeline, available),
  };
}
