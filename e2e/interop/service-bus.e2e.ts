import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from '../support/browser.js';
import { type RunningSimpul, startSimpul } from '../support/server.js';

/**
 * The Sistem Penghubung Layanan as the people of the demo regency use it (Perbup Purbalingga
 * 45/2024 Pasal 19–20; Tabanan 44/2022 Pasal 13), in a real browser against the built `simpul
 * serve` and its gateway port: the Dinas Kesehatan operator registers an API from an OpenAPI file
 * and publishes it; the Disdukcapil operator subscribes the SIAK application; Dinkes approves
 * (and sets the plan), then the Diskominfo admin; the consumer calls through the gateway with its
 * API key and with a client_credentials token, against a small upstream started here. A call
 * before the subscription is active gets 403, a dead upstream 502/504, over the limit 429, all
 * with problem bodies; the usage screen shows the calls. The subscription asks for one of the
 * API's two scopes, which the approvers see and the token carries; rotating the API key keeps
 * the old key working for the grace period chosen.
 */
const PASSWORD = 'Simpul-Demo-2026';
const PROVIDER = 'operator.dinkes@tabanankab.go.id';
const CONSUMER = 'operator.disdukcapil@tabanankab.go.id';
const ADMIN = 'admin@tabanankab.go.id';
const API_NAME = 'Data Balita Imunisasi';
const SLUG = 'balita-imunisasi';
const UPSTREAM_SECRET = 'rahasia-gateway-dinkes';

const OPENAPI = {
  openapi: '3.0.3',
  info: { title: API_NAME, version: '1.0.0', description: 'Status imunisasi balita menurut NIK.' },
  paths: {
    '/immunizations/{nik}': {
      get: {
        operationId: 'getImmunizationStatus',
        summary: 'Status imunisasi menurut NIK',
        parameters: [{ name: 'nik', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'Status imunisasi' } },
        'x-simpul-scope': 'balita:baca',
      },
      post: {
        operationId: 'recordImmunization',
        summary: 'Mencatat imunisasi',
        parameters: [{ name: 'nik', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '201': { description: 'Tercatat' } },
        'x-simpul-scope': 'balita:tulis',
      },
    },
  },
};

let simpul: RunningSimpul;
let browser: Browser;
let upstream: Server;
let upstreamUrl: string;
let upstreamSawSecret = 0;
let workDir: string;
const contexts: BrowserContext[] = [];
let provider: Page;
let consumer: Page;
let admin: Page;
let subscriptionPath = '';
let apiKey = '';
let clientId = '';
let clientSecret = '';

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'simpul-interop-e2e-'));
  // The provider's own API: answers only requests carrying the credential the gateway injects.
  upstream = createServer((req, res) => {
    if (req.headers['x-gateway-secret'] !== UPSTREAM_SECRET) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"not the gateway"}');
      return;
    }
    upstreamSawSecret += 1;
    const nik = req.url?.split('/').pop();
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ nik, complete: true, vaccines: ['BCG', 'Polio', 'DPT-HB-Hib'] }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;

  simpul = await startSimpul({}, ['--demo']);
  browser = await launchBrowser();
  for (let i = 0; i < 3; i++) {
    contexts.push(await browser.newContext({ viewport: { width: 1400, height: 1000 } }));
  }
  [provider, consumer, admin] = (await Promise.all(contexts.map((c) => c.newPage()))) as [
    Page,
    Page,
    Page,
  ];
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await simpul?.stop();
  simpul?.cleanup();
  upstream?.closeAllConnections();
  await new Promise((r) => upstream?.close(r));
  rmSync(workDir, { recursive: true, force: true });
});

async function step(name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    for (const [who, page] of [
      ['provider', provider],
      ['consumer', consumer],
      ['admin', admin],
    ] as const) {
      await snap(page, `service-bus-${name}-${who}`).catch(() => {});
    }
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

async function openInterop(page: Page) {
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Interoperabilitas', exact: true })
    .click();
  await page.getByRole('tab', { name: 'Katalog API' }).waitFor();
}

async function take(page: Page, label: string) {
  await page.getByTestId('transitions').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await page.getByText(`${label}: berhasil.`).first().waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

async function expectState(page: Page, state: string) {
  await page.getByTestId('subscription-state').getByText(state, { exact: true }).waitFor();
}

const gatewayPath = `/DINKES/${SLUG}/v1/immunizations/5102010101200001`;

function callGateway(headers: Record<string, string>) {
  return fetch(`${simpul.gatewayUrl}${gatewayPath}`, { headers });
}

/** Retries until the gateway (told of each change at commit, polling as a fallback) answers `status`. */
async function eventually(call: () => Promise<Response>, status: number): Promise<Response> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await call();
    if (res.status === status || Date.now() > deadline) return res;
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('an agency publishes an API and another agency consumes it through the gateway', () => {
  it('the Dinkes operator registers the API from an OpenAPI file and publishes it', async () => {
    await step('publish', async () => {
      await signIn(provider, PROVIDER);
      await openInterop(provider);
      await provider.getByRole('button', { name: 'Daftarkan API' }).click();
      const form = provider.getByRole('dialog');
      await form.getByRole('textbox', { name: /^Nama API/ }).fill(API_NAME);
      await form.getByRole('textbox', { name: /^Slug/ }).fill(SLUG);
      await form.getByRole('textbox', { name: /^URL hulu/ }).fill(upstreamUrl);
      // First an invalid document: refused with the parser's reasons, nothing registered.
      const bad = join(workDir, 'rusak.json');
      writeFileSync(bad, JSON.stringify({ openapi: '3.0.3', info: { title: 'x' }, paths: {} }));
      await form.locator('#openapi-file').setInputFiles(bad);
      await form.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await form
        .getByTestId('problem-reasons')
        .getByText(/version/)
        .waitFor();

      const file = join(workDir, 'openapi.json');
      writeFileSync(file, JSON.stringify(OPENAPI));
      await form.locator('#openapi-file').setInputFiles(file);
      await form.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await provider.getByRole('heading', { name: new RegExp(API_NAME) }).waitFor();
      await provider.getByText('/immunizations/{nik}', { exact: false }).first().waitFor();

      // The credential the gateway injects, so the upstream trusts only the gateway.
      await provider.getByRole('textbox', { name: /^Nama header/ }).fill('X-Gateway-Secret');
      await provider.getByLabel(/^Nilai header/).fill(UPSTREAM_SECRET);
      await provider.getByRole('button', { name: 'Simpan kredensial' }).click();
      await provider.getByText('Kredensial hulu disimpan.').first().waitFor();

      await provider.getByRole('button', { name: 'Terbitkan', exact: true }).click();
      await provider.getByText('API diterbitkan.').first().waitFor();
      await provider.getByText('Diterbitkan', { exact: true }).first().waitFor();
    });
  });

  it('the Disdukcapil operator subscribes SIAK to it', async () => {
    await step('subscribe', async () => {
      await signIn(consumer, CONSUMER);
      await openInterop(consumer);
      await consumer.getByRole('textbox', { name: 'Cari' }).fill('balita');
      await consumer.getByRole('link', { name: API_NAME }).click();
      await consumer.getByRole('button', { name: 'Berlangganan', exact: true }).click();
      const dialog = consumer.getByRole('dialog');
      await dialog.getByRole('combobox', { name: /^Aplikasi/ }).click();
      await consumer
        .getByRole('option', { name: /Sistem Informasi Administrasi Kependudukan/ })
        .click();
      await dialog
        .getByRole('textbox', { name: /^Tujuan penggunaan/ })
        .fill('Verifikasi status imunisasi saat penerbitan Kartu Identitas Anak.');
      // Every declared scope is offered and chosen; SIAK only reads, so it drops balita:tulis.
      const read = dialog.getByRole('checkbox', { name: /^balita:baca/ });
      const write = dialog.getByRole('checkbox', { name: /^balita:tulis/ });
      expect(await read.isChecked()).toBe(true);
      expect(await write.isChecked()).toBe(true);
      await write.uncheck();
      await dialog.getByRole('button', { name: 'Ajukan langganan' }).click();
      await expectState(consumer, 'Menunggu persetujuan penyedia');
      subscriptionPath = new URL(consumer.url()).pathname;
      expect(subscriptionPath).toMatch(/^\/console\/interop\/subscriptions\/[0-9a-f-]{36}$/);
    });
  });

  it('Dinkes approves and sets the plan; a key used before the Dinas approves gets 403', async () => {
    await step('provider-approval', async () => {
      await provider.goto(`${simpul.url}${subscriptionPath}`);
      await expectState(provider, 'Menunggu persetujuan penyedia');
      // The provider approves the scopes asked for, and sees only those.
      const scopes = provider.getByTestId('subscription-scopes');
      await scopes.getByText('balita:baca', { exact: true }).waitFor();
      expect(await scopes.getByText('balita:tulis', { exact: true }).count()).toBe(0);
      await provider.getByRole('textbox', { name: /^Permintaan per menit/ }).fill('4');
      await provider.getByRole('button', { name: 'Simpan paket' }).click();
      await provider.getByText('Paket disimpan.').first().waitFor();
      await take(provider, 'Setujui (penyedia)');
      await expectState(provider, 'Menunggu persetujuan Dinas');

      // The consumer takes an API key (shown once) and an OAuth2 client.
      await consumer.getByRole('tab', { name: 'Kredensial' }).click();
      await consumer.getByRole('combobox', { name: /^Aplikasi/ }).click();
      await consumer
        .getByRole('option', { name: /Sistem Informasi Administrasi Kependudukan/ })
        .click();
      await consumer.getByRole('textbox', { name: /^Label/ }).fill('Server SIAK');
      await consumer.getByRole('button', { name: 'Buat kunci API' }).click();
      apiKey = await consumer.getByTestId('issued-secret').inputValue();
      expect(apiKey).toMatch(/^spk_/);
      await consumer.getByRole('button', { name: 'Selesai' }).click();
      await consumer.getByRole('button', { name: 'Buat klien OAuth2' }).click();
      clientId = await consumer.getByTestId('issued-client-id').inputValue();
      clientSecret = await consumer.getByTestId('issued-secret').inputValue();
      await consumer.getByRole('button', { name: 'Selesai' }).click();
      // Listed without its secret.
      await consumer.getByText(`${apiKey.slice(0, 10)}…`).waitFor();
      expect(await consumer.content()).not.toContain(apiKey);

      // Not active yet: the gateway refuses the subscription.
      const early = await eventually(() => callGateway({ 'x-api-key': apiKey }), 403);
      expect(early.status).toBe(403);
      expect(early.headers.get('content-type')).toContain('application/problem+json');
      expect(upstreamSawSecret).toBe(0);
    });
  });

  it('the Diskominfo admin approves; the consumer calls with its key and with a token', async () => {
    await step('dinas-approval', async () => {
      await signIn(admin, ADMIN);
      await admin.goto(`${simpul.url}${subscriptionPath}`);
      await admin.getByTestId('subscription-scopes').getByText('balita:baca').waitFor();
      await take(admin, 'Setujui (Dinas)');
      await expectState(admin, 'Aktif');
      await admin.getByTestId('workflow-timeline').getByText('Disetujui penyedia').waitFor();

      const byKey = await eventually(() => callGateway({ 'x-api-key': apiKey }), 200);
      expect(byKey.status).toBe(200);
      expect(await byKey.json()).toMatchObject({ nik: '5102010101200001', complete: true });
      expect(upstreamSawSecret).toBe(1);

      const tokenRes = await fetch(`${simpul.url}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
        }),
      });
      expect(tokenRes.status).toBe(200);
      const token = (await tokenRes.json()) as {
        access_token: string;
        token_type: string;
        scope: string;
      };
      expect(token.token_type).toBe('Bearer');
      // Of this API, only the scope the subscription asked for and both approved (SIAK's demo
      // subscription to the Dinkes API adds that API's scopes).
      expect(token.scope.split(' ')).toContain('balita:baca');
      expect(token.scope.split(' ')).not.toContain('balita:tulis');
      const byToken = await eventually(
        () => callGateway({ authorization: `Bearer ${token.access_token}` }),
        200,
      );
      expect(byToken.status).toBe(200);
      expect(upstreamSawSecret).toBe(2);
      // A tampered token is refused.
      const forged = await callGateway({
        authorization: `Bearer ${token.access_token.slice(0, -4)}AAAA`,
      });
      expect(forged.status).toBe(401);
    });
  });

  it('a dead upstream gets 502/504 and going over the plan gets 429, with problem bodies', async () => {
    await step('failures', async () => {
      upstream.closeAllConnections();
      await new Promise((r) => upstream.close(r));
      const dead = await callGateway({ 'x-api-key': apiKey });
      expect([502, 504]).toContain(dead.status);
      expect(dead.headers.get('content-type')).toContain('application/problem+json');
      expect(await dead.json()).toMatchObject({ status: dead.status });
      // Four requests a minute: the next ones are over the limit.
      let limited: Response | null = null;
      for (let i = 0; i < 4 && !limited; i++) {
        const res = await callGateway({ 'x-api-key': apiKey });
        if (res.status === 429) limited = res;
        else await res.arrayBuffer();
      }
      expect(limited?.status).toBe(429);
      expect(limited?.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  it('the usage screen shows the calls', async () => {
    await step('usage', async () => {
      const table = consumer.getByRole('table', { name: 'Penggunaan' });
      const row = table.getByRole('row').filter({ hasText: API_NAME });
      // The gateway ships its journal to the database about once a second: as a user would,
      // reload the screen until the last calls are counted.
      let cells: string[] = [];
      for (let i = 0; i < 20; i++) {
        if (i > 0) {
          await new Promise((r) => setTimeout(r, 500));
          await consumer.reload();
        }
        await consumer.getByRole('tab', { name: 'Penggunaan' }).click();
        await row.first().waitFor();
        cells = await row.first().getByRole('cell').allInnerTexts();
        if (Number(cells[3]) >= 4 && Number(cells[4]) >= 2) break;
      }
      // Day, API, consumer, calls, errors, p50, p95, p99.
      expect(cells[2]).toContain('Sistem Informasi Administrasi Kependudukan');
      expect(Number(cells[3])).toBeGreaterThanOrEqual(4);
      expect(Number(cells[4])).toBeGreaterThanOrEqual(2);
      await consumer
        .getByTestId('usage-totals')
        .getByText(/panggilan/)
        .waitFor();
    });
  });

  it('rotating the key keeps the old one working for the grace period chosen', async () => {
    await step('rotate', async () => {
      await consumer.getByRole('tab', { name: 'Kredensial' }).click();
      await consumer.getByRole('combobox', { name: /^Aplikasi/ }).click();
      await consumer
        .getByRole('option', { name: /Sistem Informasi Administrasi Kependudukan/ })
        .click();
      const row = consumer.getByRole('row').filter({ hasText: `${apiKey.slice(0, 10)}…` });
      await row.getByRole('button', { name: 'Ganti rahasia' }).click();
      const dialog = consumer.getByRole('dialog');
      const grace = dialog.getByRole('combobox', { name: /^Masa tenggang rahasia lama/ });
      expect(await grace.inputValue()).toBe('24 jam (bawaan)');
      await grace.click();
      await consumer.getByRole('option', { name: '3 hari' }).click();
      await dialog.getByRole('button', { name: 'Ganti rahasia' }).click();
      const newKey = await consumer.getByTestId('issued-secret').inputValue();
      expect(newKey).toMatch(/^spk_/);
      expect(newKey).not.toBe(apiKey);
      await consumer
        .getByTestId('rotation-grace')
        .getByText(/tetap berlaku sampai/)
        .waitFor();
      await consumer.getByRole('button', { name: 'Selesai' }).click();
      await consumer
        .getByTestId('previous-secret')
        .getByText(new RegExp(`Rahasia lama ${apiKey.slice(0, 10)}… berlaku sampai`))
        .waitFor();
      // Both keys still authenticate at the gateway (the plan's limit may answer 429, which
      // comes after authentication); an unknown key is refused with 401.
      const byNew = await eventually(() => callGateway({ 'x-api-key': newKey }), 429);
      expect([200, 429, 502, 504]).toContain(byNew.status);
      const byOld = await callGateway({ 'x-api-key': apiKey });
      expect([200, 429, 502, 504]).toContain(byOld.status);
      const unknown = await callGateway({ 'x-api-key': 'spk_tidak-dikenal' });
      expect(unknown.status).toBe(401);
    });
  });

  it('an anonymous visitor finds public APIs in the portal, but not internal ones', async () => {
    await step('portal', async () => {
      const visitor = await contexts[0]?.browser()?.newContext();
      const page = await visitor?.newPage();
      if (!visitor || !page) throw new Error('no browser');
      await page.goto(`${simpul.url}/`);
      await page.getByRole('textbox', { name: 'Cari API' }).fill('imunisasi');
      // The demo's Dinkes API is public; the journey's API was registered as internal.
      await page.getByRole('button', { name: /Layanan Data Imunisasi v1/ }).click();
      await page.getByText('/DINKES/imunisasi/v1/immunizations/{nik}').waitFor();
      expect(await page.getByText(API_NAME).count()).toBe(0);
      await visitor.close();
    });
  });
});
