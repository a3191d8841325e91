import type { Static } from 'typebox';
import { recordAuditEvent } from '../../audit/record-audit-event.js';
import type { Ctx } from '../../auth/actor.js';
import { inTransaction } from '../../db/transaction.js';
import { conflict, forbidden } from '../../errors.js';
import { t } from '../../i18n/messages.js';
import type { CreateHolidayBody } from '../calendar.schemas.js';
import { canManageHolidays } from '../policies.js';
import { presentHoliday } from '../presenters.js';
import { isHolidayTaken } from '../queries.js';
import { holidays } from '../tables.js';

/** Adds a holiday (a new SKB, a regional holiday): SLA clocks skip it from the next computation. */
export async function createHoliday(ctx: Ctx, input: Static<typeof CreateHolidayBody>) {
  if (!canManageHolidays(ctx.actor)) throw forbidden();
  const values = {
    date: input.date,
    name: input.name.trim(),
    kind: input.kind,
    source: input.source?.trim() ?? '',
  };
  return inTransaction(ctx, async (tx) => {
    if (await isHolidayTaken(tx, values.date, values.name)) {
      throw conflict('holiday.taken', '/name', t(ctx.lang, 'holiday.taken'));
    }
    const [row] = await tx.insert(holidays).values(values).returning();
    if (!row) throw new Error('insert returned nothing');
    const holiday = presentHoliday(row);
    await recordAuditEvent(tx, ctx, {
      action: 'holiday.create',
      entityType: 'holiday',
      entityId: holiday.id,
      after: holiday,
    });
    return holiday;
  });
}
