import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import { buildFile } from '../../../platform/files/testing/factories.js';
import { notifications } from '../../../platform/notifications/tables.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { completeRequest, passingTest, sampleAllocation } from '../testing/factories.js';

let t: TestApp;
let dataDir: string;
let agencyA: string;
let operatorA: Session;
let operatorAId: string;
let operatorB: Session;
let admin: Session;
let adminId: string;
let auditor: Session;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-hosting-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  await ensureKominfo(t.ctx);
  agencyA = (await buildAgency(t.ctx)).id;
  const opA = await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: agencyA });
  operatorAId = opA.id;
  operatorA = await signIn(t.app, opA.email);
  operatorB = await signIn(t.app, (await buildUser(t.ctx, { roles: ['agency_operator'] })).email);
  const adminUser = await buildUser(t.ctx, { roles: ['kominfo_admin'] });
  adminId = adminUser.id;
  admin = await signIn(t.app, adminUser.email);
  auditor = await signIn(t.app, (await buildUser(t.ctx, { roles: ['auditor'] })).email);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const base = '/api/v1/datacenter/hosting-requests';
const get = (s: Session, url: string) => t.app.inject({ url, headers: s.headers });
const send = (s: Session, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) =>
  t.app.inject({ method, url, headers: s.headers, payload: payload as never });
const move = (s: Session, id: string, body: Record<string, unknown>) =>
  send(s, 'POST', `${base}/${id}/transitions`, body);

async function inbox(userId: string, requestId: string) {
  const rows = await t.database.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return rows
    .filter((n) => n.link === `/console/pusat-data/hosting/${requestId}`)
    .map((n) => n.kind);
}

describe('hosting request journey (Perbup Tabanan 44/2022 Pasal 14 ayat (10))', () => {
  it('goes submit → test → analysis → return → fix → resubmit → test → accept, with a full timeline', async () => {
    // a. The agency drafts the request, for its home agency by default; not yet complete.
    const { agencyId: _a, disasterRecoveryPlan: _d, ...draft } = completeRequest(agencyA);
    const created = await send(operatorA, 'POST', base, draft);
    expect(created.statusCode).toBe(201);
    const request = created.json();
    const id = request.id as string;
    expect(request).toMatchObject({
      agency: { id: agencyA },
      state: 'draft',
      editable: true,
      missingForSubmission: ['disasterRecoveryPlan'],
      dueAt: null,
      tests: [],
      allocation: null,
    });
    // Offered, with the guard's reason, so the console shows it instead of a failing button.
    expect(request.availableTransitions).toEqual([
      expect.objectContaining({
        name: 'submit',
        blockedBy: {
          code: 'datacenter.hostingRequest.incomplete',
          message: expect.stringContaining('rencana pemulihan bencana'),
        },
      }),
    ]);
    expect(request.checklistTemplate.length).toBeGreaterThan(5);

    // Incomplete: the guard refuses the submission with its own message.
    const incomplete = await move(operatorA, id, { transition: 'submit' });
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().detail).toContain('rencana pemulihan bencana');

    const fixed = await send(operatorA, 'PATCH', `${base}/${id}`, {
      disasterRecoveryPlan: 'Salinan mingguan ke DRC provinsi.',
    });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().missingForSubmission).toEqual([]);
    expect(fixed.json().availableTransitions).toEqual([
      expect.objectContaining({ name: 'submit', blockedBy: null }),
    ]);

    const submitted = await move(operatorA, id, {
      transition: 'submit',
      comment: 'Mohon ditempatkan sebelum masa PPDB.',
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', editable: false });
    expect(submitted.json().dueAt).not.toBeNull();
    expect(await inbox(adminId, id)).toEqual(['workflow.hosting_request.submit']);

    // Frozen once submitted.
    const frozen = await send(operatorA, 'PATCH', `${base}/${id}`, { storageGb: 100 });
    expect(frozen.statusCode).toBe(409);

    // b. The Dinas tests: the checklist is required before the analysis.
    const testing = (await move(admin, id, { transition: 'start_test' })).json();
    expect(testing).toMatchObject({ state: 'testing', testRound: 1 });
    expect(testing.availableTransitions).toEqual([
      expect.objectContaining({
        name: 'complete_test',
        blockedBy: expect.objectContaining({ code: 'datacenter.hostingRequest.testMissing' }),
      }),
    ]);
    const noChecklist = await move(admin, id, { transition: 'complete_test' });
    expect(noChecklist.statusCode).toBe(409);
    expect(noChecklist.json().detail).toContain('daftar periksa');
    const report = await buildFile(t.ctx, join(dataDir, 'files'), agencyA, {
      name: 'hasil-pemindaian.pdf',
    });
    const failing = {
      checklist: [
        { item: 'Pemindaian kerentanan', result: 'fail', notes: '2 temuan tinggi' },
        { item: 'HTTPS dengan sertifikat sah', result: 'pass' },
      ],
      findings: 'Dua kerentanan tinggi pada pustaka unggah berkas.',
      attachmentIds: [report.id],
    };
    expect((await send(operatorA, 'PUT', `${base}/${id}/test`, failing)).statusCode).toBe(403);
    const tested = await send(admin, 'PUT', `${base}/${id}/test`, failing);
    expect(tested.statusCode).toBe(200);
    // The view answered from the same transaction already sees the recorded checklist.
    expect(tested.json().availableTransitions).toEqual([
      expect.objectContaining({ name: 'complete_test', blockedBy: null }),
    ]);
    expect(tested.json().tests).toEqual([
      expect.objectContaining({
        round: 1,
        findings: failing.findings,
        attachmentIds: [report.id],
        checklist: [
          { item: 'Pemindaian kerentanan', result: 'fail', notes: '2 temuan tinggi' },
          { item: 'HTTPS dengan sertifikat sah', result: 'pass', notes: null },
        ],
      }),
    ]);

    // c. Analysis, d. return with reasons (a comment is required).
    expect((await move(admin, id, { transition: 'complete_test' })).json().state).toBe('analysis');
    const noReason = await move(admin, id, { transition: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([
      { path: '/comment', message: 'Tindakan ini memerlukan catatan.' },
    ]);
    const returned = await move(admin, id, {
      transition: 'return',
      comment: 'Perbarui pustaka unggah berkas dan pindai ulang.',
      attachmentIds: [report.id],
    });
    expect(returned.json()).toMatchObject({ state: 'returned', editable: false });
    expect(await inbox(operatorAId, id)).toEqual(['workflow.hosting_request.return']);

    // e. The agency fixes and resubmits.
    const afterFix = await send(operatorA, 'PATCH', `${base}/${id}`, {
      description: 'Pustaka unggah berkas diperbarui ke versi 5.2.',
    });
    expect(afterFix.statusCode).toBe(200);
    expect((await move(operatorA, id, { transition: 'submit' })).statusCode).toBe(409);
    const resubmitted = await move(operatorA, id, {
      transition: 'resubmit',
      comment: 'Sudah diperbaiki.',
    });
    expect(resubmitted.json().state).toBe('submitted');
    expect(await inbox(adminId, id)).toEqual(
      expect.arrayContaining([
        'workflow.hosting_request.submit',
        'workflow.hosting_request.resubmit',
      ]),
    );

    // Second round: the test travels with complete_test; acceptance needs the allocation.
    expect((await move(admin, id, { transition: 'start_test' })).json().testRound).toBe(2);
    const analysed = await move(admin, id, { transition: 'complete_test', test: passingTest });
    expect(analysed.json()).toMatchObject({ state: 'analysis' });
    expect(analysed.json().tests.map((x: { round: number }) => x.round)).toEqual([2, 1]);
    const noAllocation = await move(admin, id, { transition: 'accept' });
    expect(noAllocation.statusCode).toBe(400);
    expect(noAllocation.json().errors[0].path).toBe('/allocation');
    const accepted = await move(admin, id, {
      transition: 'accept',
      comment: 'Lulus uji ulang.',
      allocation: sampleAllocation,
    });
    expect(accepted.statusCode).toBe(200);
    const done = accepted.json();
    expect(done).toMatchObject({
      state: 'accepted',
      dueAt: null,
      availableTransitions: [],
      allocation: { hostName: 'vm-uji-01', ipAddress: '10.10.20.31', allocatedOn: '2026-02-02' },
    });
    expect(await inbox(operatorAId, id)).toEqual(
      expect.arrayContaining([
        'workflow.hosting_request.return',
        'workflow.hosting_request.accept',
      ]),
    );

    // The full timeline, as both sides see it.
    for (const viewer of [operatorA, admin]) {
      const { timeline } = (await get(viewer, `${base}/${id}`)).json();
      expect(
        timeline.map((e: { transition: string; fromState: string; toState: string }) => [
          e.transition,
          e.fromState,
          e.toState,
        ]),
      ).toEqual([
        ['start', null, 'draft'],
        ['submit', 'draft', 'submitted'],
        ['start_test', 'submitted', 'testing'],
        ['complete_test', 'testing', 'analysis'],
        ['return', 'analysis', 'returned'],
        ['resubmit', 'returned', 'submitted'],
        ['start_test', 'submitted', 'testing'],
        ['complete_test', 'testing', 'analysis'],
        ['accept', 'analysis', 'accepted'],
      ]);
      expect(timeline[4]).toMatchObject({
        comment: 'Perbarui pustaka unggah berkas dan pindai ulang.',
        attachmentIds: [report.id],
      });
    }

    // Every change is in the audit trail.
    const actions = (
      await t.database.db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, id))
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'hosting_request.create',
        'workflow.start',
        'hosting_request.update',
        'workflow.transition',
        'hosting_request.record_test',
        'hosting_request.allocate',
      ]),
    );
    const [allocate] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'hosting_request.allocate')));
    expect(allocate?.after).toMatchObject({ hostName: 'vm-uji-01' });
  });
});

describe('hosting request authorization and refusals', () => {
  async function draftOfA() {
    const res = await send(operatorA, 'POST', base, completeRequest(agencyA));
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  }

  it("hides an agency's draft from another agency's operator (404 everywhere)", async () => {
    const id = await draftOfA();
    expect((await get(operatorB, `${base}/${id}`)).statusCode).toBe(404);
    expect((await send(operatorB, 'PATCH', `${base}/${id}`, { storageGb: 1 })).statusCode).toBe(
      404,
    );
    expect((await move(operatorB, id, { transition: 'submit' })).statusCode).toBe(404);
    expect((await send(operatorB, 'PUT', `${base}/${id}/test`, passingTest)).statusCode).toBe(404);
    const list = (await get(operatorB, base)).json();
    expect(list.items.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('refuses to draft for another agency (403) and lets oversight read but not act', async () => {
    const other = await send(operatorB, 'POST', base, completeRequest(agencyA));
    expect(other.statusCode).toBe(403);
    const id = await draftOfA();
    expect((await get(auditor, `${base}/${id}`)).statusCode).toBe(200);
    expect((await move(auditor, id, { transition: 'submit' })).statusCode).toBe(403);
    expect((await send(admin, 'PATCH', `${base}/${id}`, { storageGb: 1 })).statusCode).toBe(403);
  });

  it('refuses a transition by the wrong role with 403 and an impossible one with 409', async () => {
    const id = await draftOfA();
    const wrongRole = await move(admin, id, { transition: 'submit' });
    expect(wrongRole.statusCode).toBe(403);
    const impossible = await move(admin, id, {
      transition: 'accept',
      allocation: sampleAllocation,
    });
    expect(impossible.statusCode).toBe(409);
    expect(impossible.json().detail).toBe(
      'Tindakan "Terima" tidak dapat dilakukan pada status "Draf".',
    );
    expect((await move(operatorA, id, { transition: 'no_such_thing' })).statusCode).toBe(409);
    // Nothing moved.
    expect((await get(operatorA, `${base}/${id}`)).json().timeline).toHaveLength(1);
    // Submitted: testing is the Dinas's, not the agency's.
    await move(operatorA, id, { transition: 'submit' });
    expect((await move(operatorA, id, { transition: 'start_test' })).statusCode).toBe(403);
    expect((await get(operatorA, `${base}/${id}`)).json().state).toBe('submitted');
  });

  it('refuses a test or an allocation sent with the wrong transition, and a test outside testing', async () => {
    const id = await draftOfA();
    const stray = await move(operatorA, id, { transition: 'submit', allocation: sampleAllocation });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().errors[0].path).toBe('/allocation');
    expect((await send(admin, 'PUT', `${base}/${id}/test`, passingTest)).statusCode).toBe(409);
  });

  it('lists by state and agency, scoped to the caller', async () => {
    const id = await draftOfA();
    await move(operatorA, id, { transition: 'submit' });
    const submitted = (await get(admin, `${base}?state=submitted&agencyId=${agencyA}`)).json();
    expect(submitted.items.map((r: { id: string }) => r.id)).toContain(id);
    expect(submitted.items.every((r: { state: string }) => r.state === 'submitted')).toBe(true);
    const drafts = (await get(operatorA, `${base}?state=draft`)).json();
    expect(drafts.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const mine = (await get(operatorA, base)).json();
    expect(mine.items.every((r: { agency: { id: string } }) => r.agency.id === agencyA)).toBe(true);
    expect(mine.total).toBeGreaterThan(0);
  });
});
