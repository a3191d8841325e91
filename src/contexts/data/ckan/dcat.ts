import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import type { App } from '../../../platform/http/server.js';
import { findResources, type Organization } from '../db/queries.js';
import { searchDatasets } from '../db/search.js';
import { FREQUENCIES, LICENSES, TOPICS } from '../vocabulary.js';
import { resourceDownloadUrl } from './package.js';

const PER_PAGE = 100;
const MEDIA: Record<string, string> = {
  CSV: 'text/csv',
  JSON: 'application/json',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

interface Node {
  [key: string]: unknown;
}

/**
 * The catalogue as DCAT-AP 3 (mandatory properties per SEMICeu shapes, open-data.md §1.5),
 * paged like ckanext-dcat: 100 datasets per page, `page`, `modified_since`, a Hydra
 * PagedCollection. Built as JSON-LD nodes and written as JSON-LD or Turtle.
 */
async function catalogGraph(db: Db, site: string, page: number, modifiedSince: string | null) {
  const result = await searchDatasets(db, {
    text: '',
    filters: modifiedSince
      ? [
          {
            field: 'metadata_modified',
            values: [],
            negate: false,
            range: { from: modifiedSince, to: null },
          },
        ]
      : [],
    sort: [{ field: 'metadata_modified', desc: true }],
    rows: PER_PAGE,
    start: (page - 1) * PER_PAGE,
    facetFields: [],
    facetLimit: 0,
  });
  const resources = await findResources(
    db,
    result.rows.map((d) => d.id),
  );
  const orgs = new Map<string, Organization>(result.organizations.map((o) => [o.id, o]));
  const catalogUri = `${site}/catalog`;
  const lastPage = Math.max(1, Math.ceil(result.count / PER_PAGE));
  const pageUrl = (n: number) =>
    `${site}/catalog.jsonld?page=${n}${modifiedSince ? `&modified_since=${encodeURIComponent(modifiedSince)}` : ''}`;
  const nodes: Node[] = [];
  const datasetNodes = result.rows.map((d) => {
    const uri = `${site}/dataset/${d.name}`;
    const org = orgs.get(d.agencyId);
    const dists = resources
      .filter((r) => r.datasetId === d.id)
      .map((r) => {
        const access = r.kind === 'table' ? resourceDownloadUrl(site, d, r) : (r.url ?? uri);
        const node: Node = {
          '@id': `${uri}/resource/${r.id}`,
          '@type': 'dcat:Distribution',
          'dct:title': r.name,
          'dct:description': r.description,
          'dcat:accessURL': { '@id': access },
          ...(r.kind === 'table' ? { 'dcat:downloadURL': { '@id': access } } : {}),
          'dct:format': r.format,
          ...(MEDIA[r.format] ? { 'dcat:mediaType': MEDIA[r.format] } : {}),
          ...(r.size !== null
            ? { 'dcat:byteSize': { '@value': String(r.size), '@type': 'xsd:nonNegativeInteger' } }
            : {}),
          'dct:license': { '@id': LICENSES[d.licenseId]?.url ?? d.licenseId },
        };
        nodes.push(node);
        return { '@id': node['@id'] };
      });
    if (org) {
      nodes.push({
        '@id': `${site}/organization/${org.name}`,
        '@type': 'foaf:Agent',
        'foaf:name': org.title,
      });
    }
    return {
      '@id': uri,
      '@type': 'dcat:Dataset',
      'dct:identifier': d.id,
      'dct:title': d.title,
      'dct:description': d.description || d.title,
      'dcat:keyword': d.tags,
      'dcat:theme': TOPICS[d.topic]?.id ?? d.topic,
      'dcat:landingPage': { '@id': uri },
      'dct:issued': {
        '@value': new Date(d.publishedAt ?? d.createdAt).toISOString(),
        '@type': 'xsd:dateTime',
      },
      'dct:modified': { '@value': new Date(d.updatedAt).toISOString(), '@type': 'xsd:dateTime' },
      ...(org ? { 'dct:publisher': { '@id': `${site}/organization/${org.name}` } } : {}),
      'dct:accrualPeriodicity': {
        '@id': `http://publications.europa.eu/resource/authority/frequency/${FREQUENCIES[d.frequency]?.iri ?? 'UNKNOWN'}`,
      },
      ...(d.temporalStart || d.temporalEnd
        ? {
            'dct:temporal': {
              '@type': 'dct:PeriodOfTime',
              ...(d.temporalStart
                ? { 'dcat:startDate': { '@value': d.temporalStart, '@type': 'xsd:date' } }
                : {}),
              ...(d.temporalEnd
                ? { 'dcat:endDate': { '@value': d.temporalEnd, '@type': 'xsd:date' } }
                : {}),
            },
          }
        : {}),
      ...(d.spatialCoverage ? { 'dct:spatial': d.spatialCoverage } : {}),
      ...(d.contactEmail
        ? {
            'dcat:contactPoint': {
              '@type': 'vcard:Organization',
              'vcard:fn': d.contactName || org?.title,
              'vcard:hasEmail': { '@id': `mailto:${d.contactEmail}` },
            },
          }
        : {}),
      'dcat:distribution': dists,
    };
  });
  const graph: Node[] = [
    {
      '@id': catalogUri,
      '@type': 'dcat:Catalog',
      'dct:title': 'Satu Data',
      'dct:description': 'Katalog Satu Data Pemerintah Kabupaten (Simpul)',
      'dct:publisher': { '@id': `${site}/#pemda` },
      'foaf:homepage': { '@id': `${site}/` },
      'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/IND' },
      'dcat:dataset': datasetNodes.map((d) => ({ '@id': d['@id'] })),
    },
    { '@id': `${site}/#pemda`, '@type': 'foaf:Agent', 'foaf:name': 'Pemerintah Daerah' },
    {
      '@id': pageUrl(page),
      '@type': 'hydra:PagedCollection',
      'hydra:totalItems': { '@value': String(result.count), '@type': 'xsd:integer' },
      'hydra:itemsPerPage': { '@value': String(PER_PAGE), '@type': 'xsd:integer' },
      'hydra:firstPage': pageUrl(1),
      'hydra:lastPage': pageUrl(lastPage),
      ...(page < lastPage ? { 'hydra:nextPage': pageUrl(page + 1) } : {}),
      ...(page > 1 ? { 'hydra:previousPage': pageUrl(page - 1) } : {}),
    },
    ...datasetNodes,
    ...nodes.filter((n, i) => nodes.findIndex((m) => m['@id'] === n['@id']) === i),
  ];
  return graph;
}

export const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const ttlString = (s: string) =>
  `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
const ttlIri = (iri: string) => `<${iri.replace(/[<>"{}|^`\\\s]/g, (c) => encodeURIComponent(c))}>`;

function ttlValue(value: unknown): string {
  if (typeof value === 'string') return ttlString(value);
  const v = value as Node;
  if (v['@id']) return ttlIri(String(v['@id']));
  if (v['@value'] !== undefined) return `${ttlString(String(v['@value']))}^^${v['@type']}`;
  // A blank node.
  const props = Object.entries(v)
    .map(([k, val]) => (k === '@type' ? `a ${val}` : `${k} ${ttlValues(val)}`))
    .join(' ; ');
  return `[ ${props} ]`;
}
const ttlValues = (value: unknown) =>
  Array.isArray(value) ? value.map(ttlValue).join(', ') : ttlValue(value);

/** Turtle for the graph: the prefixes, then one block per node. */
export function toTurtle(graph: Node[]): string {
  const out = Object.entries(CONTEXT).map(([p, iri]) => `@prefix ${p}: <${iri}> .`);
  for (const node of graph) {
    const props = Object.entries(node).filter(
      ([k, v]) => k !== '@id' && !(Array.isArray(v) && v.length === 0),
    );
    out.push(
      `\n${ttlIri(String(node['@id']))}\n    ${props
        .map(([k, v]) => (k === '@type' ? `a ${v}` : `${k} ${ttlValues(v)}`))
        .join(' ;\n    ')} .`,
    );
  }
  return `${out.join('\n')}\n`;
}

export function dcatRoutes(app: App, config: Config) {
  const options = { config: { public: true }, schema: { hide: true } };
  const read = async (request: FastifyRequest) => {
    const q = request.query as { page?: string; modified_since?: string };
    const page = q.page === undefined ? 1 : Number(q.page);
    if (!Number.isInteger(page) || page < 1 || page > 100_000) return { error: 'page' as const };
    let since: string | null = null;
    if (q.modified_since) {
      const date = new Date(q.modified_since);
      if (Number.isNaN(date.getTime())) return { error: 'modified_since' as const };
      since = date.toISOString();
    }
    return { graph: await catalogGraph(request.ctx.db as Db, config.publicUrl, page, since) };
  };
  const bad = (reply: FastifyReply, field: string) =>
    reply
      .code(400)
      .type('application/json')
      .send({ error: `Invalid ${field}` });
  app.get('/catalog.jsonld', options, async (request, reply) => {
    const r = await read(request);
    if ('error' in r) return bad(reply, r.error ?? '');
    return reply.type('application/ld+json').send({ '@context': CONTEXT, '@graph': r.graph });
  });
  app.get('/catalog.ttl', options, async (request, reply) => {
    const r = await read(request);
    if ('error' in r) return bad(reply, r.error ?? '');
    return reply.type('text/turtle; charset=utf-8').send(toTurtle(r.graph));
  });
}
