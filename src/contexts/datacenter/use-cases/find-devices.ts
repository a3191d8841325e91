import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Static } from 'typebox';
import { type Ctx, readableAgencies } from '../../../platform/auth/actor.js';
import { likePattern, type Page, pageWindow } from '../../../platform/http/schemas.js';
import { agencies } from '../../organization/index.js';
import { agencyRefColumns } from '../db/queries.js';
import { devices } from '../db/tables.js';
import { presentDevice } from '../http/presenters.js';
import type { Device, DeviceListQuery } from '../http/registry.schemas.js';

/**
 * The katalog perangkat (Tabanan 44/2022 Pasal 14 ayat (6) huruf b): all of it for the Dinas and
 * the oversight roles; an agency sees the devices it owns (its colocated servers).
 */
export async function findDevices(
  ctx: Ctx,
  query: Static<typeof DeviceListQuery>,
): Promise<Page<Static<typeof Device>>> {
  const { page, pageSize, offset } = pageWindow(query);
  const scope = readableAgencies(ctx.actor);
  const filters: (SQL | undefined)[] = [
    scope === 'all' ? undefined : inArray(devices.agencyId, scope),
    query.kind ? eq(devices.kind, query.kind) : undefined,
    query.status ? eq(devices.status, query.status) : undefined,
    query.agencyId ? eq(devices.agencyId, query.agencyId) : undefined,
  ];
  if (query.q?.trim()) {
    const pattern = likePattern(query.q.trim());
    filters.push(
      or(
        ilike(devices.name, pattern),
        ilike(devices.serialNumber, pattern),
        ilike(devices.brand, pattern),
        ilike(devices.model, pattern),
        ilike(devices.rack, pattern),
      ),
    );
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({ device: devices, agency: agencyRefColumns })
      .from(devices)
      .innerJoin(agencies, eq(agencies.id, devices.agencyId))
      .where(where)
      .orderBy(asc(devices.name), asc(devices.id))
      .limit(pageSize)
      .offset(offset),
    ctx.db.select({ n: count() }).from(devices).where(where),
  ]);
  return {
    items: rows.map((r) => presentDevice(r.device, r.agency)),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}
