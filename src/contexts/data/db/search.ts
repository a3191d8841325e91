import { and, inArray, not, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { type DatasetRow, loadOrganizations, type Organization } from './queries.js';
import { dataSearch, datasets } from './tables.js';

/** A query the portal and package_search share. Only published, public datasets are searched. */
export interface SearchFilter {
  field: FilterField;
  values: string[];
  negate: boolean;
  range?: { from: string | null; to: string | null };
}

export const FILTER_FIELDS = [
  'organization',
  'groups',
  'tags',
  'res_format',
  'license_id',
  'name',
  'id',
  'year',
  'metadata_modified',
  'metadata_created',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export const FACET_FIELDS = [
  'organization',
  'groups',
  'tags',
  'res_format',
  'license_id',
  'year',
] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export interface SortKey {
  field: 'score' | 'id' | 'name' | 'title' | 'metadata_modified' | 'metadata_created';
  desc: boolean;
}

export interface SearchQuery {
  text: string;
  filters: SearchFilter[];
  sort: SortKey[];
  rows: number;
  start: number;
  facetFields: FacetField[];
  facetLimit: number;
}

export interface SearchResult {
  count: number;
  rows: DatasetRow[];
  facets: Record<string, { value: string; count: number }[]>;
  organizations: Organization[];
}

/** A search term string as `websearch_to_tsquery` reads it, with the indonesian stemmer. */
const tsQuery = (text: string) => sql`websearch_to_tsquery('indonesian', ${text})`;

function filterSql(filter: SearchFilter, orgs: Organization[]): SQL {
  const values = filter.values;
  const s = dataSearch;
  let condition: SQL;
  switch (filter.field) {
    case 'organization': {
      const ids = orgs
        .filter((o) => values.includes(o.name) || values.includes(o.id))
        .map((o) => o.id);
      condition = ids.length ? inArray(s.agencyId, ids) : sql`false`;
      break;
    }
    case 'groups':
      condition = inArray(s.topic, values);
      break;
    case 'tags':
      condition = sql`${s.tags} && ${sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`}`;
      break;
    case 'res_format':
      condition = sql`${s.formats} && ${sql`ARRAY[${sql.join(
        values.map((v) => sql`${v.toUpperCase()}`),
        sql`, `,
      )}]::text[]`}`;
      break;
    case 'license_id':
      condition = inArray(s.licenseId, values);
      break;
    case 'name':
      condition = inArray(s.name, values);
      break;
    case 'id': {
      const uuids = values.filter((v) => /^[0-9a-f-]{36}$/i.test(v));
      condition = uuids.length ? inArray(s.datasetId, uuids) : sql`false`;
      break;
    }
    case 'year': {
      const years = values.map(Number).filter(Number.isInteger);
      condition = years.length ? inArray(s.year, years) : sql`false`;
      break;
    }
    case 'metadata_modified':
    case 'metadata_created': {
      const column = filter.field === 'metadata_modified' ? s.updatedAt : s.createdAt;
      const parts: SQL[] = [];
      if (filter.range?.from) parts.push(sql`${column} >= ${filter.range.from}`);
      if (filter.range?.to) parts.push(sql`${column} <= ${filter.range.to}`);
      condition = parts.length ? (and(...parts) as SQL) : sql`true`;
      break;
    }
  }
  return filter.negate ? not(condition) : condition;
}

function orderSql(sort: SortKey[], hasText: boolean, text: string): SQL[] {
  const out: SQL[] = [];
  for (const key of sort) {
    const dir = key.desc ? sql`desc` : sql`asc`;
    if (key.field === 'score') {
      if (hasText) out.push(sql`ts_rank(${dataSearch.search}, ${tsQuery(text)}) ${dir}`);
      continue;
    }
    const column = {
      id: dataSearch.datasetId,
      name: dataSearch.name,
      title: dataSearch.title,
      metadata_modified: dataSearch.updatedAt,
      metadata_created: dataSearch.createdAt,
    }[key.field];
    out.push(sql`${column} ${dir}`);
  }
  // A total order, so paging with start/rows returns every dataset exactly once.
  out.push(sql`${dataSearch.datasetId} asc`);
  return out;
}

type AggregateRow = { f: string; v: string | null; n: number };
const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? (result as T[]);

/**
 * Facet counts of the whole catalogue (no text, no filter) change only when a dataset enters,
 * leaves or changes in `data_search`; they are cached per database, keyed by the catalogue's
 * version (row count and newest metadata_modified, read from the narrow table's index).
 */
const unfilteredCache = new WeakMap<object, { key: string; rows: AggregateRow[] }>();

async function aggregate(
  db: Executor,
  where: SQL | undefined,
  facetFields: FacetField[],
  cacheable: boolean,
): Promise<AggregateRow[]> {
  let key = '';
  if (cacheable) {
    const [version] = rowsOf<{ n: number; m: string | null }>(
      await db.execute(
        sql`select count(*)::int as n, max(updated_at)::text as m from ${dataSearch}`,
      ),
    );
    key = `${version?.n}|${version?.m}|${facetFields.join(',')}`;
    const hit = unfilteredCache.get(db);
    if (hit?.key === key) return hit.rows;
  }
  // The count and every facet in one statement: the matching narrow rows are read once (a
  // materialised CTE), then grouped per facet.
  const facetSql: Record<FacetField, SQL> = {
    organization: sql`select 'organization' as f, agency_id::text as v, count(*)::int as n from matched group by 2`,
    groups: sql`select 'groups', topic, count(*)::int from matched group by 2`,
    tags: sql`select 'tags', t, count(*)::int from matched, unnest(tags) t group by 2`,
    res_format: sql`select 'res_format', t, count(*)::int from matched, unnest(formats) t group by 2`,
    license_id: sql`select 'license_id', license_id, count(*)::int from matched group by 2`,
    year: sql`select 'year', year::text, count(*)::int from matched where year is not null group by 2`,
  };
  const parts = [
    sql`select '' as f, null::text as v, count(*)::int as n from matched`,
    ...facetFields.map((f) => facetSql[f]),
  ];
  const rows = rowsOf<AggregateRow>(
    await db.execute(
      sql`with matched as materialized (
          select agency_id, topic, tags, formats, license_id, year
          from ${dataSearch} ${where ? sql`where ${where}` : sql``})
        ${sql.join(parts, sql` union all `)}`,
    ),
  );
  if (cacheable) unfilteredCache.set(db, { key, rows });
  return rows;
}

export async function searchDatasets(db: Executor, query: SearchQuery): Promise<SearchResult> {
  const organizations = await loadOrganizations(db);
  const text = query.text.trim();
  // Only published, public datasets have a row in data_search.
  const conditions: SQL[] = query.filters.map((f) => filterSql(f, organizations));
  if (text) conditions.push(sql`${dataSearch.search} @@ ${tsQuery(text)}`);
  const where = conditions.length ? and(...conditions) : undefined;

  const limit = query.facetLimit < 0 ? 10_000 : query.facetLimit;
  const aggregateRows = await aggregate(db, where, query.facetFields, conditions.length === 0);
  const total = aggregateRows.find((r) => r.f === '')?.n ?? 0;
  let rows: DatasetRow[] = [];
  if (query.rows > 0 && total > query.start) {
    // The page is chosen on the narrow table; only its rows are read from `datasets`.
    const ids = (
      await db
        .select({ id: dataSearch.datasetId })
        .from(dataSearch)
        .where(where)
        .orderBy(...orderSql(query.sort, text !== '', text))
        .limit(query.rows)
        .offset(query.start)
    ).map((r) => r.id);
    if (ids.length) {
      const byId = new Map(
        (await db.select().from(datasets).where(inArray(datasets.id, ids))).map((d) => [d.id, d]),
      );
      rows = ids.map((id) => byId.get(id)).filter((d): d is DatasetRow => d !== undefined);
    }
  }

  const facets: SearchResult['facets'] = {};
  for (const field of query.facetFields) {
    facets[field] = aggregateRows
      .filter((r) => r.f === field && r.v !== null)
      .sort((a, b) => b.n - a.n || String(a.v).localeCompare(String(b.v)))
      .slice(0, limit)
      .map((r) => ({
        value:
          field === 'organization'
            ? (organizations.find((o) => o.id === r.v)?.name ?? String(r.v))
            : String(r.v),
        count: Number(r.n),
      }));
  }
  return { count: Number(total), rows, facets, organizations };
}

export class SearchQueryError extends Error {}

const TERM =
  /([+-]?)([a-z_]+):(\[[^\]]*\]|\{[^}]*\}|\([^)]*\)|"(?:[^"\\]|\\.)*"|[^\s()]+)|(\bAND\b|\bOR\b|&&|\|\|)|(\S+)/g;

const unquote = (v: string) =>
  v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;

/** Solr date math Simpul understands: an ISO date or datetime (with or without Z), `*`, NOW. */
function solrDate(value: string): string | null {
  const v = value.trim();
  if (v === '*') return null;
  if (v === 'NOW') return new Date().toISOString();
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?)?$/.exec(v);
  if (!iso) throw new SearchQueryError(`invalid date "${v}"`);
  const date = new Date(v.length === 10 ? `${v}T00:00:00Z` : v.endsWith('Z') ? v : `${v}Z`);
  if (Number.isNaN(date.getTime())) throw new SearchQueryError(`invalid date "${v}"`);
  return date.toISOString();
}

/**
 * Parses the filter syntax harvesters send in `fq` (and in `q`): `field:value`, `field:"a b"`,
 * `-field:value`, `field:(a OR b)`, `a:x OR a:y` on one field, and `metadata_modified:[from TO
 * to]`. Free text that is not a `field:value` term is returned as text. Anything Simpul cannot
 * honour faithfully is a SearchQueryError (CKAN's "Search Query Error", 400).
 */
export function parseFilters(
  input: string,
  allowText: boolean,
): { filters: SearchFilter[]; text: string } {
  const filters: SearchFilter[] = [];
  const words: string[] = [];
  let pendingOr = false;
  for (const m of input.matchAll(TERM)) {
    const [, sign, field, rawValue, operator, word] = m;
    if (operator) {
      pendingOr = operator === 'OR' || operator === '||';
      continue;
    }
    if (word !== undefined) {
      if (word === '*:*') continue;
      if (!allowText) throw new SearchQueryError(`cannot parse "${word}"`);
      words.push(word);
      continue;
    }
    if (!field || rawValue === undefined) continue;
    if (!(FILTER_FIELDS as readonly string[]).includes(field)) {
      if (allowText && !/^[+-]/.test(sign ?? '')) {
        words.push(m[0]);
        continue;
      }
      throw new SearchQueryError(`unknown field "${field}"`);
    }
    const negate = sign === '-';
    let filter: SearchFilter;
    if (/^[[{]/.test(rawValue)) {
      const [from, to, extra] = rawValue.slice(1, -1).split(/\s+TO\s+/);
      if (from === undefined || to === undefined || extra !== undefined) {
        throw new SearchQueryError(`invalid range ${rawValue}`);
      }
      filter = {
        field: field as FilterField,
        values: [],
        negate,
        range: { from: solrDate(from), to: solrDate(to) },
      };
      if (!field.startsWith('metadata_')) throw new SearchQueryError(`no range on "${field}"`);
    } else if (rawValue.startsWith('(')) {
      const values = rawValue
        .slice(1, -1)
        .split(/\s+OR\s+/)
        .map((v) => unquote(v.trim()))
        .filter(Boolean);
      filter = { field: field as FilterField, values, negate };
    } else {
      filter = { field: field as FilterField, values: [unquote(rawValue)], negate };
    }
    const previous = filters.at(-1);
    if (pendingOr) {
      if (
        !previous ||
        previous.field !== filter.field ||
        previous.negate ||
        negate ||
        filter.range
      ) {
        throw new SearchQueryError('OR is supported only between values of one field');
      }
      previous.values.push(...filter.values);
    } else {
      filters.push(filter);
    }
    pendingOr = false;
  }
  return { filters, text: words.join(' ') };
}
