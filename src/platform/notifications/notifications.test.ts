import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, type Session, signIn } from '../../contexts/identity/testing/factories.js';
import { inTransaction } from '../db/transaction.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { drainOutbox, MAX_MAIL_ATTEMPTS, outboxDrainJob } from './drain-outbox.js';
import { createSmtpMailer } from './mailer.js';
import { notify } from './notify.js';
import { notifications, outboxMails } from './tables.js';
import { startSmtpStub } from './testing/smtp-stub.js';

let t: TestApp;
let alice: { id: string; email: string; session: Session };
let bob: { id: string; email: string; session: Session };
let admin: Session;

const message = (n: number) => ({
  kind: 'test.message',
  title: { id: `Permohonan ${n} dikembalikan`, en: `Request ${n} returned` },
  body: { id: `Lengkapi dokumen ${n}.`, en: `Complete document ${n}.` },
  link: `/console/test/${n}`,
});

beforeAll(async () => {
  t = await createTestApp();
  const person = async () => {
    const user = await buildUser(t.ctx, { roles: ['agency_operator'] });
    return { id: user.id, email: user.email, session: await signIn(t.app, user.email) };
  };
  alice = await person();
  bob = await person();
  admin = await signIn(t.app, (await buildUser(t.ctx, { roles: ['kominfo_admin'] })).email);
});
afterAll(() => t.close());

const inbox = (session: Session, query = '', lang = 'id') =>
  t.app.inject({
    url: `/api/v1/notifications${query}`,
    headers: { ...session.headers, 'accept-language': lang },
  });

describe('notify', () => {
  it('writes an inbox row and an outbox mail per active recipient, in the transaction', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const n = await inTransaction(t.ctx, (tx) =>
      notify(tx, t.ctx, { ...message(1), userIds: [alice.id, alice.id, unknown] }),
    );
    expect(n).toBe(1);
    const mails = await t.database.db
      .select()
      .from(outboxMails)
      .where(eq(outboxMails.to, alice.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      subject: '[Simpul] Permohonan 1 dikembalikan',
      status: 'pending',
      attempts: 0,
    });
    expect(mails[0]?.text).toContain('Lengkapi dokumen 1.');
    expect(mails[0]?.text).toContain('Complete document 1.');
  });

  it('writes nothing when the transaction fails', async () => {
    await expect(
      inTransaction(t.ctx, async (tx) => {
        await notify(tx, t.ctx, { ...message(2), userIds: [bob.id] });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, bob.id));
    expect(rows).toHaveLength(0);
  });
});

describe('inbox', () => {
  it('shows only one’s own notifications, in the caller’s language, with the unread count', async () => {
    await inTransaction(t.ctx, async (tx) => {
      await notify(tx, t.ctx, { ...message(3), userIds: [bob.id] });
      await notify(tx, t.ctx, { ...message(4), userIds: [bob.id] });
    });
    const id = (await inbox(bob.session)).json();
    expect(id).toMatchObject({ total: 2, unread: 2, page: 1 });
    expect(id.items.map((i: { title: string }) => i.title).sort()).toEqual([
      'Permohonan 3 dikembalikan',
      'Permohonan 4 dikembalikan',
    ]);
    const en = (await inbox(bob.session, '', 'en')).json();
    expect(en.items[0].body).toMatch(/^Complete document/);
    expect((await inbox(alice.session)).json().items.map((i: { kind: string }) => i.kind)).toEqual([
      'test.message',
    ]);
  });

  it('marks one and then all read; someone else’s notification is not found', async () => {
    const [first, second] = (await inbox(bob.session)).json().items;
    const read = (session: Session, url: string) =>
      t.app.inject({ method: 'POST', url, headers: session.headers });
    expect((await read(alice.session, `/api/v1/notifications/${first.id}/read`)).statusCode).toBe(
      404,
    );
    expect((await read(bob.session, `/api/v1/notifications/${first.id}/read`)).statusCode).toBe(
      204,
    );
    const after = (await inbox(bob.session)).json();
    expect(after.unread).toBe(1);
    expect(after.items.find((i: { id: string }) => i.id === first.id).readAt).not.toBeNull();
    expect((await inbox(bob.session, '?unread=true')).json().items[0].id).toBe(second.id);

    expect((await read(bob.session, '/api/v1/notifications/read-all')).statusCode).toBe(204);
    expect((await inbox(bob.session)).json().unread).toBe(0);
  });
});

describe('outbox', () => {
  it('is for the Diskominfo admin only', async () => {
    const res = await t.app.inject({
      url: '/api/v1/outbox?status=pending',
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.some((m: { to: string }) => m.to === alice.email)).toBe(true);
    const refused = await t.app.inject({ url: '/api/v1/outbox', headers: alice.session.headers });
    expect(refused.statusCode).toBe(403);
  });

  it('stays put without SMTP', async () => {
    const before = await t.database.db.select().from(outboxMails);
    await outboxDrainJob(null).run(t.ctx);
    const after = await t.database.db.select().from(outboxMails);
    expect(after).toEqual(before);
  });

  it('is sent over SMTP; a refused recipient is retried, then marked failed', async () => {
    const refused = await buildUser(t.ctx, { roles: ['agency_operator'] });
    await inTransaction(t.ctx, (tx) =>
      notify(tx, t.ctx, { ...message(5), userIds: [alice.id, refused.id] }),
    );
    const smtp = await startSmtpStub([refused.email]);
    const mailer = createSmtpMailer(smtp.url, 'Simpul <simpul@uji.go.id>');
    try {
      const first = await drainOutbox(t.database.db, mailer);
      expect(first.failed).toBe(1);
      expect(first.sent).toBeGreaterThanOrEqual(2);
      const toAlice = smtp.received.filter((m) => m.to.includes(alice.email));
      expect(toAlice.length).toBeGreaterThanOrEqual(2);
      expect(toAlice[0]?.from).toBe('simpul@uji.go.id');
      expect(toAlice.some((m) => m.data.includes('Subject: [Simpul] Permohonan 5'))).toBe(true);

      const [failing] = await t.database.db
        .select()
        .from(outboxMails)
        .where(eq(outboxMails.to, refused.email));
      expect(failing).toMatchObject({ status: 'pending', attempts: 1 });
      expect(failing?.lastError).toContain('550');

      for (let i = 1; i < MAX_MAIL_ATTEMPTS; i++) await drainOutbox(t.database.db, mailer);
      const [gaveUp] = await t.database.db
        .select()
        .from(outboxMails)
        .where(eq(outboxMails.to, refused.email));
      expect(gaveUp).toMatchObject({ status: 'failed', attempts: MAX_MAIL_ATTEMPTS });

      const sent = await t.database.db
        .select()
        .from(outboxMails)
        .where(inArray(outboxMails.to, [alice.email, bob.email]));
      expect(sent.every((m) => m.status === 'sent' && m.sentAt)).toBe(true);
      expect(smtp.received).toHaveLength(sent.length);
    } finally {
      mailer.close();
      await smtp.close();
    }
  });
});
