import { and, count, desc, eq, gte, ilike, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/auth/actor.js';
import { DEFAULT_WORKING_DAY } from '../../../platform/calendar/working-calendar.js';
import { forbidden } from '../../../platform/errors.js';
import { likePattern, type Page, pageWindow } from '../../../platform/http/schemas.js';
import { agencies } from '../../organization/index.js';
import { agencyRefColumns } from '../db/queries.js';
import { activityRecords } from '../db/tables.js';
import { presentActivityRecord } from '../http/presenters.js';
import type { ActivityRecord, ActivityRecordListQuery } from '../http/registry.schemas.js';
import { addDays } from '../local-date.js';
import { canReadActivities } from '../policies.js';

/** Local midnight of `date` as an instant (the regency's time zone). */
const localMidnight = (date: string) =>
  new Date(
    Date.parse(`${date}T00:00:00Z`) - DEFAULT_WORKING_DAY.utcOffsetHours * 3_600_000,
  ).toISOString();

/**
 * The rekaman aktivitas of the Pusat Data (Tabanan 44/2022 Pasal 14 ayat (6) huruf d), newest
 * first: a Dinas record, read by the Dinas and the oversight roles.
 */
export async function findActivityRecords(
  ctx: Ctx,
  query: Static<typeof ActivityRecordListQuery>,
): Promise<Page<Static<typeof ActivityRecord>>> {
  if (!canReadActivities(ctx.actor)) throw forbidden();
  const { page, pageSize, offset } = pageWindow(query);
  const filters: (SQL | undefined)[] = [
    query.from ? gte(activityRecords.startedAt, localMidnight(query.from)) : undefined,
    query.to ? lt(activityRecords.startedAt, localMidnight(addDays(query.to, 1))) : undefined,
    query.agencyId ? eq(activityRecords.agencyId, query.agencyId) : undefined,
    query.deviceId
      ? sql`${activityRecords.deviceIds} @> ${JSON.stringify([query.deviceId])}::jsonb`
      : undefined,
    query.open ? isNull(activityRecords.endedAt) : undefined,
  ];
  if (query.q?.trim()) {
    const pattern = likePattern(query.q.trim());
    filters.push(
      or(
        ilike(activityRecords.personName, pattern),
        ilike(activityRecords.purpose, pattern),
        ilike(activityRecords.affiliation, pattern),
      ),
    );
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ record: activityRecords, agency: agencyRefColumns })
      .from(activityRecords)
      .leftJoin(agencies, eq(agencies.id, activityRecords.agencyId))
      .where(where)
      .orderBy(desc(activityRecords.startedAt), desc(activityRecords.id))
      .limit(pageSize)
      .offset(offset),
    ctx.db.select({ n: count() }).from(activityRecords).where(where),
  ]);
  return {
    items: rows.map((r) => presentActivityRecord(r.record, r.agency)),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
