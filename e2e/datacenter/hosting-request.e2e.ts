import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from '../support/browser.js';
import { type RunningSimpul, startSimpul } from '../support/server.js';

/**
 * Perbup Tabanan 44/2022 Pasal 7 and Pasal 14 ayat (10) as the people of the demo regency live
 * them, in a real browser: the Dinas Kesehatan operator registers an application, uploads its four
 * required documents and asks for hosting in the Pusat Data; the Diskominfo admin runs the
 * security and feasibility test and returns the request with findings; the operator fixes it and
 * submits it again; the admin tests again and accepts it with the allocated resources. Both follow
 * it on the timeline and are told of each other's steps by notifications.
 *
 * Everything the journey needs is created through the screens: the demo data of these modules is
 * not relied on.
 */
const PASSWORD = 'Simpul-Demo-2026';
const OPERATOR = 'operator.dinkes@tabanankab.go.id';
const ADMIN = 'admin@tabanankab.go.id';

const APP = 'SI Gizi Balita Tabanan';
const DOCUMENTS = [
  'Dokumen kebutuhan (SRS)',
  'Dokumen rancangan',
  'Manual pengguna',
  'Kode sumber & penjelasan',
];
/** The smallest file the upload accepts as a PDF (the server sniffs the bytes). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

// Comments of each step, unique so the notifications they travel in can be recognised.
const SUBMIT_NOTE = 'Mohon diuji untuk hosting SI Gizi Balita.';
const FINDING = 'Sertifikat TLS pada domain uji sudah kedaluwarsa.';
const RETURN_REASONS = 'Perbarui sertifikat TLS lalu ajukan ulang.';
const RESUBMIT_NOTE = 'Sertifikat TLS sudah diperbarui (berlaku sampai 2027).';
const ACCEPT_NOTE = 'Ditempatkan pada klaster VM Pusat Data.';

let simpul: RunningSimpul;
let browser: Browser;
let operatorContext: BrowserContext;
let adminContext: BrowserContext;
let operator: Page;
let admin: Page;
let requestPath = '';

beforeAll(async () => {
  simpul = await startSimpul({}, ['--demo']);
  browser = await launchBrowser();
  // One browser profile per person, both signed in side by side.
  operatorContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  adminContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  operator = await operatorContext.newPage();
  admin = await adminContext.newPage();
});

afterAll(async () => {
  await operatorContext?.close();
  await adminContext?.close();
  await browser?.close();
  await simpul?.stop();
  simpul?.cleanup();
});

/** Runs one step of the journey; on failure both screens are saved to e2e/artifacts/. */
async function step(name: string, body: () => Promise<void>) {
  try {
    await body();
  } catch (error) {
    await snap(operator, `hosting-request-${name}-operator`).catch(() => {});
    await snap(admin, `hosting-request-${name}-admin`).catch(() => {});
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

async function pick(
  page: Page,
  scope: ReturnType<Page['getByRole']>,
  label: RegExp,
  option: string,
) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Takes a workflow transition through its button and dialog, with a comment when given. */
async function take(page: Page, label: string, comment?: { field: RegExp; text: string }) {
  await page.getByTestId('transitions').getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (comment) await dialog.getByRole('textbox', { name: comment.field }).fill(comment.text);
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await page.getByText(`${label}: berhasil.`).first().waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

async function expectState(page: Page, state: string) {
  await page.getByTestId('hosting-state').getByText(state, { exact: true }).waitFor();
}

/** Opens the notification carrying `text` from the header bell (after a reload, to see new ones). */
async function openNotification(page: Page, text: string) {
  await page.reload();
  const bell = page.getByRole('button', { name: /^Pemberitahuan, \d+ belum dibaca$/ });
  await bell.click();
  const dropdown = page.getByTestId('notification-dropdown');
  await dropdown.getByText(text, { exact: false }).first().click();
}

/** The security and feasibility checklist: every item passed except `failing` (1-based). */
async function recordTest(page: Page, failing?: { item: number; note: string; findings: string }) {
  const form = page.getByTestId('hosting-test-form');
  await form.waitFor();
  await form.getByRole('button', { name: /Tandai yang belum dinilai/ }).click();
  if (failing) {
    const result = form.getByRole('radiogroup', {
      name: new RegExp(`^Hasil butir ${failing.item}\\b`),
    });
    await result.getByRole('radio', { name: 'Gagal' }).check();
    await form.getByRole('textbox', { name: `Catatan butir ${failing.item}` }).fill(failing.note);
    await form.getByRole('textbox', { name: /^Temuan/ }).fill(failing.findings);
  }
  await form.getByRole('button', { name: 'Simpan hasil uji' }).click();
  await page.getByText('Hasil uji disimpan.').first().waitFor();
}

describe('an agency places an application in the Pusat Data', () => {
  it('the operator registers an application and uploads its four documents', async () => {
    await step('register', async () => {
      await signIn(operator, OPERATOR);
      await operator
        .getByRole('navigation')
        .getByRole('link', { name: 'Aplikasi', exact: true })
        .click();
      await operator.getByTestId('applications-table').waitFor();

      await operator.getByRole('button', { name: 'Tambah Aplikasi' }).click();
      const form = operator.getByRole('dialog');
      // The operator's own agency is chosen already.
      expect(
        await form.getByRole('combobox', { name: /^Perangkat Daerah pemilik/ }).inputValue(),
      ).toBe('Dinas Kesehatan');
      await form.getByRole('textbox', { name: /^Nama aplikasi/ }).fill(APP);
      await pick(operator, form, /^Jenis aplikasi/, 'Khusus');
      await form
        .getByRole('textbox', { name: 'Deskripsi', exact: true })
        .fill('Pemantauan gizi balita di puskesmas.');
      await form
        .getByRole('textbox', { name: 'URL', exact: true })
        .fill('https://sigizi.tabanankab.go.id');
      await form
        .getByRole('textbox', { name: 'Teknologi', exact: true })
        .fill('Laravel 11, PostgreSQL 16');
      await pick(operator, form, /^Klasifikasi data/, 'Terbatas');
      await form.getByRole('button', { name: 'Simpan', exact: true }).click();
      await operator.getByRole('heading', { level: 2, name: APP }).waitFor();
      await operator.getByLabel('Dokumen wajib 0/4').waitFor();

      for (const kind of DOCUMENTS) {
        const chooser = operator.waitForEvent('filechooser');
        await operator.getByRole('button', { name: `Unggah ${kind}`, exact: true }).click();
        await (await chooser).setFiles({
          name: `${kind.replace(/\W+/g, '-').toLowerCase()}.pdf`,
          mimeType: 'application/pdf',
          buffer: PDF,
        });
        await operator.getByText(`${kind} tersimpan.`).first().waitFor();
      }
      await operator.getByLabel('Dokumen wajib 4/4').waitFor();
      for (const kind of DOCUMENTS) {
        const slot = operator.getByTestId('documents').getByText(kind, { exact: true });
        await slot.waitFor();
      }
      expect(await operator.getByText('Versi 1').count()).toBe(4);

      // The registry lists it complete, and exports the same rows.
      await operator.getByRole('link', { name: 'Kembali ke daftar aplikasi' }).click();
      const row = operator
        .getByTestId('applications-table')
        .getByRole('row', { name: new RegExp(APP) });
      await row.getByText('4/4').waitFor();
      const download = operator.waitForEvent('download');
      await operator.getByRole('button', { name: 'Unduh XLSX' }).click();
      expect((await download).suggestedFilename()).toMatch(
        /^aplikasi-spbe-\d{4}-\d{2}-\d{2}\.xlsx$/,
      );
    });
  });

  it('the operator asks for hosting of it in the Pusat Data', async () => {
    await step('submit', async () => {
      await operator
        .getByRole('navigation')
        .getByRole('link', { name: 'Pusat Data', exact: true })
        .click();
      await operator.getByRole('tab', { name: 'Permohonan Hosting' }).waitFor();
      await operator.getByRole('button', { name: 'Ajukan Permohonan' }).click();
      const form = operator.getByRole('dialog');
      await pick(operator, form, /^Jenis layanan/, 'Hosting');
      await pick(operator, form, /^Aplikasi terdaftar/, APP);
      expect(await form.getByRole('textbox', { name: /^Nama aplikasi/ }).inputValue()).toBe(APP);
      await form.getByRole('textbox', { name: /^vCPU/ }).fill('2');
      await form.getByRole('textbox', { name: /^RAM/ }).fill('4');
      await form.getByRole('textbox', { name: /^Penyimpanan/ }).fill('50');
      await form.getByRole('textbox', { name: /^Domain/ }).fill('sigizi.tabanankab.go.id');
      await pick(operator, form, /^Klasifikasi data/, 'Terbatas');
      await form
        .getByRole('textbox', { name: /^Rencana pencadangan/ })
        .fill('Pencadangan harian basis data ke NAS Diskominfo, disimpan 30 hari.');
      await form
        .getByRole('textbox', { name: /^Tanggal uji pemulihan terakhir/ })
        .fill('2026-01-15');
      await form.getByRole('button', { name: 'Simpan draf' }).click();
      await expectState(operator, 'Draf');
      requestPath = new URL(operator.url()).pathname;
      expect(requestPath).toMatch(/^\/console\/pusat-data\/hosting\/[0-9a-f-]{36}$/);

      // The disaster-recovery plan is still missing: submitting is not offered yet.
      await operator
        .getByText('Ajukan belum dapat dilakukan: lengkapi dahulu Rencana pemulihan bencana.')
        .waitFor();
      expect(
        await operator
          .getByTestId('transitions')
          .getByRole('button', { name: 'Ajukan' })
          .isDisabled(),
      ).toBe(true);
      await operator
        .getByRole('textbox', { name: /^Rencana pemulihan bencana/ })
        .fill('Pulihkan dari cadangan terakhir ke VM cadangan dalam 4 jam.');
      await operator.getByRole('button', { name: 'Simpan perubahan' }).click();
      await operator.getByText('Perubahan permohonan disimpan.').first().waitFor();

      await take(operator, 'Ajukan', { field: /^Komentar/, text: SUBMIT_NOTE });
      await expectState(operator, 'Diajukan');
      // Submitted requests are frozen for the agency.
      expect(await operator.getByRole('button', { name: 'Simpan perubahan' }).count()).toBe(0);
    });
  });

  it('the Dinas admin runs the test and returns the request with findings', async () => {
    await step('return', async () => {
      await signIn(admin, ADMIN);
      await openNotification(admin, SUBMIT_NOTE);
      await admin.waitForURL(`**${requestPath}`);
      await expectState(admin, 'Diajukan');
      await admin.getByText(APP, { exact: true }).first().waitFor();

      await take(admin, 'Mulai uji');
      await expectState(admin, 'Uji keamanan dan kelayakan');
      await recordTest(admin, {
        item: 3,
        note: 'Sertifikat kedaluwarsa.',
        findings: FINDING,
      });
      await take(admin, 'Selesaikan uji');
      await expectState(admin, 'Analisis hasil uji');

      // Returning needs the reasons: the dialog refuses without them.
      await admin
        .getByTestId('transitions')
        .getByRole('button', { name: 'Kembalikan', exact: true })
        .click();
      const dialog = admin.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Kembalikan', exact: true }).click();
      await dialog.getByText('Wajib diisi.').waitFor();
      await dialog.getByRole('button', { name: 'Batal' }).click();
      await take(admin, 'Kembalikan', { field: /^Alasan pengembalian/, text: RETURN_REASONS });
      await expectState(admin, 'Dikembalikan');
    });
  });

  it('the operator sees the findings, fixes the request and submits it again', async () => {
    await step('resubmit', async () => {
      await openNotification(operator, RETURN_REASONS);
      await operator.waitForURL(`**${requestPath}`);
      await expectState(operator, 'Dikembalikan');
      await operator.getByTestId('hosting-test-findings').getByText(FINDING).waitFor();
      await operator.getByTestId('workflow-timeline').getByText(RETURN_REASONS).waitFor();

      await operator
        .getByRole('textbox', { name: /^Deskripsi kebutuhan/ })
        .fill('Sertifikat TLS diperbarui; HTTPS diuji ulang dengan SSL Labs (nilai A).');
      await operator.getByRole('button', { name: 'Simpan perubahan' }).click();
      await operator.getByText('Perubahan permohonan disimpan.').first().waitFor();
      await take(operator, 'Ajukan ulang', { field: /^Komentar/, text: RESUBMIT_NOTE });
      await expectState(operator, 'Diajukan');
    });
  });

  it('the admin tests again and accepts it with the allocated resources', async () => {
    await step('accept', async () => {
      await openNotification(admin, RESUBMIT_NOTE);
      await admin.waitForURL(`**${requestPath}`);
      await expectState(admin, 'Diajukan');
      await take(admin, 'Mulai uji');
      await recordTest(admin);
      await take(admin, 'Selesaikan uji');

      await admin
        .getByTestId('transitions')
        .getByRole('button', { name: 'Terima', exact: true })
        .click();
      const dialog = admin.getByRole('dialog');
      // The allocation starts from what was asked for.
      expect(await dialog.getByRole('textbox', { name: /^Nama host/ }).inputValue()).toBe(
        'sigizi.tabanankab.go.id',
      );
      expect(await dialog.getByRole('textbox', { name: /^Penyimpanan/ }).inputValue()).toBe('50');
      await dialog.getByRole('textbox', { name: 'Alamat IP' }).fill('10.10.20.15');
      await dialog.getByRole('textbox', { name: /^Komentar/ }).fill(ACCEPT_NOTE);
      await dialog.getByRole('button', { name: 'Terima', exact: true }).click();
      await admin.getByText('Terima: berhasil.').first().waitFor();
      await expectState(admin, 'Diterima');
      await admin.getByText('10.10.20.15').waitFor();
    });
  });

  it('both follow the whole timeline and got each other’s notifications', async () => {
    await step('timeline', async () => {
      const steps = [
        'Draf dibuat',
        'Diajukan',
        'Uji dimulai',
        'Uji selesai',
        'Dikembalikan',
        'Diajukan ulang',
        'Uji dimulai',
        'Uji selesai',
        'Diterima',
      ];
      // The admin's screen, then the operator's (opened from the acceptance notification).
      const adminEvents = admin.getByTestId('timeline-event');
      await expect.poll(() => adminEvents.count()).toBe(steps.length);

      await openNotification(operator, ACCEPT_NOTE);
      await operator.waitForURL(`**${requestPath}`);
      await expectState(operator, 'Diterima');
      await operator.getByText('10.10.20.15').waitFor();
      const events = operator.getByTestId('timeline-event');
      await expect.poll(() => events.count()).toBe(steps.length);
      for (const [index, title] of steps.entries()) {
        await events.nth(index).getByText(title, { exact: true }).first().waitFor();
      }
      const timeline = operator.getByTestId('workflow-timeline');
      for (const text of [SUBMIT_NOTE, RETURN_REASONS, RESUBMIT_NOTE, ACCEPT_NOTE]) {
        await timeline.getByText(text).waitFor();
      }
      await timeline
        .getByText(/oleh I Made Suarjana/)
        .first()
        .waitFor();
      await timeline
        .getByText(/oleh Ni Komang Ariani/)
        .first()
        .waitFor();
      // Both rounds of the test are kept.
      await operator.getByText('Putaran 1').waitFor();
      await operator.getByText('Putaran 2').waitFor();

      // The operator's inbox: the return and the acceptance; then everything is marked read.
      await operator.getByRole('navigation').getByRole('link', { name: 'Pemberitahuan' }).click();
      const inbox = operator.getByTestId('notifications-list');
      await inbox.getByText('Permohonan Pusat Data: Kembalikan').first().waitFor();
      await inbox.getByText('Permohonan Pusat Data: Terima').first().waitFor();
      await inbox.getByText(RETURN_REASONS, { exact: false }).waitFor();
      await operator.getByRole('button', { name: 'Tandai semua dibaca' }).click();
      await operator.getByRole('button', { name: 'Pemberitahuan', exact: true }).waitFor();

      // The admin's inbox: the submission and the resubmission.
      await admin.getByRole('navigation').getByRole('link', { name: 'Pemberitahuan' }).click();
      const adminInbox = admin.getByTestId('notifications-list');
      await adminInbox.getByText(SUBMIT_NOTE, { exact: false }).waitFor();
      await adminInbox.getByText(RESUBMIT_NOTE, { exact: false }).waitFor();
      await adminInbox.getByText('Permohonan Pusat Data: Ajukan ulang').first().waitFor();

      // Without SMTP the mails wait in the outbox, which the Diskominfo admin can read.
      await admin.getByRole('navigation').getByRole('link', { name: 'Kotak Keluar Email' }).click();
      await admin.getByTestId('outbox-table').getByText(OPERATOR).first().waitFor();
      expect(await operator.getByRole('link', { name: 'Kotak Keluar Email' }).count()).toBe(0);
    });
  });
});
