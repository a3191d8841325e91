import { eq } from 'drizzle-orm';
import type { Static } from 'typebox';
import { recordAuditEvent } from '../../audit/record-audit-event.js';
import type { Ctx } from '../../auth/actor.js';
import { inTransaction } from '../../db/transaction.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { UpdateHolidayBody } from '../calendar.schemas.js';
import { canManageHolidays } from '../policies.js';
import { presentHoliday } from '../presenters.js';
import { isHolidayTaken } from '../queries.js';
import { holidays } from '../tables.js';

/** Corrects a holiday (e.g. Idul Fitri shifted after the sidang isbat). */
export async function updateHoliday(ctx: Ctx, id: string, input: Static<typeof UpdateHolidayBody>) {
  // Holidays are readable by every signed-in user, so a refused edit is a 403, not a 404.
  if (!canManageHolidays(ctx.actor)) throw forbidden();
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(holidays).where(eq(holidays.id, id)).for('update');
    if (!current) throw notFound();
    const changes = {
      ...input,
      ...(input.name === undefined ? {} : { name: input.name.trim() }),
      ...(input.source === undefined ? {} : { source: input.source.trim() }),
    };
    const date = changes.date ?? current.date;
    const name = changes.name ?? current.name;
    if (await isHolidayTaken(tx, date, name, id)) {
      throw conflict('holiday.taken', '/name', t(ctx.lang, 'holiday.taken'));
    }
    const [row] = await tx
      .update(holidays)
      .set({ ...changes, updatedAt: new Date().toISOString() })
      .where(eq(holidays.id, id))
      .returning();
    if (!row) throw notFound();
    const before = presentHoliday(current);
    const after = presentHoliday(row);
    await recordAuditEvent(tx, ctx, {
      action: 'holiday.update',
      entityType: 'holiday',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
