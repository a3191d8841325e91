import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import {
  type DatasetRow,
  findDatasetByName,
  findResources,
  loadOrganizations,
  type ResourceRow,
} from './db/queries.js';
import { dataResources, dataRows, datasets } from './db/tables.js';

/** Only what the walidata published and classified public is ever shown outside the console. */
export const isPublic = (d: DatasetRow | undefined): d is DatasetRow =>
  !!d && d.state === 'published' && d.classification === 'public';

export async function findPublicDataset(db: Executor, nameOrId: string) {
  let dataset = await findDatasetByName(db, nameOrId);
  if (!dataset && /^[0-9a-f-]{36}$/i.test(nameOrId)) {
    [dataset] = await db.select().from(datasets).where(eq(datasets.id, nameOrId));
  }
  if (!isPublic(dataset)) return null;
  const resources = await findResources(db, [dataset.id]);
  const orgs = await loadOrganizations(db);
  return { dataset, resources, organization: orgs.find((o) => o.id === dataset.agencyId) ?? null };
}

export async function findPublicResource(db: Executor, resourceId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(resourceId)) return null;
  const [row] = await db
    .select({ r: dataResources, d: datasets })
    .from(dataResources)
    .innerJoin(datasets, eq(datasets.id, dataResources.datasetId))
    .where(eq(dataResources.id, resourceId));
  if (!row || !isPublic(row.d)) return null;
  return { resource: row.r, dataset: row.d };
}

export interface RowQuery {
  filters: Record<string, string>;
  limit: number;
  offset: number;
  sort?: { column: string; desc: boolean };
}

/**
 * Rows of a table resource for the preview, the data API and exports: equality filters on
 * columns of its schema (compared as text), stable order by line, limit/offset.
 */
export async function findRows(db: Executor, resource: ResourceRow, query: RowQuery) {
  const columns = fieldNames(resource);
  const conditions: SQL[] = [eq(dataRows.resourceId, resource.id)];
  for (const [column, value] of Object.entries(query.filters)) {
    conditions.push(sql`${dataRows.data} ->> ${column} = ${value}`);
  }
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(dataRows).where(where);
  const order =
    query.sort && columns.includes(query.sort.column)
      ? [
          sql`${dataRows.data} -> ${query.sort.column} ${query.sort.desc ? sql`desc` : sql`asc`}`,
          asc(dataRows.rowNo),
        ]
      : [asc(dataRows.rowNo)];
  const rows = await db
    .select({ data: dataRows.data })
    .from(dataRows)
    .where(where)
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset);
  return { total: total?.n ?? 0, columns, records: rows.map((r) => r.data) };
}

export function fieldNames(resource: ResourceRow): string[] {
  const schema = resource.tableSchema as { fields?: { name: string }[] } | null;
  return schema?.fields?.map((f) => f.name) ?? [];
}
