import { sql } from 'drizzle-orm';
import type { Static } from 'typebox';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import { DEFAULT_WORKING_DAY } from '../../../platform/calendar/working-calendar.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { t } from '../../../platform/i18n/messages.js';
import type { Usage, UsageQuery } from '../http/interop.schemas.js';

const DAY_MS = 86_400_000;
const offsetHours = DEFAULT_WORKING_DAY.utcOffsetHours;
const localDay = (d: Date) =>
  new Date(d.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 10);
const MAX_DAYS = 366;

/**
 * Usage of the Sistem Penghubung Layanan per API, consumer and local day, from the exchange log:
 * calls, errors (status ≥ 400, including the gateway's own refusals) and latency percentiles —
 * the usage report SPBE indicator 18 asks for. A provider agency sees the use of its APIs, a
 * consumer agency its own calls, the Dinas and oversight roles everything.
 */
export async function findUsage(
  ctx: Ctx,
  query: Static<typeof UsageQuery>,
): Promise<Static<typeof Usage>> {
  if (!ctx.actor) throw forbidden();
  const to = query.to ?? localDay(new Date());
  const from = query.from ?? localDay(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS));
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
  if (days < 0 || days > MAX_DAYS) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: '/from', message: t(ctx.lang, 'interop.usage.range') }],
    });
  }
  const scope = readableAgencies(ctx.actor);
  const tz = `${offsetHours >= 0 ? '+' : '-'}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
  // Bounds as instants: local midnight of `from` to local midnight after `to`.
  const start = new Date(Date.parse(`${from}T00:00:00${tz}`)).toISOString();
  const end = new Date(Date.parse(`${to}T00:00:00${tz}`) + DAY_MS).toISOString();
  const ids =
    scope === 'all'
      ? []
      : sql.join(
          scope.map((id) => sql`${id}::uuid`),
          sql`, `,
        );
  const scopeFilter =
    scope === 'all'
      ? sql`true`
      : scope.length
        ? sql`(a.agency_id in (${ids}) or c.agency_id in (${ids}))`
        : sql`false`;
  const result = await ctx.db.execute(sql`
    select to_char((r.started_at at time zone 'UTC') + make_interval(hours => ${offsetHours}), 'YYYY-MM-DD') as day,
           r.api_id, coalesce(a.name, '—') as api_name, coalesce(a.version, '') as api_version,
           r.consumer_id, coalesce(c.name, '—') as consumer_name,
           count(*)::int as calls,
           count(*) filter (where r.status >= 400)::int as errors,
           percentile_cont(0.5) within group (order by r.latency_ms) as p50,
           percentile_cont(0.95) within group (order by r.latency_ms) as p95,
           percentile_cont(0.99) within group (order by r.latency_ms) as p99
      from exchange_records r
      left join interop_apis a on a.id = r.api_id
      left join interop_consumers c on c.id = r.consumer_id
     where r.started_at >= ${start} and r.started_at < ${end}
       and ${scopeFilter}
       ${query.apiId ? sql`and r.api_id = ${query.apiId}` : sql``}
       ${query.consumerId ? sql`and r.consumer_id = ${query.consumerId}` : sql``}
     group by 1, r.api_id, a.name, a.version, r.consumer_id, c.name
     order by 1 desc, api_name, consumer_name`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    day: String(r.day),
    api: {
      id: (r.api_id as string | null) ?? null,
      name: String(r.api_name),
      version: String(r.api_version),
    },
    consumer: { id: (r.consumer_id as string | null) ?? null, name: String(r.consumer_name) },
    calls: Number(r.calls),
    errors: Number(r.errors),
    p50: Math.round(Number(r.p50) * 100) / 100,
    p95: Math.round(Number(r.p95) * 100) / 100,
    p99: Math.round(Number(r.p99) * 100) / 100,
  }));
  return {
    from,
    to,
    rows,
    totals: {
      calls: rows.reduce((n, r) => n + r.calls, 0),
      errors: rows.reduce((n, r) => n + r.errors, 0),
    },
  };
}
