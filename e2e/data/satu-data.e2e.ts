import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from '../support/browser.js';
import { type RunningSimpul, startSimpul } from '../support/server.js';

/**
 * Satu Data as the demo regency lives it (Perpres 39/2019; Perbup Tabanan 44/2022 Pasal 22), in a
 * real browser: the Dinas Kesehatan producer creates a dataset with its Standar Data and a data
 * dictionary, uploads a CSV that breaks it and sees exactly which lines fail, fixes the file and
 * submits; the walidata returns it once with a note, the producer submits again, and the walidata
 * ticks the conformity checklist and publishes. The public then finds it on the portal and
 * through CKAN's package_search, and downloads the CSV unchanged and as XLSX.
 */
const PASSWORD = 'Simpul-Demo-2026';
const PRODUCER = 'operator.dinkes@tabanankab.go.id';
const WALIDATA = 'walidata@tabanankab.go.id';

const TITLE = 'Jumlah Kader Posyandu Aktif per Kecamatan 2025';
const TABLE = 'Kader posyandu 2025';
const RETURN_NOTE = 'Tambahkan definisi kader aktif pada Standar Data.';
const DEFINITION =
  'Kader posyandu aktif: kader yang melayani posyandu paling sedikit sekali sebulan menurut laporan puskesmas.';
const API_URL = 'https://sipl.tabanankab.go.id/api/kesehatan/kader-posyandu';
const SCHEMA = {
  fields: [
    { name: 'kode_wilayah', type: 'string', constraints: { required: true } },
    { name: 'kecamatan', type: 'string', constraints: { required: true } },
    {
      name: 'kader_aktif',
      type: 'integer',
      groupChar: '.',
      constraints: { required: true, minimum: 0 },
    },
    { name: 'rasio', type: 'number', decimalChar: ',', constraints: { minimum: 0, maximum: 100 } },
  ],
  foreignKeys: [
    { fields: 'kode_wilayah', reference: { resource: 'ref:kemendagri-wilayah', fields: 'code' } },
  ],
};
const BROKEN_CSV = [
  'kode_wilayah;kecamatan;kader_aktif;rasio',
  '51.02.01;Selemadeg;1.204;12,5',
  '51.02.77;Tidak Ada;300;10,0',
  '51.02.03;Tabanan;banyak;11,2',
  '51.02.04;Kediri;410;120',
].join('\n');
const FIXED_CSV = `${[
  'kode_wilayah;kecamatan;kader_aktif;rasio',
  '51.02.01;Selemadeg;1.204;12,5',
  '51.02.02;Kerambitan;300;10,0',
  '51.02.03;Tabanan;1.512;11,2',
  '51.02.04;Kediri;410;12,0',
].join('\n')}\n`;

let simpul: RunningSimpul;
let browser: Browser;
let producerContext: BrowserContext;
let walidataContext: BrowserContext;
let producer: Page;
let walidata: Page;
let datasetPath = '';

beforeAll(async () => {
  simpul = await startSimpul({}, ['--demo']);
  browser = await launchBrowser();
  producerContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  walidataContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  producer = await producerContext.newPage();
  walidata = await walidataContext.newPage();
});

afterAll(async () => {
  await producerContext?.close();
  await walidataContext?.close();
  await browser?.close();
  await simpul?.stop();
  simpul?.cleanup();
});

async function step(name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    await snap(producer, `satu-data-${name}-producer`).catch(() => {});
    await snap(walidata, `satu-data-${name}-walidata`).catch(() => {});
    throw error;
  }
}

async function signIn(page: Page, email: string) {
  await page.goto(`${simpul.url}/console/`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
}

const expectState = (page: Page, state: string) =>
  page.getByLabel('Status').getByText(state, { exact: true }).waitFor();

const uploadCsv = (page: Page, name: string, csv: string) =>
  page.getByLabel(`Unggah berkas untuk ${TABLE}`).setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });

describe('Satu Data: from a failing upload to a published dataset', () => {
  it('the producer creates a dataset, sees exactly which lines fail, fixes the file and submits', async () => {
    await step('create', async () => {
      await signIn(producer, PRODUCER);
      await producer
        .getByRole('navigation')
        .getByRole('link', { name: 'Satu Data', exact: true })
        .click();
      await producer.getByRole('button', { name: 'Dataset baru' }).click();
      await producer.getByRole('textbox', { name: 'Judul' }).fill(TITLE);
      await producer
        .getByRole('textbox', { name: 'Deskripsi' })
        .fill(
          'Kader posyandu yang aktif melayani per kecamatan di Kabupaten Tabanan, dari laporan puskesmas.',
        );
      await producer.getByRole('textbox', { name: /Kata kunci/ }).fill('posyandu, kader');
      await producer.getByRole('textbox', { name: 'Konsep' }).fill('Kader posyandu aktif');
      await producer
        .getByRole('textbox', { name: 'Definisi' })
        .fill('Kader yang hadir pada hari buka posyandu.');
      await producer.getByRole('textbox', { name: 'Klasifikasi' }).fill('Kode wilayah Kemendagri');
      await producer.getByRole('textbox', { name: 'Ukuran' }).fill('Jumlah');
      await producer.getByRole('textbox', { name: 'Satuan' }).fill('orang');
      await producer.getByRole('button', { name: 'Buat dataset' }).click();
      await producer.getByRole('heading', { name: TITLE }).waitFor();
      datasetPath = new URL(producer.url()).pathname;
      await expectState(producer, 'Draf');

      await producer.getByRole('textbox', { name: 'Nama tabel' }).fill(TABLE);
      await producer
        .getByRole('textbox', { name: /^Kamus data/ })
        .fill(JSON.stringify(SCHEMA, null, 2));
      await producer.getByRole('button', { name: 'Tambah tabel' }).click();
      await producer.getByLabel(`Unggah berkas untuk ${TABLE}`).waitFor();
    });

    await step('broken-upload', async () => {
      await uploadCsv(producer, 'kader.csv', BROKEN_CSV);
      await producer.getByText('Tidak lolos validasi', { exact: true }).waitFor();
      const rows = producer.getByRole('table', { name: 'Kesalahan validasi' }).getByRole('row');
      await expect.poll(() => rows.count()).toBe(4); // header + three failing lines
      const cells = await rows.evaluateAll((trs) =>
        trs
          .slice(1)
          .map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)),
      );
      expect(cells).toEqual([
        ['3', 'kode_wilayah'],
        ['4', 'kader_aktif'],
        ['5', 'rasio'],
      ]);
      await producer
        .getByText(/Kode tidak ada di daftar kode referensi kemendagri-wilayah/)
        .waitFor();
      await expect(
        producer.getByRole('button', { name: 'Ajukan ke walidata' }).isDisabled(),
      ).resolves.toBe(true);
    });

    await step('fixed-upload', async () => {
      await uploadCsv(producer, 'kader.csv', FIXED_CSV);
      await producer.getByText('Lolos validasi', { exact: true }).waitFor();
      await producer.getByText('4 baris sesuai kamus data.').waitFor();
      await producer.getByRole('button', { name: 'Ajukan ke walidata' }).click();
      await expectState(producer, 'Diperiksa walidata');
    });
  });

  it('the walidata returns it once with a note; the producer submits again', async () => {
    await step('return', async () => {
      await signIn(walidata, WALIDATA);
      await walidata.goto(`${simpul.url}${datasetPath}`);
      await walidata.getByRole('heading', { name: TITLE }).waitFor();
      await walidata.getByRole('textbox', { name: 'Catatan' }).fill(RETURN_NOTE);
      await walidata.getByRole('button', { name: 'Kembalikan' }).click();
      await expectState(walidata, 'Dikembalikan');
    });
    await step('resubmit', async () => {
      await producer.reload();
      await producer.getByText(RETURN_NOTE).first().waitFor();
      // The producer completes the definition the walidata asked for, and links the API the
      // agency publishes on the service bus.
      await producer.getByRole('button', { name: 'Ubah metadata' }).click();
      await producer.getByRole('textbox', { name: 'Definisi' }).fill(DEFINITION);
      await producer.getByRole('button', { name: 'Simpan', exact: true }).click();
      await producer.getByRole('button', { name: 'Ubah metadata' }).waitFor();
      await producer.getByRole('textbox', { name: 'Nama tautan' }).fill('API kader posyandu');
      await producer.getByRole('textbox', { name: 'Alamat (URL)' }).fill(API_URL);
      await producer.getByRole('button', { name: 'Tambah tautan', exact: true }).click();
      await producer.getByRole('link', { name: API_URL }).waitFor();
      await producer.getByRole('button', { name: 'Ajukan ulang' }).click();
      await expectState(producer, 'Diperiksa walidata');
    });
  });

  it('the walidata ticks the conformity checklist and publishes', async () => {
    await step('publish', async () => {
      await walidata.reload();
      await walidata.getByRole('heading', { name: TITLE }).waitFor();
      for (const box of await walidata.getByRole('checkbox').all()) await box.check();
      await walidata.getByRole('button', { name: 'Terbitkan' }).click();
      await expectState(walidata, 'Terbit');
    });
  });

  it('the public finds it on the portal and through CKAN, and downloads the CSV unchanged and as XLSX', async () => {
    const visitor = await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' });
    const page = await visitor.newPage();
    try {
      await step('portal', async () => {
        await page.goto(`${simpul.url}/dataset?q=${encodeURIComponent('kader posyandu')}`);
        await page.getByRole('link', { name: TITLE }).click();
        await page.getByRole('heading', { name: TITLE }).waitFor();
        await page.getByRole('cell', { name: 'Kerambitan' }).waitFor();
        await page.getByText('Skor kualitas metadata').waitFor();
      });

      const search = await page.request.get(
        `${simpul.url}/api/3/action/package_search?q=${encodeURIComponent('kader posyandu')}&facet.field=${encodeURIComponent('["organization","res_format"]')}`,
      );
      const body = await search.json();
      expect(body.success).toBe(true);
      const pkg = body.result.results.find((p: { title: string }) => p.title === TITLE);
      expect(pkg.organization.title).toBe('Dinas Kesehatan');
      expect(pkg.resources.map((r: { format: string }) => r.format)).toEqual(['CSV', 'API']);
      expect(pkg.resources[1].url).toBe(API_URL);
      await page.getByText(DEFINITION).waitFor();

      const original = await page.request.get(pkg.resources[0].url);
      expect(original.status()).toBe(200);
      expect(Buffer.from(await original.body()).equals(Buffer.from(FIXED_CSV))).toBe(true);

      const xlsxLink = page.getByRole('link', { name: 'XLSX', exact: true });
      const xlsx = await page.request.get(`${simpul.url}${await xlsxLink.getAttribute('href')}`);
      const sheet = await readSheet(Buffer.from(await xlsx.body()));
      expect(sheet).toEqual([
        ['kode_wilayah', 'kecamatan', 'kader_aktif', 'rasio'],
        ['51.02.01', 'Selemadeg', 1204, 12.5],
        ['51.02.02', 'Kerambitan', 300, 10],
        ['51.02.03', 'Tabanan', 1512, 11.2],
        ['51.02.04', 'Kediri', 410, 12],
      ]);
    } finally {
      await visitor.close();
    }
  });

  it('the demo regency comes with published datasets, files included', async () => {
    await step('demo-datasets', async () => {
      const list = (await fetch(`${simpul.url}/api/3/action/package_list`).then((r) =>
        r.json(),
      )) as {
        result: string[];
      };
      // Three demo datasets plus the one this journey published.
      expect(list.result.length).toBeGreaterThanOrEqual(4);
      const demo = list.result.find((name) => name.startsWith('jumlah-puskesmas'));
      expect(demo).toBeTruthy();
      const pkg = (await fetch(`${simpul.url}/api/3/action/package_show?id=${demo}`).then((r) =>
        r.json(),
      )) as { result: { resources: { url: string }[] } };
      const csv = await fetch(String(pkg.result.resources[0]?.url));
      expect(csv.status).toBe(200);
      expect((await csv.text()).split('\n')[0]).toContain('kode_wilayah');
    });
  });
});
