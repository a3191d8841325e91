#!/usr/bin/env node
// Portal and CKAN search benchmark: loads 20,000 realistic published datasets (30 agencies, ten
// topics, tags, one to two resources each) straight into a fresh database, then times
// `package_search` (a text query with four facets) and the server-rendered portal search page
// (text query, five facets), in process through the built app (dist/server), on embedded PGlite
// and, when a server answers, on PostgreSQL. Prints p50/p95 per driver; the last line is
// `package_search p95: N ms` for the driver a regency portal of this size runs on (PostgreSQL
// when available, otherwise PGlite).
//
//   npm run bench:portal                 build, then run (PGlite and PostgreSQL)
//   node bench/portal.mjs --no-pg        PGlite only
//   node bench/portal.mjs --datasets N   another catalogue size
//   node bench/portal.mjs --pg URL       PostgreSQL admin URL (default postgres://postgres@127.0.0.1:5432/postgres)

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';

const dist = new URL('../dist/server/', import.meta.url);
const { buildApp } = await import(new URL('app.js', dist).href);
const { openDatabase } = await import(new URL('platform/db/client.js', dist).href);
const { loadConfig } = await import(new URL('platform/config.js', dist).href);
const { createSecretBox } = await import(new URL('platform/crypto/secrets.js', dist).href);

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const DATASETS = Number(opt('--datasets', 20_000));
const PG_URL = opt('--pg', 'postgres://postgres@127.0.0.1:5432/postgres');
const WITH_PG = !args.includes('--no-pg');
const WARMUP = 15;
const ITERATIONS = 100;
const AIM_MS = 50;

const TERMS = [
  'penduduk',
  'sekolah dasar',
  'puskesmas',
  'jalan rusak',
  'kemiskinan',
  'padi',
  'wisatawan',
  'anggaran',
  'sampah',
  'kecamatan',
];
const FACETS = encodeURIComponent(JSON.stringify(['organization', 'groups', 'tags', 'res_format']));

/** 20,000 datasets in a few statements: titles from word lists, so the stemmer sees real Indonesian. */
async function load(db) {
  const stmt = (text) => db.execute(sql.raw(text));
  await stmt(`INSERT INTO agencies (code, name, kind)
    SELECT 'BENCH-' || g, (ARRAY['Dinas Kesehatan','Dinas Pendidikan','Dinas Sosial','Dinas Pertanian','Dinas Pariwisata','Dinas Pekerjaan Umum','Badan Perencanaan Pembangunan Daerah','Badan Pengelolaan Keuangan','Dinas Lingkungan Hidup','Dinas Perhubungan'])[1 + g % 10] || ' ' || g, 'dinas'
    FROM generate_series(1, 30) g`);
  await stmt(`INSERT INTO datasets (name, agency_id, title, description, topic, tags, frequency, temporal_start, temporal_end,
      spatial_coverage, classification, license_id, standard, state, formats, year, quality_score, published_at, created_at, updated_at)
    SELECT 'bench-' || g,
      a.id,
      s.subject || ' per ' || s.dim || ' Kabupaten Tabanan Tahun ' || (2015 + g % 11) || ' #' || g,
      'Data ' || lower(s.subject) || ' menurut ' || s.dim || ' di Kabupaten Tabanan, dihimpun dari laporan rutin perangkat daerah dan diperiksa walidata sesuai prinsip Satu Data Indonesia.',
      (ARRAY['kependudukan','kesehatan','pendidikan','ekonomi','infrastruktur','pemerintahan','lingkungan','pertanian','pariwisata','sosial'])[1 + g % 10],
      ARRAY[(ARRAY['penduduk','sekolah','puskesmas','jalan','kemiskinan','padi','wisata','anggaran','sampah','bencana','gizi','air bersih'])[1 + g % 12],
            (ARRAY['tabanan','kecamatan','desa','tahunan','statistik'])[1 + g % 5]],
      (ARRAY['tahunan','bulanan','triwulanan','semesteran'])[1 + g % 4],
      make_date(2015 + g % 11, 1, 1), make_date(2015 + g % 11, 12, 31),
      'Kabupaten Tabanan', 'public', 'cc-by-4.0',
      '{"konsep":"k","definisi":"d","klasifikasi":"kode wilayah","ukuran":"jumlah","satuan":"orang"}'::jsonb,
      'published',
      CASE WHEN g % 3 = 0 THEN ARRAY['API','CSV'] WHEN g % 3 = 1 THEN ARRAY['CSV'] ELSE ARRAY['XLSX'] END,
      2015 + g % 11, 60 + g % 41, now(), now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
    FROM generate_series(1, ${DATASETS}) g
    CROSS JOIN LATERAL (SELECT
      (ARRAY['Jumlah Penduduk','Jumlah Sekolah Dasar','Kunjungan Puskesmas','Panjang Jalan Rusak','Penduduk Miskin','Produksi Padi','Kunjungan Wisatawan','Realisasi Anggaran','Timbulan Sampah','Kejadian Bencana','Balita Gizi Buruk','Sambungan Air Bersih'])[1 + g % 12] AS subject,
      (ARRAY['Kecamatan','Desa','Jenis Kelamin','Kelompok Umur','Bulan'])[1 + g % 5] AS dim) s
    CROSS JOIN LATERAL (SELECT id FROM agencies WHERE code = 'BENCH-' || (1 + g % 30)) a`);
  await stmt(`UPDATE datasets d SET search =
      setweight(to_tsvector('indonesian', d.title), 'A') || setweight(to_tsvector('indonesian', array_to_string(d.tags, ' ')), 'A')
      || setweight(to_tsvector('indonesian', a.name), 'B') || setweight(to_tsvector('indonesian', d.description), 'C')
    FROM agencies a WHERE a.id = d.agency_id`);
  // The narrow search row the app writes in the same transaction as a publication
  // (refreshDatasetIndex); the same copy for the bulk-loaded catalogue.
  await stmt(`INSERT INTO data_search (dataset_id, name, title, agency_id, topic, tags, formats, license_id, year, search, created_at, updated_at)
    SELECT id, name, title, agency_id, topic, tags, formats, license_id, year, search, created_at, updated_at
    FROM datasets WHERE state = 'published' AND classification = 'public'`);
  await stmt(`INSERT INTO data_resources (dataset_id, kind, name, format, file_name, file_sha256, media_type, size, position)
    SELECT id, 'table', 'Tabel ' || title, formats[array_length(formats, 1)], name || '.csv', md5(name), 'text/csv', 2048, 0 FROM datasets WHERE name LIKE 'bench-%'`);
  await stmt(`INSERT INTO data_resources (dataset_id, kind, name, format, url, position)
    SELECT id, 'link', 'API ' || title, 'API', 'https://api.tabanankab.go.id/' || name, 1 FROM datasets WHERE 'API' = ANY(formats)`);
  await stmt('ANALYZE');
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function time(app, urlOf) {
  const samples = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const url = urlOf(TERMS[i % TERMS.length]);
    const start = performance.now();
    const res = await app.inject({ url });
    const ms = performance.now() - start;
    if (res.statusCode !== 200)
      throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    if (i >= WARMUP) samples.push(ms);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function run(driver) {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'simpul-bench-portal-'));
  let url;
  let admin;
  if (driver === 'postgres') {
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    const name = `simpul_bench_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    url = u.toString();
  }
  const database = await openDatabase({ url, dataDir });
  try {
    await database.migrate();
    const loadStart = performance.now();
    await load(database.db);
    const loadMs = performance.now() - loadStart;
    const config = loadConfig({ SIMPUL_DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) });
    const app = await buildApp({
      config,
      database,
      secrets: createSecretBox(randomBytes(32)),
      logger: false,
    });
    await app.ready();
    const check = (
      await app.inject({ url: `/api/3/action/package_search?q=penduduk&rows=0` })
    ).json();
    const search = await time(
      app,
      (q) =>
        `/api/3/action/package_search?q=${encodeURIComponent(q)}&facet.field=${FACETS}&rows=10`,
    );
    const portal = await time(app, (q) => `/dataset?q=${encodeURIComponent(q)}`);
    const browse = await time(
      app,
      () => `/api/3/action/package_search?facet.field=${FACETS}&rows=10`,
    );
    await app.close();
    return { driver, loadMs, matches: check.result.count, search, portal, browse };
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (admin) {
      const name = new URL(url).pathname.slice(1);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await admin.end();
    }
  }
}

async function pgAvailable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const results = [await run('pglite')];
if (WITH_PG && (await pgAvailable())) results.push(await run('postgres'));

const fmt = (n) => n.toFixed(1).padStart(7);
console.log(
  `\n${DATASETS} published datasets; ${ITERATIONS} requests per row after ${WARMUP} warm-up; ${os.cpus().length} CPUs`,
);
console.log('driver     request                                          p50 ms   p95 ms');
for (const r of results) {
  console.log(
    `${r.driver.padEnd(10)} package_search q + 4 facets, rows=10        ${fmt(r.search.p50)}  ${fmt(r.search.p95)}`,
  );
  console.log(
    `${r.driver.padEnd(10)} portal /dataset?q= (HTML, 5 facets)          ${fmt(r.portal.p50)}  ${fmt(r.portal.p95)}`,
  );
  console.log(
    `${r.driver.padEnd(10)} package_search no q + 4 facets (browse all)  ${fmt(r.browse.p50)}  ${fmt(r.browse.p95)}`,
  );
  console.log(
    `${''.padEnd(10)} (load ${Math.round(r.loadMs)} ms; "penduduk" matches ${r.matches})`,
  );
}
if (results.length === 2) {
  const [a, b] = results;
  console.log(
    `ratio pglite/postgres p95: package_search ${(a.search.p95 / b.search.p95).toFixed(2)}×, portal ${(a.portal.p95 / b.portal.p95).toFixed(2)}×`,
  );
}
const main = results.at(-1);
console.log(`aim: p95 < ${AIM_MS} ms (${main.driver})`);
console.log(`package_search p95: ${Math.round(main.search.p95)} ms`);
process.exit(0);
