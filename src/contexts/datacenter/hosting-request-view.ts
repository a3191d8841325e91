import type { Static } from 'typebox';
import type { Ctx } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import {
  availableTransitionsFor,
  findWorkflowInstance,
  getTimeline,
} from '../../platform/workflow/engine.js';
import {
  findAgencyRefs,
  findHostingAllocation,
  findHostingTests,
  type HostingRequestRow,
} from './db/queries.js';
import {
  EDITABLE_STATES,
  HOSTING_SUBJECT,
  hostingWorkflow,
  missingForSubmission,
} from './hosting-workflow.js';
import type { HostingRequest } from './http/hosting-requests.schemas.js';
import {
  agencyOf,
  presentAllocation,
  presentHostingSummary,
  presentHostingTest,
} from './http/presenters.js';
import { canDraftHostingRequest } from './policies.js';
import { HOSTING_TEST_CHECKLIST } from './vocabulary.js';

/** The request's workflow instance; every request has one from its creation. */
export async function hostingInstanceOf(db: Executor, requestId: string) {
  const instance = await findWorkflowInstance(db, hostingWorkflow.id, HOSTING_SUBJECT, requestId);
  if (!instance) throw new Error(`Hosting request ${requestId} has no workflow instance`);
  return instance;
}

/**
 * A hosting request as its detail screen shows it: the request, its state with the SLA deadline,
 * the full timeline, what the caller may do next (with the guard's reason when it cannot yet),
 * every round's test and the allocation.
 * Authorization is the caller's.
 */
export async function loadHostingRequestView(
  db: Executor,
  ctx: Ctx,
  row: HostingRequestRow,
): Promise<Static<typeof HostingRequest>> {
  const instance = await hostingInstanceOf(db, row.id);
  const agencies = await findAgencyRefs(db, [row.agencyId]);
  const timeline = await getTimeline(db, instance.id);
  const tests = await findHostingTests(db, row.id);
  const allocation = await findHostingAllocation(db, row.id);
  const editable =
    EDITABLE_STATES.includes(instance.state) && canDraftHostingRequest(ctx.actor, row.agencyId);
  return {
    ...presentHostingSummary(row, instance, agencyOf(agencies, row.agencyId)),
    description: row.description,
    vcpu: row.vcpu,
    ramGb: row.ramGb,
    storageGb: row.storageGb,
    bandwidthMbps: row.bandwidthMbps,
    operatingSystem: row.operatingSystem,
    domain: row.domain,
    backupPlan: row.backupPlan,
    disasterRecoveryPlan: row.disasterRecoveryPlan,
    lastRestoreTestOn: row.lastRestoreTestOn,
    createdBy: row.createdBy,
    testRound: row.testRound,
    editable,
    missingForSubmission: EDITABLE_STATES.includes(instance.state) ? missingForSubmission(row) : [],
    timeline,
    // The guards read through `db`, which may be the caller's transaction (the view after a change).
    availableTransitions: await availableTransitionsFor({ ...ctx, db }, hostingWorkflow, instance),
    tests: tests.map(presentHostingTest),
    allocation: allocation ? presentAllocation(allocation) : null,
    checklistTemplate: HOSTING_TEST_CHECKLIST.map((item) => item[ctx.lang]),
  };
}
