import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/contexts/evaluation/testing/pdf-text.js';
import { launchBrowser, snap } from '../support/browser.js';
import { type RunningSimpul, startSimpul } from '../support/server.js';

/**
 * Pemantauan dan Evaluasi SPBE 2026 as the demo regency's Tim Asesor Internal lives it
 * (PermenPANRB 59/2020 Lampiran p.82–85), in a real browser: the Koordinator SPBE (the Sekda)
 * opens the 2026 evaluation and assigns two indicators to the Bappeda member; the member answers
 * one with a level, an explanation and an uploaded document; the Penanggung Jawab lowers that level
 * with a note and sees the index follow; the planner proposes how to reach "Sangat Baik"; the
 * report PDF downloads with the index in its text.
 *
 * Relies on the demo's open 2026 evaluation and its team (seedEvaluationDemo).
 */
const PASSWORD = 'Simpul-Demo-2026';
const COORDINATOR = 'sekda@tabanankab.go.id';
const MEMBER = 'operator.bappeda@tabanankab.go.id';
const MEMBER_NAME = 'Desak Made Sukerti';
const VALIDATOR = 'asesor@tabanankab.go.id';
const EXPLANATION = 'Rencana dan anggaran SPBE dipadukan melalui SIPD untuk seluruh PD sejak 2025.';
const NOTE = 'Keterpaduan belum terbukti pada DPA seluruh PD; bukti hanya dari Bappeda.';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

let simpul: RunningSimpul;
let browser: Browser;
const contexts: BrowserContext[] = [];
let evaluationPath = '';

beforeAll(async () => {
  simpul = await startSimpul({}, ['--demo']);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await simpul?.stop();
  simpul?.cleanup();
});

async function personPage(email: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${simpul.url}/console/`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();
  return page;
}

async function step(page: Page | undefined, name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    if (page) await snap(page, `evaluation-${name}`).catch(() => {});
    throw error;
  }
}

/** The evaluation as the API shows it to the page's user (same cookies). */
async function evaluationJson(page: Page) {
  const id = evaluationPath.split('/').pop();
  const res = await page.request.get(`${simpul.url}/api/v1/evaluation/evaluations/${id}`);
  expect(res.status()).toBe(200);
  return res.json();
}

const indexCard = (page: Page, stage: 'self' | 'validated' | 'external') =>
  page.getByTestId(`index-${stage}`).getByRole('heading');

describe('SPBE evaluation 2026, from assignment to the report', () => {
  let coordinator: Page;
  let member: Page;
  let validator: Page;

  it('the coordinator opens the 2026 evaluation and assigns indicators 13 and 14 to the Bappeda member', async () => {
    coordinator = await personPage(COORDINATOR);
    await step(coordinator, 'assign', async () => {
      await coordinator
        .getByRole('navigation')
        .getByRole('link', { name: 'Evaluasi SPBE' })
        .click();
      await coordinator.getByRole('link', { name: 'Evaluasi 2026' }).click();
      await coordinator.getByRole('heading', { name: 'Evaluasi SPBE 2026' }).waitFor();
      evaluationPath = new URL(coordinator.url()).pathname;
      await coordinator.getByRole('checkbox', { name: 'Pilih indikator 13' }).check();
      await coordinator.getByRole('checkbox', { name: 'Pilih indikator 14' }).check();
      await coordinator.getByRole('combobox', { name: 'Tugaskan kepada' }).click();
      await coordinator.getByRole('option', { name: `${MEMBER_NAME} (Anggota)` }).click();
      await coordinator.getByRole('button', { name: 'Tugaskan 2 indikator' }).click();
      await coordinator.getByTestId('indicator-13').getByText(MEMBER_NAME).waitFor();
      await coordinator.getByTestId('indicator-14').getByText(MEMBER_NAME).waitFor();
    });
  });

  it('the member answers indicator 13 with a level, an explanation and an uploaded document', async () => {
    member = await personPage(MEMBER);
    await step(member, 'self-assess', async () => {
      await member.goto(`${simpul.url}${evaluationPath}`);
      await member.getByRole('switch', { name: 'Hanya indikator saya' }).check();
      // Only the member's four indicators remain, and only those can be answered.
      await expect
        .poll(() => member.getByRole('button', { name: /^Isi indikator/ }).count())
        .toBe(4);
      await member.getByRole('button', { name: 'Isi indikator 13' }).click();
      const dialog = member.getByRole('dialog');
      await dialog
        .getByText(/Apakah/)
        .first()
        .waitFor();
      await dialog.getByRole('radio', { name: /^3 – Terdefinisi/ }).check();
      await dialog.getByRole('textbox', { name: 'Penjelasan' }).fill(EXPLANATION);
      const chooser = member.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: 'Unggah data dukung' }).click();
      await (await chooser).setFiles({
        name: 'dpa-terpadu-2026.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await dialog.getByRole('link', { name: 'dpa-terpadu-2026.pdf' }).waitFor();
      await dialog.getByRole('button', { name: 'Simpan jawaban' }).click();
      await dialog.waitFor({ state: 'detached' });
      await member.getByTestId('indicator-13').getByText('1 data dukung').waitFor();
      const ev = await evaluationJson(member);
      const row = ev.indicators.find((i: { no: number }) => i.no === 13);
      expect(row).toMatchObject({
        selfLevel: 3,
        explanation: EXPLANATION,
        evidenceFiles: [{ name: 'dpa-terpadu-2026.pdf' }],
      });
    });
  });

  it('the validator lowers indicator 13 to level 2 with a note, and the validated index follows', async () => {
    validator = await personPage(VALIDATOR);
    await step(validator, 'validate', async () => {
      await validator.goto(`${simpul.url}${evaluationPath}`);
      const before = await evaluationJson(validator);
      const shownBefore = await indexCard(validator, 'validated').textContent();
      await validator.getByRole('button', { name: 'Validasi indikator 13' }).click();
      const dialog = validator.getByRole('dialog');
      await dialog.getByText(EXPLANATION, { exact: false }).waitFor();
      await dialog.getByRole('radio', { name: /^2 – Terkelola/ }).check();
      // Without a note the server refuses the change and says why.
      await dialog.getByRole('button', { name: 'Simpan validasi' }).click();
      await dialog
        .getByText('Tuliskan catatan saat mengubah tingkat hasil penilaian mandiri.')
        .waitFor();
      await dialog.getByRole('textbox', { name: /^Catatan validasi/ }).fill(NOTE);
      await dialog.getByRole('button', { name: 'Simpan validasi' }).click();
      await dialog.waitFor({ state: 'detached' });
      await validator.getByTestId('indicator-13').getByText(NOTE, { exact: false }).waitFor();
      const after = await evaluationJson(validator);
      // One level less on a 2,50 % indicator: the index drops by 0,025.
      expect(after.indices.validated.indexUnrounded).toBeCloseTo(
        before.indices.validated.indexUnrounded - 0.025,
        10,
      );
      expect(after.indices.self.indexUnrounded).toBeCloseTo(before.indices.self.indexUnrounded, 10);
      const expected = after.indices.validated.index.toFixed(2).replace('.', ',');
      await expect.poll(() => indexCard(validator, 'validated').textContent()).toBe(expected);
      expect(shownBefore).not.toBe(expected);
      await snap(validator, 'evaluation-indicators');
    });
  });

  it('the target planner proposes how to reach Sangat Baik', async () => {
    await step(validator, 'planner', async () => {
      await validator.getByRole('tab', { name: 'Wawasan' }).click();
      await validator.getByRole('img', { name: 'Radar aspek' }).waitFor();
      await validator.getByRole('button', { name: 'Susun rencana' }).click();
      const result = validator.getByTestId('plan-result');
      await result.getByText(/→ indeks 3,\d\d \(Sangat Baik\)/).waitFor();
      const rows = await result.getByRole('row').count();
      expect(rows).toBeGreaterThan(1);
      // For a human to look at: the insight tab as the validator sees it.
      await snap(validator, 'evaluation-insight');
    });
  });

  it('the report PDF downloads, is a PDF with the index in its text, and reads well', async () => {
    await step(validator, 'report', async () => {
      const ev = await evaluationJson(validator);
      const download = validator.waitForEvent('download');
      await validator.getByRole('button', { name: 'Unduh laporan (PDF)' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('laporan-evaluasi-spbe-2026.pdf');
      const path = await file.path();
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(bytes);
      expect(text).toContain('Laporan Evaluasi SPBE 2026');
      expect(text).toContain(ev.indices.validated.index.toFixed(2).replace('.', ','));
      expect(text).toContain('Rekomendasi perbaikan');
      // The indicator table lists every indicator.
      expect(text).toContain('Keterpaduan Rencana dan Anggaran SPBE');
      // Keep the report and a rendering of its first pages for a human to look at.
      const out = new URL('../artifacts/', import.meta.url).pathname;
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'evaluation-report-2026.pdf'), bytes);
      try {
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '60',
          '-f',
          '1',
          '-l',
          '3',
          join(out, 'evaluation-report-2026.pdf'),
          join(out, 'evaluation-report-2026'),
        ]);
      } catch {
        // pdftoppm (poppler-utils) is optional: the text checks above stand on their own.
      }
    });
  });
});
