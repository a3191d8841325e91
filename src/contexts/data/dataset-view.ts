import { asc, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/client.js';
import {
  availableTransitionsFor,
  findWorkflowInstance,
  getTimeline,
} from '../../platform/workflow/engine.js';
import { agencies } from '../organization/index.js';
import { DATASET_SUBJECT, datasetWorkflow, EDITABLE_STATES } from './data-workflow.js';
import { type DatasetRow, findResources, qualityOf } from './db/queries.js';
import { dataComments, dataReviews } from './db/tables.js';
import { datasetFields, presentDatasetSummary, presentResource } from './http/presenters.js';
import { canComment, canDraftDataset } from './policies.js';
import { CONFORMITY_CHECKLIST } from './vocabulary.js';

export async function datasetInstanceOf(db: Executor, datasetId: string) {
  const instance = await findWorkflowInstance(db, datasetWorkflow.id, DATASET_SUBJECT, datasetId);
  if (!instance) throw new Error(`Dataset ${datasetId} has no workflow instance`);
  return instance;
}

/** A dataset as the console shows it; authorization is the caller's. */
export async function loadDatasetView(db: Executor, ctx: Ctx, row: DatasetRow) {
  const instance = await datasetInstanceOf(db, row.id);
  const [agency] = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, row.agencyId));
  const resources = await findResources(db, [row.id]);
  const reviews = await db
    .select()
    .from(dataReviews)
    .where(eq(dataReviews.datasetId, row.id))
    .orderBy(desc(dataReviews.createdAt));
  const comments = await db
    .select()
    .from(dataComments)
    .where(eq(dataComments.datasetId, row.id))
    .orderBy(asc(dataComments.createdAt));
  const fields = datasetFields(row);
  return {
    ...presentDatasetSummary(row, agency ?? null),
    ...fields,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
    publishedAt: row.publishedAt ? new Date(row.publishedAt).toISOString() : null,
    agency: agency ?? null,
    quality: qualityOf(row, resources),
    resources: resources.map((r) => presentResource(ctx.lang, r)),
    reviews: reviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      checklist: r.checklist,
      note: r.note,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    comments: comments.map((c) => ({
      id: c.id,
      authorName: c.authorName,
      body: c.body,
      createdAt: new Date(c.createdAt).toISOString(),
    })),
    checklistItems: Object.entries(CONFORMITY_CHECKLIST).map(([key, label]) => ({ key, label })),
    editable: EDITABLE_STATES.includes(instance.state) && canDraftDataset(ctx.actor, row.agencyId),
    canComment: canComment(ctx.actor, row.agencyId),
    dueAt: instance.dueAt ? new Date(instance.dueAt).toISOString() : null,
    timeline: await getTimeline(db, instance.id),
    // The guards read through `db`, which may be the caller's transaction.
    availableTransitions: await availableTransitionsFor(
      { ...ctx, db: db as Ctx['db'] },
      datasetWorkflow,
      instance,
    ),
  };
}
