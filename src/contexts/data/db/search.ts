import { and, eq, inArray, not, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.js';
import { type DatasetRow, loadOrganizations, type Organization } from './queries.js';
import { datasets } from './tables.js';

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
  let condition: SQL;
  switch (filter.field) {
    case 'organization': {
      const ids = orgs
        .filter((o) => values.includes(o.name) || values.includes(o.id))
        .map((o) => o.id);
      condition = ids.length ? inArray(datasets.agencyId, ids) : sql`false`;
      break;
    }
    case 'groups':
      condition = inArray(datasets.topic, values);
      break;
    case 'tags':
      condition = sql`${datasets.tags} && ${sql`ARRAY[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`}`;
      break;
    case 'res_format':
      condition = sql`${datasets.formats} && ${sql`ARRAY[${sql.join(
        values.map((v) => sql`${v.toUpperCase()}`),
        sql`, `,
      )}]::text[]`}`;
      break;
    case 'license_id':
      condition = inArray(datasets.licenseId, values);
      break;
    case 'name':
      condition = inArray(datasets.name, values);
      break;
    case 'id': {
      const uuids = values.filter((v) => /^[0-9a-f-]{36}$/i.test(v));
      condition = uuids.length ? inArray(datasets.id, uuids) : sql`false`;
      break;
    }
    case 'year': {
      const years = values.map(Number).filter(Number.isInteger);
      condition = years.length ? inArray(datasets.year, years) : sql`false`;
      break;
    }
    case 'metadata_modified':
    case 'metadata_created': {
      const column = filter.field === 'metadata_modified' ? datasets.updatedAt : datasets.createdAt;
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
      if (hasText) out.push(sql`ts_rank(${datasets.search}, ${tsQuery(text)}) ${dir}`);
      continue;
    }
    const column = {
      id: datasets.id,
      name: datasets.name,
      title: datasets.title,
      metadata_modified: datasets.updatedAt,
      metadata_created: datasets.createdAt,
    }[key.field];
    out.push(sql`${column} ${dir}`);
  }
  // A total order, so paging with start/rows returns every dataset exactly once.
  out.push(sql`${datasets.id} asc`);
  return out;
}

export async function searchDatasets(db: Executor, query: SearchQuery): Promise<SearchResult> {
  const organizations = await loadOrganizations(db);
  const text = query.text.trim();
  const conditions: SQL[] = [
    eq(datasets.state, 'published'),
    eq(datasets.classification, 'public'),
    ...query.filters.map((f) => filterSql(f, organizations)),
  ];
  if (text) conditions.push(sql`${datasets.search} @@ ${tsQuery(text)}`);
  const where = and(...conditions);

  // The count and every facet in one statement: the filtered set is read once (a CTE), then
  // grouped per facet; one round trip instead of one per facet.
  const limit = query.facetLimit < 0 ? 10_000 : query.facetLimit;
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
    ...query.facetFields.map((f) => facetSql[f]),
  ];
  const aggregate = await db.execute<{ f: string; v: string | null; n: number }>(
    sql`with matched as materialized (
          select ${datasets.agencyId} as agency_id, ${datasets.topic} as topic, ${datasets.tags} as tags,
                 ${datasets.formats} as formats, ${datasets.licenseId} as license_id, ${datasets.year} as year
          from ${datasets} where ${where})
        ${sql.join(parts, sql` union all `)}`,
  );
  const aggregateRows =
    (aggregate as unknown as { rows?: { f: string; v: string | null; n: number }[] }).rows ??
    (aggregate as unknown as { f: string; v: string | null; n: number }[]);
  const total = aggregateRows.find((r) => r.f === '')?.n ?? 0;
  const rows =
    query.rows > 0
      ? await db
          .select()
          .from(datasets)
          .where(where)
          .orderBy(...orderSql(query.sort, text !== '', text))
          .limit(query.rows)
          .offset(query.start)
      : [];

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
