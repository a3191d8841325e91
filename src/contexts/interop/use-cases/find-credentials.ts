import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { findConsumerByApplication } from '../db/queries.js';
import { interopCredentials } from '../db/tables.js';
import { presentCredential } from '../http/presenters.js';

import { applicationInScope } from './credential-support.js';

/** The credentials of an application (never their secrets), for its agency and the Dinas. */
export async function findCredentials(ctx: Ctx, applicationId: string) {
  return inTransaction(ctx, async (tx) => {
    const app = await applicationInScope(tx, ctx, applicationId);
    const consumer = await findConsumerByApplication(tx, app.id);
    if (!consumer) return [];
    const rows = await tx
      .select()
      .from(interopCredentials)
      .where(eq(interopCredentials.consumerId, consumer.id))
      .orderBy(desc(interopCredentials.createdAt));
    return rows.map((r) => presentCredential(r, consumer));
  });
}
