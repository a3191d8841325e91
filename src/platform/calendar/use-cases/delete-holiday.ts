import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../audit/record-audit-event.js';
import type { Ctx } from '../../auth/actor.js';
import { inTransaction } from '../../db/transaction.js';
import { forbidden, notFound } from '../../errors.js';
import { canManageHolidays } from '../policies.js';
import { presentHoliday } from '../presenters.js';
import { holidays } from '../tables.js';

/** Removes a holiday; the audit event keeps what it was. */
export async function deleteHoliday(ctx: Ctx, id: string): Promise<void> {
  if (!canManageHolidays(ctx.actor)) throw forbidden();
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.delete(holidays).where(eq(holidays.id, id)).returning();
    if (!row) throw notFound();
    await recordAuditEvent(tx, ctx, {
      action: 'holiday.delete',
      entityType: 'holiday',
      entityId: id,
      before: presentHoliday(row),
    });
  });
}
