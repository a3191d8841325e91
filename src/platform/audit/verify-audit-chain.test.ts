import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency } from '../../contexts/organization/testing/factories.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { auditEvents } from './tables.js';
import { verifyAuditChain } from './verify-audit-chain.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** What an attacker with database access would do: lift the append-only trigger first. */
async function tamper(statement: ReturnType<typeof sql>) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_events enable trigger user`);
  });
}

describe('audit trail hash chain', () => {
  it('records each change with actor, entity, before/after and verifies intact', async () => {
    const agency = await buildAgency(t.ctx, { name: 'Dinas Rantai Audit' });
    const [event] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, agency.id));
    expect(event).toMatchObject({
      action: 'agency.create',
      entityType: 'agency',
      actorLabel: 'system:test',
      before: null,
    });
    expect(event?.after).toMatchObject({ name: 'Dinas Rantai Audit' });
    for (let i = 0; i < 4; i++) await buildAgency(t.ctx);
    const result = await verifyAuditChain(t.database.db, 2);
    expect(result).toEqual({ ok: true, checked: 5, firstBrokenSeq: null, reason: null });
  });

  it('refuses UPDATE and DELETE through the append-only trigger', async () => {
    await expect(
      t.database.db.execute(sql`update audit_events set action = 'x' where seq = 1`),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`delete from audit_events where seq = 1`),
    ).rejects.toThrow();
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('names the first altered entry', async () => {
    await tamper(sql`update audit_events set after = '{"name":"palsu"}' where seq = 3`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: 'altered',
      checked: 2,
    });
  });
});

describe('audit trail removals', () => {
  let r: TestApp;
  beforeAll(async () => {
    r = await createTestApp();
    for (let i = 0; i < 5; i++) await buildAgency(r.ctx);
  });
  afterAll(() => r.close());

  const remove = async (seq: number) =>
    r.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger user`);
      await tx.execute(sql`delete from audit_events where seq = ${seq}`);
      await tx.execute(sql`alter table audit_events enable trigger user`);
    });

  it('detects the newest entry removed, through the chain head', async () => {
    const [last] = await r.database.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    await remove(last?.seq ?? 0);
    expect(await verifyAuditChain(r.database.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 5,
      reason: 'head_mismatch',
    });
  });

  it('detects a removed entry in the middle', async () => {
    await remove(2);
    expect(await verifyAuditChain(r.database.db)).toMatchObject({
      ok: false,
      firstBrokenSeq: 2,
      reason: 'missing',
    });
  });
});
