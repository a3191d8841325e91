import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { agencies } from '../../organization/index.js';
import { FREQUENCIES } from '../vocabulary.js';
import { dataResources, dataSearch, datasets, referenceCodes, referenceLists } from './tables.js';

export type DatasetRow = typeof datasets.$inferSelect;
export type ResourceRow = typeof dataResources.$inferSelect;

export async function findDatasetById(db: Executor, id: string, forUpdate = false) {
  const query = db.select().from(datasets).where(eq(datasets.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findDatasetByName(db: Executor, name: string) {
  const [row] = await db.select().from(datasets).where(eq(datasets.name, name));
  return row;
}

export async function findResources(db: Executor, datasetIds: string[]) {
  if (datasetIds.length === 0) return [];
  return db
    .select()
    .from(dataResources)
    .where(inArray(dataResources.datasetId, datasetIds))
    .orderBy(
      asc(dataResources.datasetId),
      asc(dataResources.position),
      asc(dataResources.createdAt),
    );
}

export interface Organization {
  id: string;
  /** CKAN-style slug of the agency's name; unique. */
  name: string;
  title: string;
  code: string;
  description: string;
  created: string;
}

export const slugify = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 90);

/** Every agency as a CKAN organization, with a stable slug (the name, or name + code when two clash). */
export async function loadOrganizations(db: Executor): Promise<Organization[]> {
  const rows = await db
    .select({
      id: agencies.id,
      code: agencies.code,
      name: agencies.name,
      createdAt: agencies.createdAt,
    })
    .from(agencies)
    .orderBy(asc(agencies.name), asc(agencies.code));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(slugify(r.name), (counts.get(slugify(r.name)) ?? 0) + 1);
  return rows.map((r) => {
    const base = slugify(r.name) || 'pd';
    return {
      id: r.id,
      name: (counts.get(base) ?? 0) > 1 ? `${base}-${slugify(r.code)}` : base,
      title: r.name,
      code: r.code,
      description: '',
      created: String(r.createdAt),
    };
  });
}

const OPEN_FORMATS = new Set(['CSV', 'JSON', 'XLSX', 'API']);

/**
 * The metadata quality score, 0–100, after udata's criteria (open-data.md §3.1): description,
 * licence, temporal and spatial coverage, update frequency and whether it is kept, open
 * formats, documented tables (data dictionary), Standar Data, tags.
 */
export function qualityOf(dataset: DatasetRow, resources: ResourceRow[]) {
  const s = dataset.standard;
  const periodDays: Record<string, number> = {
    harian: 2,
    mingguan: 10,
    bulanan: 40,
    triwulanan: 100,
    semesteran: 200,
    tahunan: 400,
  };
  const maxAge = periodDays[dataset.frequency];
  const ageDays = (Date.now() - new Date(dataset.updatedAt).getTime()) / 86_400_000;
  const criteria: Record<string, boolean> = {
    description: dataset.description.trim().length >= 100,
    license: Boolean(dataset.licenseId),
    temporalCoverage: Boolean(dataset.temporalStart || dataset.temporalEnd),
    spatialCoverage: dataset.spatialCoverage.trim() !== '',
    frequency: dataset.frequency in FREQUENCIES,
    upToDate: maxAge === undefined || ageDays <= maxAge,
    openFormat: resources.length > 0 && resources.some((r) => OPEN_FORMATS.has(r.format)),
    documented:
      resources.length > 0 &&
      resources.filter((r) => r.kind === 'table').every((r) => r.tableSchema !== null),
    standard: [s.konsep, s.definisi, s.klasifikasi, s.ukuran, s.satuan].every((v) => v?.trim()),
    tags: dataset.tags.length > 0,
  };
  const met = Object.values(criteria).filter(Boolean).length;
  return { score: Math.round((met / Object.keys(criteria).length) * 100), criteria };
}

/**
 * Recomputes what search and facets read (the `indonesian` tsvector, formats, year, quality)
 * and bumps metadata_modified; call after every change of a dataset or its resources.
 */
export async function refreshDatasetIndex(db: Executor, datasetId: string) {
  const dataset = await findDatasetById(db, datasetId);
  if (!dataset) return;
  const resources = await findResources(db, [datasetId]);
  const [agency] = await db
    .select({ name: agencies.name })
    .from(agencies)
    .where(eq(agencies.id, dataset.agencyId));
  const formats = [...new Set(resources.map((r) => r.format))].sort();
  const year = Number(
    (dataset.temporalEnd ?? dataset.temporalStart ?? dataset.createdAt).slice(0, 4),
  );
  const resourceText = resources.map((r) => `${r.name} ${r.description}`).join(' ');
  await db
    .update(datasets)
    .set({
      formats,
      year,
      qualityScore: qualityOf({ ...dataset, updatedAt: new Date().toISOString() }, resources).score,
      updatedAt: new Date().toISOString(),
      search: sql`setweight(to_tsvector('indonesian', ${dataset.title}), 'A')
        || setweight(to_tsvector('indonesian', ${dataset.tags.join(' ')}), 'A')
        || setweight(to_tsvector('indonesian', ${agency?.name ?? ''}), 'B')
        || setweight(to_tsvector('indonesian', ${dataset.description}), 'C')
        || setweight(to_tsvector('indonesian', ${resourceText}), 'D')`,
    })
    .where(eq(datasets.id, datasetId));
  // The narrow search row, in the same write: present exactly while the dataset is published
  // and public.
  await db.delete(dataSearch).where(eq(dataSearch.datasetId, datasetId));
  await db.execute(sql`insert into data_search
      (dataset_id, name, title, agency_id, topic, tags, formats, license_id, year, search, created_at, updated_at)
    select id, name, title, agency_id, topic, tags, formats, license_id, year, search, created_at, updated_at
    from datasets where id = ${datasetId} and state = 'published' and classification = 'public'`);
}

/** Codes of the lists a schema references: `ref:<code>` (newest version) or `ref:<code>@<version>`. */
export async function loadCodeLists(db: Executor, refs: string[]) {
  const result = new Map<string, Set<string>>();
  for (const ref of new Set(refs)) {
    const [code, version] = ref.slice(4).split('@');
    if (!code) continue;
    const lists = await db
      .select()
      .from(referenceLists)
      .where(eq(referenceLists.code, code))
      .orderBy(sql`${referenceLists.validFrom} desc, ${referenceLists.createdAt} desc`);
    const list = version ? lists.find((l) => l.version === version) : lists[0];
    if (!list) continue;
    const codes = await db
      .select({ code: referenceCodes.code })
      .from(referenceCodes)
      .where(eq(referenceCodes.listId, list.id));
    result.set(ref, new Set(codes.map((c) => c.code)));
  }
  return result;
}
