import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/config.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import { attachmentDisposition } from '../../../platform/files/file-name.js';
import type { App } from '../../../platform/http/server.js';
import type { Lang } from '../../../platform/i18n/messages.js';
import { findResources, qualityOf, type ResourceRow } from '../db/queries.js';
import { FACET_FIELDS, type SearchFilter, searchDatasets } from '../db/search.js';
import { fieldNames, findPublicDataset, findPublicResource, findRows } from '../public-data.js';
import { toCsv, toXlsx } from '../tabular/export-table.js';
import { MAX_ROWS } from '../tabular/parse-table.js';
import { requestDataset } from '../use-cases/request-dataset.js';
import { FREQUENCIES, LICENSES, TOPICS } from '../vocabulary.js';
import { esc, layout, qs } from './html.js';

type Words = Record<string, [string, string]>;
const WORDS: Words = {
  search: ['Cari data', 'Search data'],
  datasets: ['dataset', 'datasets'],
  organization: ['Perangkat Daerah', 'Agency'],
  groups: ['Topik', 'Topic'],
  res_format: ['Format', 'Format'],
  tags: ['Kata kunci', 'Tag'],
  year: ['Tahun', 'Year'],
  noResults: ['Tidak ada dataset yang cocok.', 'No dataset matches.'],
  quality: ['Skor kualitas metadata', 'Metadata quality score'],
  resources: ['Sumber data', 'Resources'],
  preview: ['Pratinjau tabel', 'Table preview'],
  chart: ['Grafik', 'Chart'],
  download: ['Unduh', 'Download'],
  original: ['berkas asli', 'original file'],
  dataApi: ['API data', 'Data API'],
  previous: ['Sebelumnya', 'Previous'],
  next: ['Berikutnya', 'Next'],
  page: ['Halaman', 'Page'],
  rows: ['baris', 'rows'],
  request: ['Minta dataset', 'Request a dataset'],
  requestIntro: [
    'Tidak menemukan data yang Anda perlukan? Sampaikan permintaan kepada walidata.',
    'Cannot find the data you need? Ask the walidata.',
  ],
  name: ['Nama', 'Name'],
  email: ['Email', 'Email'],
  title: ['Judul data', 'Data title'],
  description: ['Keterangan', 'Description'],
  send: ['Kirim', 'Send'],
  thanks: [
    'Terima kasih. Permintaan Anda sudah diterima.',
    'Thank you. Your request has been received.',
  ],
  frequency: ['Frekuensi', 'Frequency'],
  temporal: ['Cakupan waktu', 'Temporal coverage'],
  spatial: ['Cakupan wilayah', 'Spatial coverage'],
  license: ['Lisensi', 'Licence'],
  contact: ['Kontak', 'Contact'],
  standard: ['Standar Data', 'Data standard'],
  modified: ['Diperbarui', 'Modified'],
};
const w = (lang: Lang, key: string) => (WORDS[key] as [string, string])[lang === 'id' ? 0 : 1];

const PAGE_SIZE = 20;
const PREVIEW_ROWS = 25;

function html(reply: FastifyReply, body: string, status = 200) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(body);
}

async function searchPage(
  db: Db,
  lang: Lang,
  query: Record<string, string | string[] | undefined>,
) {
  const one = (k: string) => {
    const v = query[k];
    return (Array.isArray(v) ? v[0] : v)?.slice(0, 200);
  };
  const page = Math.max(1, Math.min(Number(one('page')) || 1, 10_000));
  const filters: SearchFilter[] = [];
  for (const field of FACET_FIELDS) {
    const value = one(field);
    if (value) filters.push({ field, values: [value], negate: false });
  }
  const text = one('q') ?? '';
  const result = await searchDatasets(db, {
    text,
    filters,
    sort: text
      ? [
          { field: 'score', desc: true },
          { field: 'metadata_modified', desc: true },
        ]
      : [{ field: 'metadata_modified', desc: true }],
    rows: PAGE_SIZE,
    start: (page - 1) * PAGE_SIZE,
    facetFields: [...FACET_FIELDS].filter((f) => f !== 'license_id'),
    facetLimit: 10,
  });
  const current = Object.fromEntries(['q', ...FACET_FIELDS].map((k) => [k, one(k)])) as Record<
    string,
    string | undefined
  >;
  const orgTitle = (name: string) =>
    result.organizations.find((o) => o.name === name)?.title ?? name;
  const label = (field: string, value: string) =>
    field === 'organization'
      ? orgTitle(value)
      : field === 'groups'
        ? (TOPICS[value]?.[lang] ?? value)
        : value;
  const facetHtml = Object.entries(result.facets)
    .map(
      ([field, items]) =>
        `<div class="facet"><h3>${esc(w(lang, field))}</h3><ul>${items
          .map((i) => {
            const active = current[field] === i.value;
            const href = `/dataset${qs({ ...current, [field]: active ? undefined : i.value, page: undefined })}`;
            return `<li><a href="${esc(href)}">${active ? '✓ ' : ''}${esc(label(field, i.value))}</a> <span class="muted">(${i.count})</span></li>`;
          })
          .join('')}</ul></div>`,
    )
    .join('');
  const items = result.rows
    .map(
      (
        d,
      ) => `<div class="card"><h2 style="margin:0;font-size:1.1rem"><a href="/dataset/${esc(d.name)}">${esc(d.title)}</a></h2>
<div class="muted">${esc(result.organizations.find((o) => o.id === d.agencyId)?.title ?? '')} · ${esc(TOPICS[d.topic]?.[lang] ?? d.topic)} · ${esc(d.year ?? '')}</div>
<p style="margin:.4rem 0">${esc(d.description.slice(0, 240))}${d.description.length > 240 ? '…' : ''}</p>
<div>${d.formats.map((f) => `<span class="badge">${esc(f)}</span>`).join('')}</div></div>`,
    )
    .join('');
  const pages = Math.ceil(result.count / PAGE_SIZE);
  const nav = `<p>${page > 1 ? `<a href="${esc(`/dataset${qs({ ...current, page: page - 1 })}`)}">← ${w(lang, 'previous')}</a> ` : ''}${w(lang, 'page')} ${page} / ${Math.max(pages, 1)}${page < pages ? ` <a href="${esc(`/dataset${qs({ ...current, page: page + 1 })}`)}">${w(lang, 'next')} →</a>` : ''}</p>`;
  const body = `<h1>Satu Data</h1>
<form class="search" method="get" action="/dataset" role="search"><input type="text" name="q" value="${esc(text)}" aria-label="${w(lang, 'search')}" placeholder="${w(lang, 'search')}">${FACET_FIELDS.filter(
    (f) => current[f],
  )
    .map((f) => `<input type="hidden" name="${f}" value="${esc(current[f])}">`)
    .join('')}<button type="submit">${w(lang, 'search')}</button></form>
<div class="grid"><aside>${facetHtml}<p><a href="/dataset/request">${w(lang, 'request')}</a></p></aside>
<section><p class="muted" data-count="${result.count}">${result.count} ${w(lang, 'datasets')}</p>${items || `<p>${w(lang, 'noResults')}</p>`}${pages > 1 ? nav : ''}</section></div>`;
  return layout(
    lang,
    `Satu Data — ${text || w(lang, 'search')}`,
    body,
    '<link rel="alternate" type="application/ld+json" href="/catalog.jsonld">',
  );
}

/** A bar chart of the first numeric column against the first text column, as inline SVG (no script). */
function chartSvg(resource: ResourceRow, records: Record<string, unknown>[]): string {
  const fields =
    (resource.tableSchema as { fields?: { name: string; type?: string }[] })?.fields ?? [];
  const value = fields.find((f) => f.type === 'number' || f.type === 'integer');
  const label = fields.find((f) => (f.type ?? 'string') === 'string');
  if (!value || !label || records.length === 0) return '';
  const data = records
    .slice(0, 15)
    .map((r) => ({ label: String(r[label.name] ?? ''), value: Number(r[value.name] ?? 0) }));
  const max = Math.max(...data.map((d) => Math.abs(d.value)), 1);
  const rowH = 22;
  const bars = data
    .map((d, i) => {
      const width = Math.round((Math.abs(d.value) / max) * 420);
      return `<text x="0" y="${i * rowH + 15}" font-size="12">${esc(d.label.slice(0, 28))}</text><rect x="200" y="${i * rowH + 3}" width="${width}" height="16" fill="#1c4f82"></rect><text x="${205 + width}" y="${i * rowH + 15}" font-size="12">${esc(d.value.toLocaleString('id-ID'))}</text>`;
    })
    .join('');
  return `<svg role="img" aria-label="${esc(value.name)}" viewBox="0 0 720 ${data.length * rowH + 6}" width="100%">${bars}</svg><p class="muted">${esc(value.name)} / ${esc(label.name)}</p>`;
}

async function datasetPage(
  db: Db,
  lang: Lang,
  name: string,
  query: Record<string, string | undefined>,
) {
  const found = await findPublicDataset(db, name);
  if (!found) return null;
  const { dataset: d, resources, organization } = found;
  const quality = qualityOf(d, resources);
  const table = resources.find((r) => r.kind === 'table' && r.validation?.valid);
  let preview = '';
  if (table) {
    const page = Math.max(1, Math.min(Number(query.page) || 1, 100_000));
    const rows = await findRows(db, table, {
      filters: {},
      limit: PREVIEW_ROWS,
      offset: (page - 1) * PREVIEW_ROWS,
    });
    const pages = Math.ceil(rows.total / PREVIEW_ROWS);
    const firstRows =
      page === 1
        ? rows.records
        : (await findRows(db, table, { filters: {}, limit: 15, offset: 0 })).records;
    preview = `<div class="card"><h2>${w(lang, 'preview')}: ${esc(table.name)}</h2>
<div style="overflow-x:auto"><table><thead><tr>${rows.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows.records
      .map((r) => `<tr>${rows.columns.map((c) => `<td>${esc(r[c])}</td>`).join('')}</tr>`)
      .join('')}</tbody></table></div>
<p class="muted">${rows.total} ${w(lang, 'rows')} · ${w(lang, 'page')} ${page} / ${Math.max(pages, 1)}
${page > 1 ? `<a href="/dataset/${esc(d.name)}?page=${page - 1}">← ${w(lang, 'previous')}</a>` : ''}
${page < pages ? `<a href="/dataset/${esc(d.name)}?page=${page + 1}">${w(lang, 'next')} →</a>` : ''}</p></div>
<div class="card"><h2>${w(lang, 'chart')}</h2>${chartSvg(table, firstRows)}</div>`;
  }
  const resourceList = resources
    .map((r) => {
      const links =
        r.kind === 'table'
          ? `<a class="button" href="/dataset/${esc(d.name)}/resource/${r.id}/download/${esc(encodeURIComponent(r.fileName ?? 'data'))}">${w(lang, 'download')} ${esc(r.format)} (${w(lang, 'original')})</a>
 ${r.validation?.valid ? ['csv', 'xlsx', 'json'].map((f) => `<a class="button" href="/api/data/resource/${r.id}/export.${f}">${f.toUpperCase()}</a>`).join(' ') : ''}
 ${r.validation?.valid ? `<a href="/api/data/resource/${r.id}">${w(lang, 'dataApi')}</a>` : ''}`
          : `<a class="button" href="${esc(r.url)}" rel="nofollow noopener">${esc(r.format)}</a>`;
      return `<li style="margin-bottom:.75rem"><strong>${esc(r.name)}</strong> <span class="badge">${esc(r.format)}</span><br><span class="muted">${esc(r.description)}</span><br>${links}</li>`;
    })
    .join('');
  const s = d.standard;
  const body = `<p class="muted"><a href="/dataset">Satu Data</a> / ${esc(organization?.title ?? '')}</p>
<h1>${esc(d.title)}</h1>
<div class="grid"><aside>
<div class="card"><div class="muted">${w(lang, 'quality')}</div><div class="score" data-quality="${quality.score}">${quality.score}/100</div>
<ul class="muted">${Object.entries(quality.criteria)
    .map(([k, ok]) => `<li>${ok ? '✓' : '✗'} ${esc(k)}</li>`)
    .join('')}</ul></div>
<div class="card"><dl>
<dt>${w(lang, 'organization')}</dt><dd>${organization ? `<a href="/dataset${qs({ organization: organization.name })}">${esc(organization.title)}</a>` : ''}</dd>
<dt>${w(lang, 'groups')}</dt><dd>${esc(TOPICS[d.topic]?.[lang] ?? d.topic)}</dd>
<dt>${w(lang, 'frequency')}</dt><dd>${esc(FREQUENCIES[d.frequency]?.label[lang] ?? d.frequency)}</dd>
<dt>${w(lang, 'temporal')}</dt><dd>${esc(d.temporalStart ?? '')} – ${esc(d.temporalEnd ?? '')}</dd>
<dt>${w(lang, 'spatial')}</dt><dd>${esc(d.spatialCoverage)}</dd>
<dt>${w(lang, 'license')}</dt><dd><a href="${esc(LICENSES[d.licenseId]?.url ?? '#')}">${esc(LICENSES[d.licenseId]?.title ?? d.licenseId)}</a></dd>
<dt>${w(lang, 'contact')}</dt><dd>${esc(d.contactName)} ${d.contactEmail ? `&lt;${esc(d.contactEmail)}&gt;` : ''}</dd>
<dt>${w(lang, 'modified')}</dt><dd>${esc(new Date(d.updatedAt).toISOString().slice(0, 10))}</dd>
</dl><p>${d.tags.map((tag) => `<a class="badge" href="/dataset${qs({ tags: tag })}">${esc(tag)}</a>`).join('')}</p></div>
</aside><section>
<div class="card"><p style="white-space:pre-line">${esc(d.description)}</p></div>
<div class="card"><h2>${w(lang, 'standard')}</h2><dl><dt>Konsep</dt><dd>${esc(s.konsep)}</dd><dt>Definisi</dt><dd>${esc(s.definisi)}</dd><dt>Klasifikasi</dt><dd>${esc(s.klasifikasi)}</dd><dt>Ukuran</dt><dd>${esc(s.ukuran)}</dd><dt>Satuan</dt><dd>${esc(s.satuan)}</dd></dl></div>
<div class="card"><h2>${w(lang, 'resources')}</h2><ul style="list-style:none;padding:0">${resourceList}</ul></div>
${preview}
</section></div>`;
  return layout(
    lang,
    `${d.title} — Satu Data`,
    body,
    `<link rel="alternate" type="application/json" href="/api/3/action/package_show?id=${esc(d.name)}">`,
  );
}

function requestForm(lang: Lang, values: Record<string, string> = {}, error = '') {
  const field = (name: string, type: 'text' | 'email' | 'textarea') =>
    `<label for="${name}">${w(lang, name)}</label>${
      type === 'textarea'
        ? `<textarea id="${name}" name="${name}" rows="5" required>${esc(values[name])}</textarea>`
        : `<input id="${name}" type="${type}" name="${name}" value="${esc(values[name])}" required>`
    }`;
  return layout(
    lang,
    w(lang, 'request'),
    `<h1>${w(lang, 'request')}</h1><p>${w(lang, 'requestIntro')}</p>${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form class="card" method="post" action="/dataset/request">${field('name', 'text')}${field('email', 'email')}${field('title', 'text')}${field('description', 'textarea')}<p><button type="submit">${w(lang, 'send')}</button></p></form>`,
  );
}

const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * The public portal, rendered on the server so it reads without JavaScript: search with facets
 * (PostgreSQL full-text search, `indonesian`), dataset pages with metadata, quality score,
 * table preview and chart, downloads (the original file, byte for byte, and CSV/XLSX/JSON
 * exports with formula-like cells neutralised), the per-resource data API, and the
 * request-a-dataset form. Only published, public datasets exist here; anything else is a 404.
 */
export function portalRoutes(app: App, _config: Config) {
  const options = { config: { public: true }, schema: { hide: true } };
  const lang = (request: FastifyRequest) => request.ctx.lang;

  app.get('/dataset', options, async (request, reply) =>
    html(
      reply,
      await searchPage(
        request.ctx.db as Db,
        lang(request),
        request.query as Record<string, string>,
      ),
    ),
  );
  app.get('/dataset/request', options, async (request, reply) =>
    html(reply, requestForm(lang(request))),
  );
  app.get('/dataset/:name', options, async (request, reply) => {
    const { name } = request.params as { name: string };
    const page = await datasetPage(
      request.ctx.db as Db,
      lang(request),
      name,
      request.query as Record<string, string>,
    );
    if (!page) return html(reply, layout(lang(request), '404', '<h1>404</h1>'), 404);
    return html(reply, page);
  });
  app.get('/dataset/:name/resource/:resourceId/download/:file', options, async (request, reply) => {
    const { name, resourceId } = request.params as { name: string; resourceId: string };
    const found = await findPublicResource(request.ctx.db as Db, resourceId);
    if (!found || found.dataset.name !== name || !found.resource.fileSha256)
      throw new AppError('NOT_FOUND');
    const r = found.resource;
    const type =
      r.format === 'CSV'
        ? 'text/csv; charset=utf-8'
        : r.format === 'JSON'
          ? 'application/json; charset=utf-8'
          : EXPORT_TYPES.xlsx;
    return reply
      .type(type)
      .header('content-disposition', attachmentDisposition(r.fileName ?? 'data'))
      .header('x-content-type-options', 'nosniff')
      .send(await app.fileStore.read(r.fileSha256 as string));
  });

  const dataApi = async (
    request: FastifyRequest,
    reply: FastifyReply,
    format: keyof typeof EXPORT_TYPES | null,
  ) => {
    const { resourceId } = request.params as { resourceId: string };
    const found = await findPublicResource(request.ctx.db as Db, resourceId);
    if (found?.resource.kind !== 'table' || !found.resource.validation?.valid)
      throw new AppError('NOT_FOUND');
    const columns = fieldNames(found.resource);
    const q = request.query as Record<string, string | string[]>;
    const errors: { path: string; message: string }[] = [];
    const filters: Record<string, string> = {};
    let limit = format ? MAX_ROWS : 100;
    let offset = 0;
    let sort: { column: string; desc: boolean } | undefined;
    for (const [key, raw] of Object.entries(q)) {
      const value = Array.isArray(raw) ? (raw[0] ?? '') : raw;
      if (key === 'limit' || key === 'offset') {
        const n = Number(value);
        if (!/^\d+$/.test(value) || (key === 'limit' && (n < 1 || n > 1000))) {
          errors.push({
            path: `/${key}`,
            message: request.ctx.lang === 'id' ? 'Bilangan tidak valid.' : 'Invalid number.',
          });
        } else if (key === 'limit') limit = n;
        else offset = n;
      } else if (key === 'sort') {
        const column = value.replace(/^-/, '');
        if (!columns.includes(column)) errors.push({ path: '/sort', message: `? ${column}` });
        else sort = { column, desc: value.startsWith('-') };
      } else if (columns.includes(key)) filters[key] = value;
      else
        errors.push({
          path: `/${key}`,
          message:
            request.ctx.lang === 'id'
              ? `Kolom "${key}" tidak dikenal.`
              : `Unknown column "${key}".`,
        });
    }
    if (errors.length) throw new AppError('VALIDATION_FAILED', { errors });
    const rows = await findRows(request.ctx.db as Db, found.resource, {
      filters,
      limit,
      offset,
      sort,
    });
    reply.header('access-control-allow-origin', '*');
    if (!format) {
      return {
        resource_id: found.resource.id,
        fields: found.resource.tableSchema,
        total: rows.total,
        limit,
        offset,
        records: rows.records,
      };
    }
    const base = (found.resource.fileName ?? found.dataset.name).replace(/\.[a-z]+$/i, '');
    reply
      .type(EXPORT_TYPES[format])
      .header('content-disposition', attachmentDisposition(`${base}.${format}`));
    if (format === 'json') return reply.send(JSON.stringify(rows.records));
    if (format === 'csv') return reply.send(toCsv(columns, rows.records));
    return reply.send(await toXlsx(columns, rows.records, found.resource.name));
  };
  app.get('/api/data/resource/:resourceId', options, (request, reply) =>
    dataApi(request, reply, null),
  );
  app.get('/api/data/resource/:resourceId/export.:format', options, (request, reply) => {
    const { format } = request.params as { format: string };
    if (!(format in EXPORT_TYPES)) throw new AppError('NOT_FOUND');
    return dataApi(request, reply, format as keyof typeof EXPORT_TYPES);
  });

  // The request form posts as a plain HTML form (no script): parse urlencoded bodies here only.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 20_000 },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    scope.post('/dataset/request', options, async (request, reply) => {
      const values = (request.body ?? {}) as Record<string, string>;
      const input = {
        name: String(values.name ?? '').trim(),
        email: String(values.email ?? '').trim(),
        title: String(values.title ?? '').trim(),
        description: String(values.description ?? '').trim(),
      };
      const invalid =
        input.name.length < 2 ||
        input.name.length > 100 ||
        !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email) ||
        input.email.length > 200 ||
        input.title.length < 5 ||
        input.title.length > 200 ||
        input.description.length < 10 ||
        input.description.length > 5000;
      const l = lang(request);
      if (invalid) {
        return html(
          reply,
          requestForm(l, input, l === 'id' ? 'Periksa kembali isian formulir.' : 'Check the form.'),
          400,
        );
      }
      try {
        await requestDataset(request.ctx, input);
      } catch (error) {
        if (error instanceof AppError && error.code === 'RATE_LIMITED') {
          return html(
            reply.header('retry-after', '3600'),
            requestForm(
              l,
              input,
              w(l, 'thanks').length
                ? l === 'id'
                  ? 'Terlalu banyak permintaan. Coba lagi nanti.'
                  : 'Too many requests. Try again later.'
                : '',
            ),
            429,
          );
        }
        throw error;
      }
      return html(
        reply,
        layout(
          l,
          w(l, 'request'),
          `<h1>${w(l, 'request')}</h1><p role="status">${w(l, 'thanks')}</p><p><a href="/dataset">Satu Data</a></p>`,
        ),
        201,
      );
    });
  });
  void findResources;
}
