import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { buildFile } from '../../../platform/files/testing/factories.js';
import { notifications } from '../../../platform/notifications/tables.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUserCtx } from '../../../platform/workflow/testing/user-ctx.js';
import { buildAgency } from '../../organization/testing/factories.js';
import { attachDocuments, buildApplication } from '../testing/factories.js';
import { getApplication } from './get-application.js';
import { takeApplicationTransition } from './take-application-transition.js';
import { updateApplication } from './update-application.js';

let t: TestApp;
let dataDir: string;
let agencyA: string;
let operatorA: { user: { id: string }; ctx: Ctx };
let headA: { user: { id: string }; ctx: Ctx };
let operatorB: Ctx;
let admin: { user: { id: string }; ctx: Ctx };
let auditor: Ctx;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-applications-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  agencyA = (await buildAgency(t.ctx)).id;
  operatorA = await buildUserCtx(t.ctx, { roles: ['agency_operator'], agencyId: agencyA });
  headA = await buildUserCtx(t.ctx, { roles: ['agency_head'], agencyId: agencyA });
  operatorB = (await buildUserCtx(t.ctx, { roles: ['agency_operator'] })).ctx;
  admin = await buildUserCtx(t.ctx, { roles: ['kominfo_admin'] });
  auditor = (await buildUserCtx(t.ctx, { roles: ['auditor'] })).ctx;
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const filesDir = () => join(dataDir, 'files');
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}
const take = (ctx: Ctx, id: string, transition: string, extra: object = {}) =>
  takeApplicationTransition(ctx, id, { transition, ...extra });

describe('application lifecycle (Perbup Tabanan 44/2022 Pasal 7)', () => {
  it('walks the seven stages with the consultation and the feasibility test recorded', async () => {
    const app = await buildApplication(operatorA.ctx, { agencyId: agencyA });
    await take(operatorA.ctx, app.id, 'to_planning');
    await take(headA.ctx, app.id, 'to_design');

    // Ayat (3): no implementation without the consultation with the Kepala Dinas — shown before
    // the click, and refused on it.
    const blockedBy = async (ctx: Ctx, transition: string) =>
      (await getApplication(ctx, app.id)).lifecycle.availableTransitions.find(
        (a) => a.name === transition,
      )?.blockedBy;
    expect(await blockedBy(operatorA.ctx, 'to_implementation')).toEqual({
      code: 'application.consultationRequired',
      message: expect.stringContaining('Kepala Dinas'),
    });
    const early = await refusal(take(operatorA.ctx, app.id, 'to_implementation'));
    expect(early.code).toBe('CONFLICT');
    expect(early.options.detailKey).toBe('application.consultationRequired');
    expect(
      (await refusal(take(operatorA.ctx, app.id, 'record_consultation', { comment: 'x' }))).code,
    ).toBe('FORBIDDEN');
    const noNotes = await refusal(take(admin.ctx, app.id, 'record_consultation'));
    expect(noNotes.options.errors?.map((e) => e.path)).toEqual(['/comment']);
    const consulted = await take(admin.ctx, app.id, 'record_consultation', {
      comment: 'Konsultasi 10 November: hosting di Pusat Data Daerah, integrasi via SPLP.',
    });
    expect(consulted.stage).toBe('rancang_bangun');
    expect(consulted.lifecycle.consultations).toEqual([
      expect.objectContaining({
        notes: 'Konsultasi 10 November: hosting di Pusat Data Daerah, integrasi via SPLP.',
      }),
    ]);

    expect(await blockedBy(operatorA.ctx, 'to_implementation')).toBeNull();
    await take(operatorA.ctx, app.id, 'to_implementation');
    const submitted = await take(operatorA.ctx, app.id, 'submit_for_testing');
    expect(submitted.stage).toBe('pengujian_kelaikan');
    // The Dinas is told the application waits for its test.
    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, admin.user.id));
    expect(inbox.map((n) => n.link)).toContain(`/console/applications/${app.id}`);

    // The test: only the Dinas; failing needs notes; passing needs notes, a report and the documents.
    expect(
      (await refusal(take(operatorA.ctx, app.id, 'pass_feasibility_test', { comment: 'x' }))).code,
    ).toBe('FORBIDDEN');
    const noReason = await refusal(take(admin.ctx, app.id, 'fail_feasibility_test'));
    expect(noReason.options.errors?.map((e) => e.path)).toEqual(['/comment']);
    const failed = await take(admin.ctx, app.id, 'fail_feasibility_test', {
      comment: 'Injeksi SQL pada pencarian.',
    });
    expect(failed.stage).toBe('implementasi');
    await take(operatorA.ctx, app.id, 'submit_for_testing', { comment: 'Sudah diperbaiki.' });

    const report = await buildFile(t.ctx, filesDir(), agencyA, { name: 'laporan-uji.pdf' });
    const noReport = await refusal(
      take(admin.ctx, app.id, 'pass_feasibility_test', { comment: 'Lulus' }),
    );
    expect(noReport.options.errors?.map((e) => e.path)).toEqual(['/attachmentIds']);
    const incomplete = await refusal(
      take(admin.ctx, app.id, 'pass_feasibility_test', {
        comment: 'Lulus',
        attachmentIds: [report.id],
      }),
    );
    expect(incomplete.options.detailKey).toBe('application.documentsIncomplete');
    expect(await blockedBy(admin.ctx, 'pass_feasibility_test')).toEqual({
      code: 'application.documentsIncomplete',
      message: expect.stringContaining('dokumen'),
    });
    // Failing needs no documents: it is never blocked.
    expect(await blockedBy(admin.ctx, 'fail_feasibility_test')).toBeNull();
    await attachDocuments(operatorA.ctx, filesDir(), app);
    expect(await blockedBy(admin.ctx, 'pass_feasibility_test')).toBeNull();
    const passed = await take(admin.ctx, app.id, 'pass_feasibility_test', {
      comment: 'Lulus uji fungsi dan keamanan.',
      attachmentIds: [report.id],
    });
    expect(passed.stage).toBe('pemeliharaan');
    expect(passed.lifecycle.feasibilityTests).toEqual([
      expect.objectContaining({ result: 'fail', notes: 'Injeksi SQL pada pencarian.' }),
      expect.objectContaining({
        result: 'pass',
        notes: 'Lulus uji fungsi dan keamanan.',
        attachmentIds: [report.id],
      }),
    ]);

    await take(operatorA.ctx, app.id, 'start_evaluation');
    const again = await take(operatorA.ctx, app.id, 'redevelop', {
      comment: 'Versi 3: modul baru.',
    });
    expect(again.stage).toBe('kajian_kebutuhan');
    // A new development cycle needs its own consultation.
    await take(operatorA.ctx, app.id, 'to_planning');
    await take(operatorA.ctx, app.id, 'to_design');
    expect(
      (await refusal(take(operatorA.ctx, app.id, 'to_implementation'))).options.detailKey,
    ).toBe('application.consultationRequired');
    expect(await blockedBy(operatorA.ctx, 'to_implementation')).toMatchObject({
      code: 'application.consultationRequired',
    });
    expect(again.lifecycle.timeline.map((e) => e.toState)).toEqual([
      'kajian_kebutuhan',
      'perencanaan',
      'rancang_bangun',
      'rancang_bangun',
      'implementasi',
      'pengujian_kelaikan',
      'implementasi',
      'pengujian_kelaikan',
      'pemeliharaan',
      'evaluasi',
      'kajian_kebutuhan',
    ]);
  });

  it('refuses invalid transitions (409), wrong roles (403) and other agencies (404)', async () => {
    const app = await buildApplication(operatorA.ctx, { agencyId: agencyA });
    const invalid = await refusal(take(operatorA.ctx, app.id, 'start_evaluation'));
    expect(invalid.code).toBe('CONFLICT');
    expect(invalid.options.detailKey).toBe('workflow.invalidTransition');
    expect((await refusal(take(auditor, app.id, 'to_planning'))).code).toBe('FORBIDDEN');
    expect((await refusal(take(operatorB, app.id, 'to_planning'))).code).toBe('NOT_FOUND');
    // Registration-only transitions are never taken afterwards.
    const internal = await refusal(
      take(operatorA.ctx, app.id, 'register_existing_pemeliharaan', { comment: 'x' }),
    );
    expect(internal.options.detailKey).toBe('workflow.invalidTransition');
    // The Dinas admin may move any agency's application forward.
    expect((await take(admin.ctx, app.id, 'to_planning')).stage).toBe('perencanaan');
  });

  it('keeps a retired application where it is', async () => {
    const app = await buildApplication(operatorA.ctx, { agencyId: agencyA });
    await updateApplication(operatorA.ctx, app.id, { status: 'retired' });
    const error = await refusal(take(operatorA.ctx, app.id, 'to_planning'));
    expect(error.code).toBe('CONFLICT');
    expect(error.options.detailKey).toBe('application.retired');
  });
});
