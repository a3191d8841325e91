import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUserCtx } from '../../../platform/workflow/testing/user-ctx.js';
import { buildAgency } from '../../organization/testing/factories.js';
import { nationalApplications } from '../db/tables.js';
import { localToday } from '../rules.js';
import { buildApplication } from '../testing/factories.js';
import { createApplication } from './create-application.js';
import { getApplication } from './get-application.js';
import { updateApplication } from './update-application.js';

let t: TestApp;
let agencyA: string;
let operatorA: Ctx;
let operatorB: Ctx;
let auditor: Ctx;

beforeAll(async () => {
  t = await createTestApp();
  agencyA = (await buildAgency(t.ctx)).id;
  operatorA = (await buildUserCtx(t.ctx, { roles: ['agency_operator'], agencyId: agencyA })).ctx;
  operatorB = (await buildUserCtx(t.ctx, { roles: ['agency_operator'] })).ctx;
  auditor = (await buildUserCtx(t.ctx, { roles: ['auditor'] })).ctx;
});
afterAll(() => t.close());

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const plusTwoYears = (date: string) => `${Number(date.slice(0, 4)) + 2}${date.slice(4)}`;

describe('registering an application', () => {
  it('starts its lifecycle in kajian kebutuhan and records the audit event', async () => {
    const app = await createApplication(operatorA, {
      agencyId: agencyA,
      name: 'Sistem Informasi Posyandu',
      kind: 'khusus',
      hostingLocation: 'pusat_data_daerah',
      dataClassification: 'terbatas',
      technologyStack: 'Laravel 11',
    });
    expect(app).toMatchObject({
      name: 'Sistem Informasi Posyandu',
      stage: 'kajian_kebutuhan',
      status: 'active',
      registeredOn: localToday(),
      lastAuditDate: null,
      auditDueDate: plusTwoYears(localToday()),
      auditOverdue: false,
      completeness: { required: true, present: 0, total: 4 },
    });
    expect(app.lifecycle.timeline.map((e) => e.transition)).toEqual(['start']);
    expect(app.lifecycle.availableTransitions.map((a) => a.name)).toEqual(['to_planning']);
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, app.id), eq(auditEvents.action, 'application.create')));
    expect(event?.after).toMatchObject({ name: 'Sistem Informasi Posyandu', agencyId: agencyA });
  });

  it('registers an existing application in its current stage, saying so in the timeline', async () => {
    const app = await buildApplication(operatorA, { agencyId: agencyA, stage: 'pemeliharaan' });
    expect(app.stage).toBe('pemeliharaan');
    expect(app.lifecycle.timeline.map((e) => [e.transition, e.toState])).toEqual([
      ['start', 'kajian_kebutuhan'],
      ['register_existing_pemeliharaan', 'pemeliharaan'],
    ]);
    expect(app.lifecycle.timeline[1]?.comment).toContain('Tahap sebelumnya tidak tercatat');
    expect(app.lifecycle.availableTransitions.map((a) => a.name)).toEqual(['start_evaluation']);
  });

  it('refuses another agency, and readers, with a 403', async () => {
    expect((await refusal(buildApplication(operatorB, { agencyId: agencyA }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(buildApplication(auditor, { agencyId: agencyA }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses a duplicate name in the same agency, case-insensitively', async () => {
    await buildApplication(operatorA, { agencyId: agencyA, name: 'Aplikasi Kembar' });
    const error = await refusal(
      buildApplication(operatorA, { agencyId: agencyA, name: 'aplikasi kembar ' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.options.errors?.[0]?.path).toBe('/name');
    // Another agency may use the name.
    await expect(buildApplication(t.ctx, { name: 'Aplikasi Kembar' })).resolves.toBeTruthy();
  });

  it('checks the rules a schema cannot: complexity, national pair, hand-over, audit date', async () => {
    const [sipd] = await t.database.db
      .select()
      .from(nationalApplications)
      .where(eq(nationalApplications.code, 'sipd'));
    const error = await refusal(
      buildApplication(operatorA, {
        agencyId: agencyA,
        kind: 'khusus',
        complexity: 'besar',
        nationalApplicationId: sipd?.id,
        handoverStatus: 'pending',
        lastAuditDate: '2999-01-01',
      }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.options.errors?.map((e) => e.path)).toEqual([
      '/complexity',
      '/nationalRelation',
      '/vendorName',
      '/lastAuditDate',
    ]);
    const unknown = await refusal(
      buildApplication(operatorA, {
        agencyId: agencyA,
        nationalApplicationId: '00000000-0000-4000-8000-000000000000',
        nationalRelation: 'replaces',
      }),
    );
    expect(unknown.options.errors?.map((e) => e.path)).toEqual(['/nationalApplicationId']);

    const umum = await buildApplication(operatorA, {
      agencyId: agencyA,
      kind: 'umum',
      complexity: 'besar',
      nationalApplicationId: sipd?.id,
      nationalRelation: 'is',
      vendorName: 'PT Contoh',
      handoverStatus: 'partial',
    });
    expect(umum).toMatchObject({
      complexity: 'besar',
      nationalApplication: { code: 'sipd' },
      nationalRelation: 'is',
      completeness: { required: false, missing: [] },
    });
  });
});

describe('audit due date (OKU Timur 2022 Pasal 19 ayat (6))', () => {
  it('is the last audit plus two years, flagged when passed, and moves with a new audit', async () => {
    const app = await buildApplication(operatorA, {
      agencyId: agencyA,
      lastAuditDate: '2024-02-29',
    });
    expect(app).toMatchObject({ auditDueDate: '2026-02-28', auditOverdue: true });

    const audited = await updateApplication(operatorA, app.id, { lastAuditDate: localToday() });
    expect(audited).toMatchObject({
      lastAuditDate: localToday(),
      auditDueDate: plusTwoYears(localToday()),
      auditOverdue: false,
    });

    const back = await updateApplication(operatorA, app.id, { lastAuditDate: '2020-05-01' });
    expect(back.auditOverdue).toBe(true);
    const retired = await updateApplication(operatorA, app.id, { status: 'retired' });
    expect(retired).toMatchObject({ status: 'retired', auditOverdue: false });
  });

  it('counts from the registration when never audited', async () => {
    const app = await buildApplication(operatorA, { agencyId: agencyA });
    expect(app.auditDueDate).toBe(plusTwoYears(app.registeredOn));
    const cleared = await updateApplication(operatorA, app.id, { lastAuditDate: null });
    expect(cleared.auditDueDate).toBe(plusTwoYears(app.registeredOn));
  });
});

describe('editing and reading an application', () => {
  it("hides another agency's application (404) and refuses a reader's edit (403)", async () => {
    const app = await buildApplication(operatorA, { agencyId: agencyA });
    expect((await refusal(getApplication(operatorB, app.id))).code).toBe('NOT_FOUND');
    expect((await refusal(updateApplication(operatorB, app.id, { name: 'Baru' }))).code).toBe(
      'NOT_FOUND',
    );
    await expect(getApplication(auditor, app.id)).resolves.toMatchObject({ id: app.id });
    expect((await refusal(updateApplication(auditor, app.id, { name: 'Baru' }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('records before and after in the audit trail', async () => {
    const app = await buildApplication(operatorA, { agencyId: agencyA });
    await updateApplication(operatorA, app.id, {
      url: 'https://posyandu.ujikab.go.id',
      subdomain: 'posyandu.ujikab.go.id',
    });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, app.id), eq(auditEvents.action, 'application.update')));
    expect(event?.before).toMatchObject({ url: null });
    expect(event?.after).toMatchObject({ url: 'https://posyandu.ujikab.go.id' });
  });
});
