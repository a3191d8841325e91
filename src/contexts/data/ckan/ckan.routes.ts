import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import type { App } from '../../../platform/http/server.js';
import { findResources, loadOrganizations, type Organization } from '../db/queries.js';
import {
  FACET_FIELDS,
  type FacetField,
  parseFilters,
  type SearchFilter,
  SearchQueryError,
  type SortKey,
  searchDatasets,
} from '../db/search.js';
import { datasets } from '../db/tables.js';
import { findPublicDataset, findPublicResource } from '../public-data.js';
import { LICENSES, TOPIC_KEYS } from '../vocabulary.js';
import {
  presentCkanResource,
  presentGroup,
  presentOrganization,
  presentPackage,
} from './package.js';

/** A CKAN error: the status and `error` object of ckan/views/api.py (open-data.md §1.2). */
class CkanError extends Error {
  constructor(
    readonly status: number,
    readonly error: Record<string, unknown>,
  ) {
    super(String(error.__type));
  }
}
const notFoundError = (what: string) =>
  new CkanError(404, { __type: 'Not Found Error', message: `Not found: ${what}` });
const validationError = (field: string, message: string) =>
  new CkanError(409, { __type: 'Validation Error', [field]: [message] });
const searchQueryError = (message: string) =>
  new CkanError(400, {
    __type: 'Search Query Error',
    message: `Search Query is invalid: ${message}`,
  });

type Params = Record<string, unknown>;
const str = (p: Params, key: string): string | undefined => {
  const v = p[key];
  const first = Array.isArray(v) ? v[0] : v;
  return first === undefined || first === null ? undefined : String(first);
};
function int(p: Params, key: string, fallback: number, max?: number): number {
  const raw = str(p, key);
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw validationError(key, 'Invalid integer');
  const n = Number(raw);
  if (n < 0 && key !== 'facet.limit') throw validationError(key, 'Must be a natural number');
  return max === undefined ? n : Math.min(n, max);
}
const bool = (p: Params, key: string, fallback: boolean) => {
  const raw = str(p, key);
  return raw === undefined ? fallback : ['true', '1', 'yes', 'True'].includes(raw);
};

const SORT_FIELDS: Record<string, SortKey['field']> = {
  score: 'score',
  id: 'id',
  name: 'name',
  title: 'title',
  title_string: 'title',
  metadata_modified: 'metadata_modified',
  metadata_created: 'metadata_created',
};

export function parseSort(raw: string | undefined): SortKey[] {
  const text = raw?.trim() || 'score desc, metadata_modified desc';
  return text.split(',').map((part) => {
    const [field, dir = 'asc', extra] = part.trim().split(/\s+/);
    const key = field ? SORT_FIELDS[field] : undefined;
    if (!key || extra !== undefined || !['asc', 'desc'].includes(dir)) {
      throw searchQueryError(`cannot sort by "${part.trim()}"`);
    }
    return { field: key, desc: dir === 'desc' };
  });
}

function facetFieldsOf(p: Params): FacetField[] {
  const raw = p['facet.field'];
  if (raw === undefined) return [];
  let list: unknown = raw;
  if (typeof raw === 'string') {
    try {
      list = JSON.parse(raw);
    } catch {
      throw validationError('facet.field', 'Could not parse as valid JSON');
    }
  }
  if (!Array.isArray(list) || !list.every((f) => typeof f === 'string')) {
    throw validationError('facet.field', 'Not a list');
  }
  for (const f of list) {
    if (!(FACET_FIELDS as readonly string[]).includes(f))
      throw searchQueryError(`cannot facet on "${f}"`);
  }
  return list as FacetField[];
}

async function packageSearch(db: Db, site: string, p: Params) {
  const filters: SearchFilter[] = [];
  let text = '';
  try {
    const q = parseFilters(str(p, 'q') ?? '', true);
    filters.push(...q.filters);
    text = q.text;
    const fqs = [str(p, 'fq') ?? '', ...(Array.isArray(p.fq_list) ? p.fq_list.map(String) : [])];
    for (const fq of fqs) filters.push(...parseFilters(fq, false).filters);
  } catch (error) {
    if (error instanceof SearchQueryError) throw searchQueryError(error.message);
    throw error;
  }
  const sortText = str(p, 'sort');
  const sort = parseSort(sortText);
  const facetFields = bool(p, 'facet', true) ? facetFieldsOf(p) : [];
  const result = await searchDatasets(db, {
    text,
    filters,
    sort,
    rows: int(p, 'rows', 10, 1000),
    start: int(p, 'start', 0),
    facetFields,
    facetLimit: int(p, 'facet.limit', 50),
  });
  const resources = await findResources(
    db,
    result.rows.map((d) => d.id),
  );
  const orgs = new Map(result.organizations.map((o) => [o.id, o]));
  const displayName = (field: string, value: string) =>
    field === 'organization'
      ? (result.organizations.find((o) => o.name === value)?.title ?? value)
      : field === 'groups'
        ? presentGroup(value).title
        : field === 'license_id'
          ? (LICENSES[value]?.title ?? value)
          : value;
  return {
    count: result.count,
    results: result.rows.map((d) =>
      presentPackage(
        site,
        d,
        resources.filter((r) => r.datasetId === d.id),
        orgs.get(d.agencyId),
      ),
    ),
    facets: Object.fromEntries(
      Object.entries(result.facets).map(([f, items]) => [
        f,
        Object.fromEntries(items.map((i) => [i.value, i.count])),
      ]),
    ),
    search_facets: Object.fromEntries(
      Object.entries(result.facets).map(([f, items]) => [
        f,
        {
          title: f,
          items: items
            .map((i) => ({ name: i.value, display_name: displayName(f, i.value), count: i.count }))
            .sort((a, b) => b.display_name.localeCompare(a.display_name)),
        },
      ]),
    ),
    sort: sortText ?? 'score desc, metadata_modified desc',
  };
}

async function publicCounts(db: Db, column: 'agency' | 'topic') {
  const col = column === 'agency' ? datasets.agencyId : datasets.topic;
  const rows = await db
    .select({ key: sql<string>`${col}::text`, n: sql<number>`count(*)::int` })
    .from(datasets)
    .where(and(eq(datasets.state, 'published'), eq(datasets.classification, 'public')))
    .groupBy(col);
  return new Map(rows.map((r) => [r.key, r.n]));
}

function listOf<T extends { name: string; title: string }>(
  items: T[],
  p: Params,
  counts: Map<string, number>,
  keyOf: (item: T) => string,
  filterKey: string,
) {
  const q = str(p, 'q')?.toLowerCase();
  const names = p[filterKey];
  const only =
    names === undefined
      ? null
      : (Array.isArray(names) ? names : String(names).split(',')).map(String);
  let list = items.filter(
    (i) =>
      (!q || i.name.includes(q) || i.title.toLowerCase().includes(q)) &&
      (!only || only.includes(i.name)),
  );
  const [field, dir = 'asc'] = (str(p, 'sort') ?? 'title asc').trim().split(/\s+/);
  if (!['name', 'title', 'package_count'].includes(field ?? '') || !['asc', 'desc'].includes(dir)) {
    throw validationError('sort', 'Invalid sort');
  }
  list = [...list].sort((a, b) => {
    const cmp =
      field === 'package_count'
        ? (counts.get(keyOf(a)) ?? 0) - (counts.get(keyOf(b)) ?? 0)
        : (field === 'name' ? a.name : a.title).localeCompare(field === 'name' ? b.name : b.title);
    return dir === 'desc' ? -cmp : cmp;
  });
  const allFields = bool(p, 'all_fields', false);
  const limit = int(p, 'limit', allFields ? 25 : 1000, allFields ? 25 : 1000);
  return { page: list.slice(int(p, 'offset', 0), int(p, 'offset', 0) + limit), allFields };
}

type Action = (db: Db, site: string, p: Params) => Promise<unknown>;

async function orgByIdOrName(db: Db, id: string | undefined): Promise<Organization> {
  const org = (await loadOrganizations(db)).find((o) => o.id === id || o.name === id);
  if (!org) throw notFoundError('Organization not found');
  return org;
}

const ACTIONS: Record<string, Action> = {
  package_search: packageSearch,
  package_show: async (db, site, p) => {
    const id = str(p, 'id') ?? str(p, 'name_or_id');
    if (!id) throw validationError('id', 'Missing value');
    const found = await findPublicDataset(db, id);
    if (!found) throw notFoundError('Dataset not found');
    return presentPackage(site, found.dataset, found.resources, found.organization ?? undefined);
  },
  package_list: async (db, _site, p) => {
    const rows = await db
      .select({ name: datasets.name })
      .from(datasets)
      .where(and(eq(datasets.state, 'published'), eq(datasets.classification, 'public')))
      .orderBy(datasets.name)
      .limit(int(p, 'limit', 1_000_000))
      .offset(int(p, 'offset', 0));
    return rows.map((r) => r.name);
  },
  current_package_list_with_resources: async (db, site, p) => {
    const limit = int(p, 'limit', 10, 1000);
    const page = int(p, 'page', 0);
    const offset =
      str(p, 'offset') !== undefined ? int(p, 'offset', 0) : page > 0 ? (page - 1) * limit : 0;
    const result = await packageSearch(db, site, {
      rows: String(limit),
      start: String(offset),
      sort: 'metadata_modified desc',
    });
    return result.results;
  },
  organization_list: async (db, _site, p) => {
    const counts = await publicCounts(db, 'agency');
    const { page, allFields } = listOf(
      await loadOrganizations(db),
      p,
      counts,
      (o) => o.id,
      'organizations',
    );
    return allFields
      ? page.map((o) =>
          presentOrganization(
            o,
            bool(p, 'include_dataset_count', true) ? (counts.get(o.id) ?? 0) : undefined,
          ),
        )
      : page.map((o) => o.name);
  },
  organization_show: async (db, site, p) => {
    const org = await orgByIdOrName(db, str(p, 'id'));
    const counts = await publicCounts(db, 'agency');
    const base = {
      ...presentOrganization(org, counts.get(org.id) ?? 0),
      extras: [],
      groups: [],
      users: [],
      num_followers: 0,
    };
    if (!bool(p, 'include_datasets', false)) return base;
    const found = await packageSearch(db, site, { fq: `organization:${org.name}`, rows: '10' });
    return { ...base, packages: found.results };
  },
  group_list: async (db, _site, p) => {
    const counts = await publicCounts(db, 'topic');
    const groups = TOPIC_KEYS.map((k) => ({ name: k, title: presentGroup(k).title }));
    const { page, allFields } = listOf(groups, p, counts, (g) => g.name, 'groups');
    return allFields
      ? page.map((g) =>
          presentGroup(
            g.name,
            bool(p, 'include_dataset_count', true) ? (counts.get(g.name) ?? 0) : undefined,
          ),
        )
      : page.map((g) => g.name);
  },
  group_show: async (db, site, p) => {
    const id = str(p, 'id');
    if (!id || !TOPIC_KEYS.includes(id)) throw notFoundError('Group not found');
    const counts = await publicCounts(db, 'topic');
    const base = {
      ...presentGroup(id, counts.get(id) ?? 0),
      extras: [],
      groups: [],
      users: [],
      num_followers: 0,
    };
    if (!bool(p, 'include_datasets', false)) return base;
    const found = await packageSearch(db, site, { fq: `groups:${id}`, rows: '1000' });
    return { ...base, packages: found.results };
  },
  tag_list: async (db, _site, p) => {
    const q = (str(p, 'query') ?? str(p, 'q') ?? '').toLowerCase();
    const rows = await db
      .selectDistinct({ tag: sql<string>`unnest(${datasets.tags})` })
      .from(datasets)
      .where(and(eq(datasets.state, 'published'), eq(datasets.classification, 'public')))
      .orderBy(sql`1`);
    const tags = rows.map((r) => r.tag).filter((t) => !q || t.includes(q));
    return bool(p, 'all_fields', false)
      ? tags.map((t) => ({ id: t, name: t, display_name: t, state: 'active', vocabulary_id: null }))
      : tags;
  },
  resource_show: async (db, site, p) => {
    const id = str(p, 'id');
    if (!id) throw validationError('id', 'Missing value');
    const found = await findPublicResource(db, id);
    if (!found) throw notFoundError('Resource was not found.');
    return presentCkanResource(site, found.dataset, found.resource);
  },
  license_list: async () =>
    Object.entries(LICENSES).map(([id, l]) => ({
      id,
      title: l.title,
      url: l.url,
      status: 'active',
      od_conformance: 'approved',
    })),
  status_show: async (_db, site) => ({
    site_title: 'Satu Data — Simpul',
    site_description: 'Portal Satu Data kabupaten (Simpul)',
    site_url: site,
    error_emails_to: null,
    locale_default: 'id',
    extensions: ['simpul-satudata', 'dcat'],
    ckan_version: '2.11.0',
  }),
};

/**
 * The read side of CKAN's Action API v3 (open-data.md §1), so ckanext-harvest, udata and the
 * national portal can harvest Simpul as they harvest CKAN: GET with query parameters or POST
 * with a JSON body, CKAN's envelope (`help`, `success`, `result` | `error`) and status codes.
 * Only published, public datasets exist here.
 */
export function ckanRoutes(app: App, config: Config) {
  const site = config.publicUrl;
  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const { action } = request.params as { action: string };
    const run = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
    if (!run) {
      return reply
        .code(400)
        .type('application/json')
        .send(JSON.stringify(`Bad request - Action name not known: ${action}`));
    }
    const params: Params = {
      ...(request.query as Params),
      ...(request.body && typeof request.body === 'object' ? (request.body as Params) : {}),
    };
    const help = `${site}/api/3/action/help_show?name=${action}`;
    reply.header('access-control-allow-origin', '*');
    try {
      const result = await run(request.ctx.db as Db, site, params);
      return reply.type('application/json; charset=utf-8').send({ help, success: true, result });
    } catch (error) {
      if (error instanceof CkanError) {
        return reply.code(error.status).send({ help, success: false, error: error.error });
      }
      request.log.error({ err: error }, 'CKAN action failed');
      return reply.code(500).send({
        help,
        success: false,
        error: { __type: 'Internal Server Error', message: 'Internal Server Error' },
      });
    }
  };
  const options = { config: { public: true }, schema: { tags: ['ckan'], hide: true } };
  for (const prefix of ['/api/3/action', '/api/action']) {
    app.get(`${prefix}/:action`, options, handle);
    app.post(`${prefix}/:action`, options, handle);
  }
  app.get('/api/3', options, async () => ({ version: 3 }));
}
