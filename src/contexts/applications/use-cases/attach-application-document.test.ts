import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import type { Ctx } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { buildFile } from '../../../platform/files/testing/factories.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUserCtx } from '../../../platform/workflow/testing/user-ctx.js';
import { buildAgency } from '../../organization/testing/factories.js';
import { nationalApplications } from '../db/tables.js';
import { attachDocuments, buildApplication } from '../testing/factories.js';
import { attachApplicationDocument } from './attach-application-document.js';
import { findApplications } from './find-applications.js';

let t: TestApp;
let dataDir: string;
let agencyA: string;
let operatorA: Ctx;
let auditor: Ctx;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-app-docs-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  agencyA = (await buildAgency(t.ctx)).id;
  operatorA = (await buildUserCtx(t.ctx, { roles: ['agency_operator'], agencyId: agencyA })).ctx;
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

describe('required documents (Tabanan 44/2022 Pasal 7 ayat (4))', () => {
  it('counts completeness, supersedes with a new version and keeps the history', async () => {
    const app = await buildApplication(operatorA, { agencyId: agencyA });
    const partial = await attachDocuments(operatorA, filesDir(), app, ['requirements', 'design']);
    expect(partial?.completeness).toEqual({
      required: true,
      present: 2,
      total: 4,
      missing: ['user_manual', 'source_code'],
    });

    const v2 = await buildFile(t.ctx, filesDir(), agencyA, { name: 'srs-v2.pdf' });
    const revised = await attachApplicationDocument(operatorA, app.id, {
      kind: 'requirements',
      fileId: v2.id,
    });
    const requirements = revised.documents.find((d) => d.kind === 'requirements');
    expect(requirements?.current).toMatchObject({
      version: 2,
      fileId: v2.id,
      originalName: 'srs-v2.pdf',
    });
    expect(requirements?.history.map((d) => d.version)).toEqual([2, 1]);
    expect(revised.completeness.present).toBe(2);

    const done = await attachDocuments(operatorA, filesDir(), app, ['user_manual', 'source_code']);
    expect(done?.completeness).toMatchObject({ present: 4, missing: [] });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityId, app.id),
          eq(auditEvents.action, 'application.document_attach'),
        ),
      )
      .limit(1);
    expect(event?.after).toMatchObject({ kind: 'requirements', version: 1 });
  });

  it("refuses a file of another agency, an unknown file, and a reader's attachment", async () => {
    const app = await buildApplication(operatorA, { agencyId: agencyA });
    const elsewhere = await buildFile(t.ctx, filesDir(), (await buildAgency(t.ctx)).id);
    const other = await refusal(
      attachApplicationDocument(t.ctx, app.id, { kind: 'design', fileId: elsewhere.id }),
    );
    expect(other.code).toBe('VALIDATION_FAILED');
    expect(other.options.errors?.map((e) => e.path)).toEqual(['/fileId']);
    const unknown = await refusal(
      attachApplicationDocument(operatorA, app.id, {
        kind: 'design',
        fileId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(unknown.options.errors?.map((e) => e.path)).toEqual(['/fileId']);
    const own = await buildFile(t.ctx, filesDir(), agencyA);
    expect(
      (
        await refusal(
          attachApplicationDocument(auditor, app.id, { kind: 'design', fileId: own.id }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('lists the applications missing documents, leaving out national applications', async () => {
    const agencyId = (await buildAgency(t.ctx)).id;
    const missing = await buildApplication(t.ctx, { agencyId });
    const complete = await buildApplication(t.ctx, { agencyId });
    await attachDocuments(t.ctx, filesDir(), complete);
    const [sipd] = await t.database.db
      .select()
      .from(nationalApplications)
      .where(eq(nationalApplications.code, 'sipd'));
    await buildApplication(t.ctx, {
      agencyId,
      kind: 'umum',
      nationalApplicationId: sipd?.id,
      nationalRelation: 'is',
    });
    const page = await findApplications(t.ctx, { agencyId, missingDocuments: true });
    expect(page.items.map((a) => a.id)).toEqual([missing.id]);
    const ok = await findApplications(t.ctx, { agencyId, missingDocuments: false });
    expect(ok.total).toBe(2);
    expect(ok.items.map((a) => a.id)).toContain(complete.id);
  });
});
