import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from '../support/browser.js';
import { type RunningSimpul, startSimpul } from '../support/server.js';

/**
 * A regency bound by Perbup OKU Timur 2022, in a real browser: the Diskominfo admin switches the
 * Pemda profile to the OKU Timur profile and sees the yearly LAN diagram (Pasal 22 ayat (1))
 * missing for every agency; the head of the Dinas Kesehatan finds the duties of the agency as a
 * to-do list, records an attestation with an evidence file for Pasal 32 ayat (2), and watches its
 * status turn to met.
 */
const PASSWORD = 'Simpul-Demo-2026';
const ADMIN = 'admin@tabanankab.go.id';
const HEAD = 'kepala.dinkes@tabanankab.go.id';
const LAN = 'oku-timur-2022.p22.a1';
const ATTESTED = 'oku-timur-2022.p32.a2';
const STATEMENT = 'Standar dan pedoman SPBE Dinas Kesehatan telah disesuaikan (SK Kadis 12/2026).';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

let simpul: RunningSimpul;
let browser: Browser;
let adminContext: BrowserContext;
let headContext: BrowserContext;
let admin: Page;
let head: Page;

beforeAll(async () => {
  simpul = await startSimpul({}, ['--demo']);
  browser = await launchBrowser();
  adminContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  headContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  admin = await adminContext.newPage();
  head = await headContext.newPage();
});

afterAll(async () => {
  await adminContext?.close();
  await headContext?.close();
  await browser?.close();
  await simpul?.stop();
  simpul?.cleanup();
});

async function step(name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    await snap(admin, `compliance-${name}-admin`).catch(() => {});
    await snap(head, `compliance-${name}-head`).catch(() => {});
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

const openCompliance = (page: Page) =>
  page.getByRole('navigation').getByRole('link', { name: 'Kepatuhan', exact: true }).click();

describe('a regency under the OKU Timur profile', () => {
  it('the admin switches the Pemda profile to Perbup OKU Timur 2022', async () => {
    await step('switch', async () => {
      await signIn(admin, ADMIN);
      await admin.getByRole('navigation').getByRole('link', { name: 'Profil Pemda' }).click();
      await admin.getByRole('combobox', { name: /^Profil regulasi/ }).click();
      await admin.getByRole('option', { name: 'Perbup OKU Timur 2022', exact: true }).click();
      await admin.getByRole('button', { name: 'Simpan', exact: true }).click();
      await admin.getByText('Profil pemerintah daerah disimpan.').first().waitFor();

      await openCompliance(admin);
      await admin
        .getByTestId('compliance-profile-title')
        .getByText(/Ogan Komering Ulu Timur/)
        .waitFor();
    });
  });

  it('sees the yearly LAN diagram (Pasal 22 ayat (1)) missing for every agency', async () => {
    await step('lan', async () => {
      await admin.getByRole('combobox', { name: 'Modul' }).click();
      await admin.getByRole('option', { name: 'Jaringan', exact: true }).click();
      const table = admin.getByTestId('compliance-obligations-table');
      await table.getByRole('link', { name: 'Pasal 22 ayat (1)', exact: true }).click();
      await admin
        .getByTestId('obligation-text')
        .getByText(/diagram/i)
        .waitFor();
      const parties = admin.getByTestId('compliance-parties-table');
      await parties.getByText('Dinas Kesehatan', { exact: true }).waitFor();
      const rows = await parties.locator('tbody tr').count();
      const missing = await parties.locator('[data-status="missing"]').count();
      expect(rows).toBeGreaterThan(30);
      expect(missing).toBe(rows);
      expect(admin.url()).toContain(encodeURIComponent(LAN).replace(/%2E/g, '.'));
    });
  });

  it('the head of the Dinas Kesehatan sees the agency duties as a to-do list', async () => {
    await step('todo', async () => {
      await signIn(head, HEAD);
      await openCompliance(head);
      await head.getByRole('tab', { name: 'Per Perangkat Daerah' }).click();
      const duties = head.getByTestId('compliance-duties');
      const lan = duties.locator(`[data-obligation="${LAN}"]`);
      await lan.locator('[data-status="missing"]').waitFor();
      const attested = duties.locator(`[data-obligation="${ATTESTED}"]`);
      await attested.locator('[data-status="missing"]').waitFor();
    });
  });

  it('records an attestation with evidence and watches the status change', async () => {
    await step('attest', async () => {
      const card = head.getByTestId('compliance-duties').locator(`[data-obligation="${ATTESTED}"]`);
      await card.getByRole('link', { name: 'Pasal 32 ayat (2)', exact: true }).click();
      const parties = head.getByTestId('compliance-parties-table');
      await parties.locator('[data-status="missing"]').waitFor();
      // Only the agency's own line is shown to its head.
      expect(await parties.locator('tbody tr').count()).toBe(1);

      await head.getByTestId('file-input').setInputFiles({
        name: 'sk-pedoman-spbe.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await head.getByTestId('uploaded-files').getByText('sk-pedoman-spbe.pdf').waitFor();
      await head.getByRole('textbox', { name: /^Pernyataan/ }).fill(STATEMENT);
      await head.getByLabel(/^Berlaku sampai/).fill('2027-12-31');
      await head.getByRole('button', { name: 'Catat atestasi', exact: true }).click();
      await head.getByText('Atestasi dicatat.').first().waitFor();

      await parties.locator('[data-status="met"]').waitFor();
      await head.getByTestId('compliance-evidence-table').getByText(STATEMENT).waitFor();

      // Back on the to-do list the duty is met; the LAN diagram is still to be submitted.
      await head.getByRole('link', { name: /Kembali ke daftar kewajiban/ }).click();
      await head.getByRole('tab', { name: 'Per Perangkat Daerah' }).click();
      const duties = head.getByTestId('compliance-duties');
      await duties.locator(`[data-obligation="${ATTESTED}"] [data-status="met"]`).waitFor();
      await duties.locator(`[data-obligation="${LAN}"] [data-status="missing"]`).waitFor();
    });
  });

  it('the Dinas sees the attestation in the regency-wide view', async () => {
    await step('regency', async () => {
      await admin.goto(`${simpul.url}/console/compliance/obligations/${ATTESTED}`);
      const parties = admin.getByTestId('compliance-parties-table');
      const row = parties.locator('tbody tr', { hasText: 'Dinas Kesehatan' });
      await row.locator('[data-status="met"]').waitFor();
      expect(await parties.locator('[data-status="met"]').count()).toBe(1);
    });
  });

  it('refuses an import with a duplicate obligation id, saying where, and changes nothing', async () => {
    await step('import', async () => {
      await admin.getByRole('tab', { name: 'Profil regulasi' }).click();
      const table = admin.getByTestId('compliance-profiles-table');
      await table.getByText('tabanan-44-2022').waitFor();
      const before = await table.locator('tbody tr').count();
      const obligation = {
        id: 'okut-sendiri.p22.a1',
        article: 'Pasal 22 ayat (1)',
        text: 'Setiap PD wajib menyampaikan diagram LAN setiap tahun.',
        summary_en: 'Every agency submits its LAN diagram every year.',
        binds: 'agency',
        kind: 'recurring_submission',
        period: 'yearly',
        module: 'network',
        check: 'A LAN diagram submitted within the last 12 months.',
      };
      const document = {
        regulation: {
          id: 'perbup-uji',
          title: 'Perbup Uji',
          region: 'Kabupaten Uji',
          province: 'Sumatera Selatan',
          year: 2026,
        },
        notes: [],
        obligations: [obligation, obligation],
      };
      await admin.getByRole('textbox', { name: 'Id profil baru' }).fill('okut-sendiri');
      await admin.locator('input[type="file"]').setInputFiles({
        name: 'profil.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(document)),
      });
      await admin.getByRole('button', { name: 'Impor profil', exact: true }).click();
      const problems = admin.getByTestId('import-problems');
      await problems.getByText('/obligations/1/id').waitFor();
      await problems.getByText(/sama dengan \/obligations\/0\/id/).waitFor();
      expect(await table.locator('tbody tr').count()).toBe(before);
    });
  });

  it('prints the Tabanan report from the command line, with a summary line', async () => {
    await simpul.stop();
    const run = simpul.cli([
      'compliance',
      'report',
      '--profile',
      'tabanan-44-2022',
      '--format',
      'json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const summary = lines.pop() as { summary: Record<string, number>; obligations: number };
    expect(lines).toHaveLength(110);
    expect(summary.obligations).toBe(110);
    const counted: Record<string, number> = {};
    for (const o of lines as {
      id: string;
      check: string;
      parties: { status: string; decidedBy: string }[];
    }[]) {
      expect(o.check).toBeTruthy();
      for (const p of o.parties) counted[p.status] = (counted[p.status] ?? 0) + 1;
    }
    for (const [status, n] of Object.entries(summary.summary)) expect(counted[status] ?? 0).toBe(n);
    const lan = lines.find((o) => o.id === 'tabanan-44-2022.p11.a1');
    expect(lan.check).toBe('recurring_submission');

    const bad = simpul.cli(['compliance', 'report', '--profile', 'tidak-ada']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('tidak-ada');
  });
});
