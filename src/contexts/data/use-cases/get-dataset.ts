import type { Ctx } from '../../../platform/auth/actor.js';
import type { Executor } from '../../../platform/db/client.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { loadDatasetView } from '../dataset-view.js';
import { findDatasetById } from '../db/queries.js';
import { inDataScope } from '../policies.js';

export async function datasetView(db: Executor, ctx: Ctx, id: string) {
  const row = await findDatasetById(db, id);
  if (!row) throw notFound();
  return loadDatasetView(db, ctx, row);
}

/** A dataset in the console: the producer's own agency, or every agency for walidata/pembina. */
export async function getDataset(ctx: Ctx, id: string) {
  if (!ctx.actor) throw forbidden();
  const row = await findDatasetById(ctx.db, id);
  if (!row || !inDataScope(ctx.actor, row.agencyId)) throw notFound();
  return loadDatasetView(ctx.db, ctx, row);
}
