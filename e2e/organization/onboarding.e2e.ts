import { PGlite } from '@electric-sql/pglite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, snap } from '../support/browser.js';
import { type RunningSimpul, startSimpul } from '../support/server.js';

/**
 * The platform foundation as a new regency meets it: start Simpul, sign in as the first admin,
 * register a Perangkat Daerah and an operator for it, sign in as that operator and see only what
 * the role allows, find every step in the audit trail, and catch a tampered row with
 * `simpul audit verify`.
 */
const ADMIN = { email: 'admin@ujikab.go.id', password: 'sandi-admin-uji-2026' };
const OPERATOR = {
  email: 'operator.dlh@ujikab.go.id',
  initial: 'sandi-awal-operator',
  changed: 'sandi-operator-baru-1',
};

let simpul: RunningSimpul;
let browser: Browser;

beforeAll(async () => {
  simpul = await startSimpul({
    SIMPUL_ADMIN_EMAIL: ADMIN.email,
    SIMPUL_ADMIN_PASSWORD: ADMIN.password,
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await simpul?.stop();
  simpul?.cleanup();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${simpul.url}/console/`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel(/^Kata sandi/).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await page.getByRole('button', { name: 'Masuk', exact: true }).waitFor();
}

async function pick(
  page: Page,
  scope: ReturnType<Page['getByRole']>,
  label: string,
  option: string,
) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('a new regency onboards its first agency and operator', () => {
  it('shows the public portal', async () => {
    const page = await browser.newPage();
    await page.goto(simpul.url);
    // Not configured yet: the portal names a generic Pemerintah Daerah and links to the console.
    await page.getByRole('heading', { level: 1, name: 'Pemerintah Daerah' }).waitFor();
    expect(await page.getByRole('link', { name: /Masuk ke Konsol/ }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('runs the whole journey in the browser', async () => {
    const page = await browser.newPage();
    try {
      // The first admin, created at first start from SIMPUL_ADMIN_EMAIL/PASSWORD.
      await signIn(page, ADMIN.email, ADMIN.password);
      await page.getByRole('heading', { name: /Selamat datang/ }).waitFor();

      // Register a Perangkat Daerah.
      await page.getByRole('link', { name: 'Perangkat Daerah' }).first().click();
      await page.getByRole('button', { name: 'Tambah Perangkat Daerah' }).click();
      const agencyForm = page.getByRole('dialog');
      await agencyForm.getByRole('textbox', { name: 'Kode' }).fill('DLH');
      await agencyForm
        .getByRole('textbox', { name: 'Nama', exact: true })
        .fill('Dinas Lingkungan Hidup');
      await agencyForm.getByRole('textbox', { name: 'Singkatan' }).fill('DLH');
      await pick(page, agencyForm, 'Jenis', 'Dinas');
      await agencyForm.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Perangkat Daerah Dinas Lingkungan Hidup ditambahkan.').waitFor();

      // An operator for it.
      await page.getByRole('link', { name: 'Pengguna' }).first().click();
      await page.getByRole('button', { name: 'Tambah Pengguna' }).click();
      const userForm = page.getByRole('dialog');
      await userForm.getByRole('textbox', { name: 'Email' }).fill(OPERATOR.email);
      await userForm.getByRole('textbox', { name: 'Nama lengkap' }).fill('Ni Made Operator');
      await pick(page, userForm, 'Perangkat Daerah', 'DLH — Dinas Lingkungan Hidup');
      await userForm.getByLabel(/^Kata sandi awal/).fill(OPERATOR.initial);
      await pick(page, userForm, 'Peran', 'Operator PD');
      await page.keyboard.press('Escape').catch(() => {});
      await userForm.getByRole('button', { name: 'Simpan' }).click();
      await page.getByText('Pengguna Ni Made Operator ditambahkan.').waitFor();
      await signOut(page);

      // The operator signs in, must replace the initial password, then sees only its scope.
      await signIn(page, OPERATOR.email, OPERATOR.initial);
      await page.getByRole('heading', { name: 'Ganti kata sandi' }).waitFor();
      await page.getByLabel(/^Kata sandi saat ini/).fill(OPERATOR.initial);
      await page.getByLabel(/^Kata sandi baru/).fill(OPERATOR.changed);
      await page.getByLabel(/^Ulangi kata sandi baru/).fill(OPERATOR.changed);
      await page.getByRole('button', { name: 'Ubah kata sandi' }).click();
      await page.getByRole('heading', { name: /Selamat datang, Ni Made Operator/ }).waitFor();

      const nav = page.getByRole('navigation');
      expect(await nav.getByRole('link', { name: 'Jejak Audit' }).count()).toBe(0);
      await nav.getByRole('link', { name: 'Perangkat Daerah' }).click();
      await page.getByTestId('agencies-table').waitFor();
      expect(await page.getByRole('button', { name: 'Tambah Perangkat Daerah' }).count()).toBe(0);
      await nav.getByRole('link', { name: 'Pengguna' }).click();
      const users = page.getByTestId('users-table');
      await users.getByText(OPERATOR.email).waitFor();
      expect(await users.getByText(ADMIN.email).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Tambah Pengguna' }).count()).toBe(0);

      // The API refuses what the screens do not offer.
      const status = await page.evaluate(async () => (await fetch('/api/v1/audit-events')).status);
      expect(status).toBe(403);
      await signOut(page);

      // Every step is in the audit trail, and the chain verifies.
      await signIn(page, ADMIN.email, ADMIN.password);
      await page.getByRole('link', { name: 'Jejak Audit' }).click();
      const trail = page.getByTestId('audit-table');
      for (const action of ['agency.create', 'user.create', 'auth.change_password']) {
        await trail.getByText(action).first().waitFor();
      }
      await trail.getByText(OPERATOR.email).first().waitFor();
      await page.getByRole('button', { name: 'Verifikasi rantai' }).click();
      await page.getByTestId('audit-verify-result').getByText('Rantai audit utuh').waitFor();
    } catch (error) {
      await snap(page, 'onboarding-failure');
      throw error;
    } finally {
      await page.close();
    }
  });

  it('`simpul audit verify` passes, then names the first entry after a row is altered', async () => {
    await simpul.stop();
    const intact = simpul.cli(['audit', 'verify']);
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/Jejak audit utuh: \d+ entri diperiksa/);

    // Someone with direct access to the database edits an agency-creation entry.
    const db = new PGlite(`${simpul.dataDir}/pgdata`);
    const target = await db.query<{ seq: number }>(
      "select seq from audit_events where action = 'agency.create' order by seq limit 1",
    );
    const seq = Number(target.rows[0]?.seq);
    await db.exec('alter table audit_events disable trigger user');
    await db.query(
      `update audit_events set after = jsonb_set(after, '{name}', '"Dinas Palsu"') where seq = $1`,
      [seq],
    );
    await db.close();

    const broken = simpul.cli(['audit', 'verify']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`#${seq}`);
  });
});

describe('a first start without an admin', () => {
  it('tells the operator exactly how to create one', async () => {
    const bare = await startSimpul();
    try {
      expect(bare.logs.join('')).toContain('simpul admin create --email');
      const created = await (async () => {
        await bare.stop();
        return bare.cli([
          'admin',
          'create',
          '--email',
          'kadis@ujikab.go.id',
          '--password',
          'sandi-kadis-panjang',
        ]);
      })();
      expect(created.status, created.stderr).toBe(0);
      expect(created.stdout).toContain('kadis@ujikab.go.id');
    } finally {
      await bare.stop();
      bare.cleanup();
    }
  });
});
