import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency } from '../../contexts/organization/testing/factories.js';
import { findAuditEvents } from '../audit/find-audit-events.js';
import type { Ctx } from '../auth/actor.js';
import { loadHolidays } from '../calendar/holidays.js';
import { addWorkingHours } from '../calendar/working-calendar.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../errors.js';
import { buildFile } from '../files/testing/factories.js';
import { t as message } from '../i18n/messages.js';
import { notifications } from '../notifications/tables.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { defineWorkflow, type WorkflowDefinition } from './definition.js';
import {
  availableTransitions,
  availableTransitionsFor,
  findWorkflowInstance,
  getTimeline,
  startWorkflow,
  type TransitionInput,
  takeTransition,
} from './engine.js';
import { buildUserCtx } from './testing/user-ctx.js';

let t: TestApp;
let dataDir: string;
let agencyA: string;
let operatorA: { user: { id: string }; ctx: Ctx };
let operatorB: { user: { id: string }; ctx: Ctx };
let admin: { user: { id: string }; ctx: Ctx };
/** Subjects whose submission the guard refuses. */
const incomplete = new Set<string>();

/** The hosting request of Perbup Tabanan 44/2022 Pasal 14 ayat (10), as a test workflow. */
const hosting: WorkflowDefinition = defineWorkflow({
  id: 'test_hosting',
  version: 1,
  label: { id: 'Permohonan hosting', en: 'Hosting request' },
  initial: 'draft',
  states: {
    draft: { label: { id: 'Draf', en: 'Draft' } },
    submitted: { label: { id: 'Diajukan', en: 'Submitted' }, slaHours: 16 },
    testing: { label: { id: 'Uji keamanan dan kelayakan', en: 'Security test' }, slaHours: 40 },
    returned: { label: { id: 'Dikembalikan', en: 'Returned' } },
    accepted: { label: { id: 'Diterima', en: 'Accepted' }, final: true },
  },
  transitions: [
    {
      name: 'submit',
      label: { id: 'Ajukan', en: 'Submit' },
      from: ['draft', 'returned'],
      to: 'submitted',
      roles: ['agency_operator'],
      guard: async (instance) => (incomplete.has(instance.subjectId) ? 'error.CONFLICT' : null),
    },
    {
      name: 'start_test',
      label: { id: 'Mulai uji', en: 'Start testing' },
      from: ['submitted'],
      to: 'testing',
      roles: ['kominfo_admin'],
    },
    {
      name: 'return',
      label: { id: 'Kembalikan', en: 'Return' },
      from: ['testing'],
      to: 'returned',
      roles: ['kominfo_admin'],
      requireComment: true,
    },
    {
      name: 'accept',
      label: { id: 'Terima', en: 'Accept' },
      from: ['testing'],
      to: 'accepted',
      roles: ['kominfo_admin'],
      requireAttachment: true,
    },
  ],
  // Submissions go to the Dinas; its decisions go back to the agency's operator.
  notify: async (_tx, { transition }) =>
    transition.name === 'submit' ? [admin.user.id] : [operatorA.user.id],
  describe: async (_tx, instance) => `Permohonan ${instance.subjectId.slice(0, 8)}`,
  link: (instance) => `/console/test/hosting/${instance.subjectId}`,
});

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-workflow-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  agencyA = (await buildAgency(t.ctx)).id;
  operatorA = await buildUserCtx(t.ctx, { roles: ['agency_operator'], agencyId: agencyA });
  operatorB = await buildUserCtx(t.ctx, { roles: ['agency_operator'] });
  admin = await buildUserCtx(t.ctx, { roles: ['kominfo_admin'] });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = (ctx: Ctx = operatorA.ctx, def = hosting) =>
  inTransaction(ctx, (tx) =>
    startWorkflow(tx, ctx, def, {
      subjectType: 'test_request',
      subjectId: randomUUID(),
      agencyId: agencyA,
    }),
  );
const take = (ctx: Ctx, id: string, input: TransitionInput, def = hosting) =>
  inTransaction(ctx, (tx) => takeTransition(tx, ctx, def, id, input));
/** The AppError a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('workflow engine', () => {
  it('starts in the initial state with a first timeline event and an audit record', async () => {
    const instance = await start();
    expect(instance).toMatchObject({ state: 'draft', dueAt: null, workflowVersion: 1 });
    expect(await getTimeline(t.database.db, instance.id)).toEqual([
      expect.objectContaining({ seq: 1, transition: 'start', fromState: null, toState: 'draft' }),
    ]);
    expect(
      await findWorkflowInstance(t.database.db, 'test_hosting', 'test_request', instance.subjectId),
    ).toEqual(instance);
    const audit = await findAuditEvents(t.ctx, {
      action: 'workflow.start',
      entityId: instance.subjectId,
    });
    expect(audit.total).toBe(1);
  });

  it('offers each actor only the transitions its roles allow for this agency', async () => {
    const instance = await start();
    const names = (ctx: Ctx) =>
      availableTransitions(hosting, instance, ctx.actor).map((a) => a.name);
    expect(names(operatorA.ctx)).toEqual(['submit']);
    expect(names(operatorB.ctx)).toEqual([]);
    expect(names(admin.ctx)).toEqual([]);
    expect(availableTransitions(hosting, instance, null)).toEqual([]);
  });

  it('moves along, sets the SLA deadline on the working calendar, notifies and audits', async () => {
    const instance = await start();
    const submitted = await take(operatorA.ctx, instance.id, { transition: 'submit' });
    expect(submitted.state).toBe('submitted');
    const holidays = await loadHolidays(t.database.db);
    expect(holidays.has('2026-03-20')).toBe(true); // the seeded SKB 2026
    expect(submitted.dueAt && Date.parse(submitted.dueAt)).toBe(
      addWorkingHours(new Date(submitted.stateEnteredAt), 16, holidays).getTime(),
    );

    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, admin.user.id));
    const note = inbox.find((n) => n.link === `/console/test/hosting/${instance.subjectId}`);
    expect(note).toMatchObject({
      kind: 'workflow.test_hosting.submit',
      // The subject is named, so an inbox with several requests is not ambiguous.
      title: {
        id: `Permohonan hosting: Ajukan — Permohonan ${instance.subjectId.slice(0, 8)}`,
        en: `Hosting request: Submit — Permohonan ${instance.subjectId.slice(0, 8)}`,
      },
      body: { id: 'Draf → Diajukan', en: 'Draft → Submitted' },
    });

    const audit = await findAuditEvents(t.ctx, {
      action: 'workflow.transition',
      entityId: instance.subjectId,
    });
    expect(audit.items[0]?.after).toMatchObject({ transition: 'submit', state: 'submitted' });
  });

  it('refuses a transition not possible from the current state with a 409', async () => {
    const instance = await start();
    const error = await refusal(take(admin.ctx, instance.id, { transition: 'accept' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.options.detailKey).toBe('workflow.invalidTransition');
    expect(error.options.detailParams).toEqual({ transition: 'Terima', state: 'Draf' });
    expect((await refusal(take(admin.ctx, instance.id, { transition: 'nonsense' }))).code).toBe(
      'CONFLICT',
    );
  });

  it('refuses the wrong role, and the right role of another agency, with a 403', async () => {
    const instance = await start();
    expect((await refusal(take(admin.ctx, instance.id, { transition: 'submit' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(take(operatorB.ctx, instance.id, { transition: 'submit' }))).code).toBe(
      'FORBIDDEN',
    );
    const [unchanged] = await getTimeline(t.database.db, instance.id).then((e) => e.slice(-1));
    expect(unchanged?.toState).toBe('draft');
  });

  it('requires a comment and an attachment where the definition says so', async () => {
    const instance = await start();
    await take(operatorA.ctx, instance.id, { transition: 'submit' });
    await take(admin.ctx, instance.id, { transition: 'start_test' });

    const noComment = await refusal(
      take(admin.ctx, instance.id, { transition: 'return', comment: '  ' }),
    );
    expect(noComment.code).toBe('VALIDATION_FAILED');
    expect(noComment.options.errors).toEqual([
      { path: '/comment', message: 'Tindakan ini memerlukan catatan.' },
    ]);
    const noFile = await refusal(take(admin.ctx, instance.id, { transition: 'accept' }));
    expect(noFile.options.errors?.map((e) => e.path)).toEqual(['/attachmentIds']);
    const unknownFile = await refusal(
      take(admin.ctx, instance.id, { transition: 'accept', attachmentIds: [randomUUID()] }),
    );
    expect(unknownFile.options.errors?.map((e) => e.path)).toEqual(['/attachmentIds/0']);

    const report = await buildFile(t.ctx, join(dataDir, 'files'), agencyA, {
      name: 'hasil-uji.pdf',
    });
    const accepted = await take(admin.ctx, instance.id, {
      transition: 'accept',
      comment: 'Lulus uji keamanan.',
      attachmentIds: [report.id],
    });
    expect(accepted.state).toBe('accepted');
    expect(accepted.dueAt).toBeNull();
    expect(availableTransitions(hosting, accepted, admin.ctx.actor)).toEqual([]);
    expect(
      (await refusal(take(admin.ctx, instance.id, { transition: 'return', comment: 'x' }))).code,
    ).toBe('CONFLICT');
  });

  it('keeps the whole story: returned with reasons, fixed, resubmitted, accepted', async () => {
    const instance = await start();
    await take(operatorA.ctx, instance.id, { transition: 'submit' });
    await take(admin.ctx, instance.id, { transition: 'start_test' });
    await take(admin.ctx, instance.id, { transition: 'return', comment: 'Rencana DRP belum ada.' });
    await take(operatorA.ctx, instance.id, { transition: 'submit', comment: 'DRP dilampirkan.' });
    await take(admin.ctx, instance.id, { transition: 'start_test' });
    const report = await buildFile(t.ctx, join(dataDir, 'files'), agencyA);
    await take(admin.ctx, instance.id, { transition: 'accept', attachmentIds: [report.id] });

    const timeline = await getTimeline(t.database.db, instance.id);
    expect(timeline.map((e) => [e.seq, e.transition, e.fromState, e.toState])).toEqual([
      [1, 'start', null, 'draft'],
      [2, 'submit', 'draft', 'submitted'],
      [3, 'start_test', 'submitted', 'testing'],
      [4, 'return', 'testing', 'returned'],
      [5, 'submit', 'returned', 'submitted'],
      [6, 'start_test', 'submitted', 'testing'],
      [7, 'accept', 'testing', 'accepted'],
    ]);
    expect(timeline[3]).toMatchObject({
      comment: 'Rencana DRP belum ada.',
      actorId: admin.user.id,
      actorLabel: (admin.ctx.actor as { name: string }).name,
    });
    expect(timeline[6]?.attachmentIds).toEqual([report.id]);

    const toOperator = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, operatorA.user.id));
    const about = toOperator.filter((n) => n.link?.endsWith(instance.subjectId));
    expect(about.find((n) => n.kind === 'workflow.test_hosting.return')?.body).toEqual({
      id: 'Uji keamanan dan kelayakan → Dikembalikan\n\nRencana DRP belum ada.',
      en: 'Security test → Returned\n\nRencana DRP belum ada.',
    });
  });

  it('does not tell the actor about their own action', async () => {
    const everyone: WorkflowDefinition = {
      ...hosting,
      notify: async () => [operatorA.user.id, admin.user.id],
    };
    const instance = await start(operatorA.ctx, everyone);
    await take(operatorA.ctx, instance.id, { transition: 'submit' }, everyone);
    const told = await t.database.db
      .select({ userId: notifications.userId, link: notifications.link })
      .from(notifications);
    const about = told.filter((n) => n.link?.endsWith(instance.subjectId)).map((n) => n.userId);
    expect(about).toEqual([admin.user.id]);
  });

  it('lets a guard refuse with its own message', async () => {
    const instance = await start();
    incomplete.add(instance.subjectId);
    const error = await refusal(take(operatorA.ctx, instance.id, { transition: 'submit' }));
    expect(error).toMatchObject({ code: 'CONFLICT', options: { detailKey: 'error.CONFLICT' } });
  });

  it('lists a guarded transition with the reason it is refused, and without once it passes', async () => {
    const instance = await start();
    incomplete.add(instance.subjectId);
    expect(await availableTransitionsFor(operatorA.ctx, hosting, instance)).toEqual([
      {
        name: 'submit',
        label: { id: 'Ajukan', en: 'Submit' },
        to: 'submitted',
        requireComment: false,
        requireAttachment: false,
        blockedBy: { code: 'error.CONFLICT', message: message('id', 'error.CONFLICT') },
      },
    ]);
    // In the caller's language, and inside a transaction too (the view after a change).
    const english = { ...operatorA.ctx, lang: 'en' as const };
    const inTx = await inTransaction(english, (tx) =>
      availableTransitionsFor({ ...english, db: tx }, hosting, instance),
    );
    expect(inTx[0]?.blockedBy).toEqual({
      code: 'error.CONFLICT',
      message: message('en', 'error.CONFLICT'),
    });
    // Listing does not take it: the server still refuses.
    expect((await refusal(take(operatorA.ctx, instance.id, { transition: 'submit' }))).code).toBe(
      'CONFLICT',
    );

    incomplete.delete(instance.subjectId);
    expect(await availableTransitionsFor(operatorA.ctx, hosting, instance)).toEqual([
      expect.objectContaining({ name: 'submit', blockedBy: null }),
    ]);
    // Roles still decide what is listed at all; a transition without a guard is never blocked.
    expect(await availableTransitionsFor(admin.ctx, hosting, instance)).toEqual([]);
    expect(await availableTransitionsFor({ ...t.ctx, actor: null }, hosting, instance)).toEqual([]);
    const submitted = await take(operatorA.ctx, instance.id, { transition: 'submit' });
    expect(await availableTransitionsFor(admin.ctx, hosting, submitted)).toEqual([
      expect.objectContaining({ name: 'start_test', blockedBy: null }),
    ]);
  });

  it('serialises two people acting at once: one wins, the other gets a 409', async () => {
    const instance = await start();
    await take(operatorA.ctx, instance.id, { transition: 'submit' });
    const results = await Promise.allSettled([
      take(admin.ctx, instance.id, { transition: 'start_test' }),
      take(admin.ctx, instance.id, { transition: 'start_test' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
    expect(await getTimeline(t.database.db, instance.id)).toHaveLength(3);
  });

  it('rolls the transition back when notifying fails', async () => {
    const broken: WorkflowDefinition = {
      ...hosting,
      notify: async () => {
        throw new Error('lookup failed');
      },
    };
    const instance = await start(operatorA.ctx, broken);
    await expect(
      take(operatorA.ctx, instance.id, { transition: 'submit' }, broken),
    ).rejects.toThrow('lookup failed');
    expect(await getTimeline(t.database.db, instance.id)).toHaveLength(1);
  });

  it('lets Simpul itself take any transition (jobs)', async () => {
    const instance = await start();
    const moved = await take(t.ctx, instance.id, { transition: 'submit' });
    expect(moved.state).toBe('submitted');
    expect((await getTimeline(t.database.db, instance.id))[1]?.actorLabel).toBe('system:test');
  });
});

describe('defineWorkflow', () => {
  it('catches a transition to an unknown state, or out of a final one', () => {
    const base = { ...hosting, transitions: [] };
    expect(() =>
      defineWorkflow({
        ...base,
        transitions: [{ name: 'x', label: base.label, from: ['draft'], to: 'nowhere', roles: [] }],
      }),
    ).toThrow('unknown state "nowhere"');
    expect(() =>
      defineWorkflow({
        ...base,
        transitions: [{ name: 'x', label: base.label, from: ['accepted'], to: 'draft', roles: [] }],
      }),
    ).toThrow('final state');
  });
});
