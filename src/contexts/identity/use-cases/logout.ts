import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import { sessions } from '../db/tables.js';

/** Ends the current browser session. */
export async function logout(ctx: Ctx) {
  const actor = ctx.actor;
  if (actor?.type !== 'user' || !actor.sessionId) return;
  const sessionId = actor.sessionId;
  await inTransaction(ctx, async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
    await recordAuditEvent(tx, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.id,
    });
  });
}
