import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/tables.js';
import { buildFile } from '../../../platform/files/testing/factories.js';
import { notifications } from '../../../platform/notifications/tables.js';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.js';
import { buildUser, type Session, signIn } from '../../identity/testing/factories.js';
import { updateGovernment } from '../../organization/index.js';
import { buildAgency, ensureKominfo } from '../../organization/testing/factories.js';
import { complianceEvidence, complianceProfiles } from '../db/tables.js';
import { remindDeadlines } from '../jobs/deadline-reminder.js';
import { localToday } from '../local-date.js';
import { addMonths } from '../own-checks.js';
import { SHIPPED_PROFILES } from '../profiles.js';

let t: TestApp;
let dataDir: string;
let agencyA: string;
let agencyB: string;
let kominfo: string;
let admin: Session;
let headA: Session;
let operatorB: Session;
let headAId: string;
let team: Session;

const LAN = 'oku-timur-2022.p22.a1';
const ATTESTED = 'oku-timur-2022.p32.a2'; // agency, manual attestation
const base = '/api/v1/compliance';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-compliance-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  kominfo = (await ensureKominfo(t.ctx)).id;
  agencyA = (await buildAgency(t.ctx)).id;
  agencyB = (await buildAgency(t.ctx)).id;
  await updateGovernment(t.ctx, {
    name: 'Kabupaten Uji',
    type: 'kabupaten',
    province: 'Sumatera Selatan',
    portalDomain: 'ujikab.go.id',
    regulationProfile: 'tabanan-44-2022',
  });
  admin = await signIn(t.app, (await buildUser(t.ctx, { roles: ['kominfo_admin'] })).email);
  const head = await buildUser(t.ctx, { roles: ['agency_head'], agencyId: agencyA });
  headAId = head.id;
  headA = await signIn(t.app, head.email);
  operatorB = await signIn(
    t.app,
    (await buildUser(t.ctx, { roles: ['agency_operator'], agencyId: agencyB })).email,
  );
  team = await signIn(t.app, (await buildUser(t.ctx, { roles: ['coordination_team'] })).email);
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const send = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url: `${base}${url}`, headers: s.headers, payload: payload as never });

const profileRows = () => t.database.db.select().from(complianceProfiles);

const tiny = (ids: string[]) => ({
  regulation: {
    id: 'perbup-uji',
    title: 'Peraturan Bupati Uji',
    region: 'Kabupaten Uji',
    province: 'Bali',
    year: 2026,
  },
  notes: [],
  obligations: ids.map((id) => ({
    id,
    article: 'Pasal 2',
    text: 'Setiap Perangkat Daerah wajib menyampaikan diagram LAN setiap tahun.',
    summary_en: 'Every agency submits its LAN diagram each year.',
    binds: 'agency',
    kind: 'recurring_submission',
    period: 'yearly',
    module: 'network',
    check: 'The agency has a LAN diagram submitted within the last 12 months.',
  })),
});

describe('regulation profiles', () => {
  it('lists the four shipped profiles with the active one marked', async () => {
    const res = await send(headA, 'GET', '/profiles');
    expect(res.statusCode).toBe(200);
    const list = res.json() as { id: string; active: boolean; obligations: number }[];
    expect(list.map((p) => p.id)).toEqual(expect.arrayContaining(Object.keys(SHIPPED_PROFILES)));
    expect(list.find((p) => p.active)?.id).toBe('tabanan-44-2022');
    expect(list.find((p) => p.id === 'sragen-41-2019')?.obligations).toBe(97);
  });

  it('exports a profile in the reference shape and imports it back unchanged', async () => {
    const exported = await send(admin, 'GET', '/profiles/purbalingga-45-2024');
    expect(exported.statusCode).toBe(200);
    expect(exported.json()).toEqual(SHIPPED_PROFILES['purbalingga-45-2024']);
    const imported = await send(
      admin,
      'POST',
      '/profiles/import?id=purbalingga-salinan',
      exported.json(),
    );
    expect(imported.statusCode).toBe(201);
    const again = await send(admin, 'GET', '/profiles/purbalingga-salinan');
    expect(again.json()).toEqual(exported.json());
  });

  it('refuses a malformed import with JSON pointers, and changes nothing', async () => {
    const before = await profileRows();
    const doc = tiny(['uji.p2']) as unknown as { obligations: Record<string, unknown>[] };
    doc.obligations[0] = { ...doc.obligations[0], binds: 'everyone', period: 'weekly' };
    delete doc.obligations[0]?.article;
    const res = await send(admin, 'POST', '/profiles/import?id=uji-rusak', doc);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = (res.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/obligations/0/article',
        '/obligations/0/binds',
        '/obligations/0/period',
      ]),
    );
    expect(await profileRows()).toEqual(before);
  });

  it('refuses an import with a duplicate obligation id, naming both, and changes nothing', async () => {
    const before = await profileRows();
    const audits = (await t.database.db.select().from(auditEvents)).length;
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/profiles/import?id=uji-ganda`,
      headers: { ...admin.headers, 'accept-language': 'en' },
      payload: tiny(['uji.p2', 'uji.p3', 'uji.p2']) as never,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      errors: [
        {
          path: '/obligations/2/id',
          message: 'Duplicate obligation id: same as /obligations/0/id.',
        },
      ],
    });
    expect(await profileRows()).toEqual(before);
    expect((await t.database.db.select().from(auditEvents)).length).toBe(audits);
  });

  it('refuses a profile id that exists (409) and an import by a non-admin (403)', async () => {
    expect(
      (await send(admin, 'POST', '/profiles/import?id=tabanan-44-2022', tiny(['uji.p2'])))
        .statusCode,
    ).toBe(409);
    expect(
      (await send(headA, 'POST', '/profiles/import?id=uji-kepala', tiny(['uji.p2']))).statusCode,
    ).toBe(403);
    expect(
      (await send(admin, 'POST', '/profiles', { from: 'tidak-ada', id: 'uji-x' })).statusCode,
    ).toBe(400);
  });

  it('copies a profile and edits it into the regency’s own: add, reword, retire', async () => {
    const copy = await send(admin, 'POST', '/profiles', {
      from: 'oku-timur-2022',
      id: 'oku-timur-sendiri',
    });
    expect(copy.statusCode).toBe(201);
    const lan = SHIPPED_PROFILES['oku-timur-2022']?.obligations.find((o) => o.id === LAN);
    if (!lan) throw new Error('LAN duty missing');
    const { id: _id, ...fields } = lan;
    const reworded = await send(admin, 'PUT', `/profiles/oku-timur-sendiri/obligations/${LAN}`, {
      ...fields,
      text: `${fields.text} (dibaca setiap bulan Januari)`,
    });
    expect(reworded.statusCode).toBe(200);
    const added = await send(
      admin,
      'PUT',
      '/profiles/oku-timur-sendiri/obligations/oku-timur-sendiri.p40',
      {
        ...fields,
        article: 'Pasal 40',
        text: 'Setiap Perangkat Daerah menyampaikan laporan keamanan informasi setiap tahun.',
        summary_en: 'Every agency submits a yearly information security report.',
      },
    );
    expect(added.statusCode).toBe(200);
    const retired = await send(
      admin,
      'PUT',
      '/profiles/oku-timur-sendiri/obligations/oku-timur-2022.p4.a3',
      {
        ...(SHIPPED_PROFILES['oku-timur-2022']?.obligations.find(
          (o) => o.id === 'oku-timur-2022.p4.a3',
        ) ?? {}),
        id: undefined,
        retired: true,
      },
    );
    expect(retired.statusCode).toBe(200);
    // A shipped profile is read-only.
    expect(
      (await send(admin, 'PUT', `/profiles/oku-timur-2022/obligations/${LAN}`, fields)).statusCode,
    ).toBe(409);

    const list = (await send(admin, 'GET', '/profiles')).json() as {
      id: string;
      obligations: number;
      retired: number;
      basedOn: string | null;
    }[];
    expect(list.find((p) => p.id === 'oku-timur-sendiri')).toMatchObject({
      obligations: 106,
      retired: 1,
      basedOn: 'oku-timur-2022',
    });

    expect(
      (await send(admin, 'PUT', '/active-profile', { profileId: 'oku-timur-sendiri' })).statusCode,
    ).toBe(200);
    const view = (await send(admin, 'GET', '/evaluation')).json() as {
      profileId: string;
      obligations: { obligation: { id: string; text: string } }[];
    };
    expect(view.profileId).toBe('oku-timur-sendiri');
    expect(view.obligations).toHaveLength(106);
    expect(view.obligations.some((o) => o.obligation.id === 'oku-timur-2022.p4.a3')).toBe(false);
    expect(view.obligations.find((o) => o.obligation.id === LAN)?.obligation.text).toMatch(
      /Januari/,
    );
    // The Pemda profile shows the choice, and saving the Pemda form keeps it.
    const gov = await t.app.inject({ url: '/api/v1/government', headers: admin.headers });
    expect(gov.json()).toMatchObject({ regulationProfile: 'oku-timur-sendiri' });
    // Only shipped profiles (or the current one) can be named in the Pemda form.
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/government',
      headers: admin.headers,
      payload: {
        name: 'Kabupaten Uji',
        type: 'kabupaten',
        province: 'Bali',
        portalDomain: 'ujikab.go.id',
        regulationProfile: 'profil-lain',
      },
    });
    expect(put.statusCode).toBe(400);
    expect(put.json()).toMatchObject({ errors: [{ path: '/regulationProfile' }] });
    expect(
      (await send(admin, 'PUT', '/active-profile', { profileId: 'tidak-ada' })).statusCode,
    ).toBe(400);
    expect(
      (await send(headA, 'PUT', '/active-profile', { profileId: 'oku-timur-2022' })).statusCode,
    ).toBe(403);
  });
});

describe('submissions and attestations', () => {
  it('takes the yearly LAN diagram from the agency and turns missing into met', async () => {
    expect(
      (await send(admin, 'PUT', '/active-profile', { profileId: 'oku-timur-2022' })).statusCode,
    ).toBe(200);
    const before = (await send(headA, 'GET', `/obligations/${LAN}`)).json() as {
      result: { parties: { key: string; status: string }[] };
      accepts: string[];
      canRecordFor: string[];
    };
    // The head of agency A sees only agency A's line, and may record for it.
    expect(before.result.parties.map((p) => [p.key, p.status])).toEqual([[agencyA, 'missing']]);
    expect(before.accepts).toEqual(['submission']);
    expect(before.canRecordFor).toEqual([agencyA]);

    const file = await buildFile(t.ctx, join(dataDir, 'files'), agencyA, {
      name: 'diagram-lan.pdf',
    });
    const res = await send(headA, 'POST', '/evidence', {
      kind: 'submission',
      obligationId: LAN,
      partyKey: agencyA,
      fileId: file.id,
      statement: 'Diagram LAN 2026 setelah penambahan switch lantai 2.',
    });
    expect(res.statusCode).toBe(201);
    const after = (await send(admin, 'GET', `/obligations/${LAN}`)).json() as {
      result: { parties: { key: string; status: string; dueOn: string; decidedBy: string }[] };
      evidence: { fileId: string }[];
    };
    const a = after.result.parties.find((p) => p.key === agencyA);
    expect(a).toMatchObject({
      status: 'met',
      decidedBy: 'recurring_submission',
      dueOn: addMonths(localToday(), 12),
    });
    expect(after.result.parties.find((p) => p.key === agencyB)?.status).toBe('missing');
    expect(after.evidence[0]?.fileId).toBe(file.id);
  });

  it('records an attestation with evidence and a term, and reads it as met until then', async () => {
    const res = await send(operatorB, 'POST', '/evidence', {
      kind: 'attestation',
      obligationId: ATTESTED,
      partyKey: agencyB,
      url: 'https://ujikab.go.id/sk/kebijakan-internal.pdf',
      statement: 'Kebijakan internal SPBE telah disesuaikan.',
      validUntil: '2099-12-31',
    });
    expect(res.statusCode).toBe(201);
    const view = (await send(operatorB, 'GET', `/evaluation?party=${agencyB}`)).json() as {
      obligations: {
        obligation: { id: string };
        parties: { status: string; decidedBy: string }[];
      }[];
    };
    expect(view.obligations.find((o) => o.obligation.id === ATTESTED)?.parties[0]).toMatchObject({
      status: 'met',
      decidedBy: 'attestation',
    });
    // The agency's own to-do list only shows its own line.
    expect(view.obligations.every((o) => o.parties.length === 1)).toBe(true);
  });

  it('refuses bad evidence with the field named, and stores nothing', async () => {
    const count = async () => (await t.database.db.select().from(complianceEvidence)).length;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          kind: 'attestation',
          obligationId: ATTESTED,
          partyKey: agencyA,
          statement: 'Tanpa bukti',
          validUntil: '2099-01-01',
        },
        '/fileId',
      ],
      [
        {
          kind: 'attestation',
          obligationId: ATTESTED,
          partyKey: agencyA,
          statement: 'Tanpa batas',
          url: 'https://ujikab.go.id/x',
        },
        '/validUntil',
      ],
      [
        {
          kind: 'submission',
          obligationId: ATTESTED,
          partyKey: agencyA,
          statement: 'Jenis salah',
          url: 'https://ujikab.go.id/x',
        },
        '/kind',
      ],
      [
        {
          kind: 'submission',
          obligationId: 'tidak.ada',
          partyKey: agencyA,
          statement: 'Tidak ada',
          url: 'https://ujikab.go.id/x',
        },
        '/obligationId',
      ],
      [
        {
          kind: 'submission',
          obligationId: LAN,
          partyKey: 'kominfo',
          statement: 'Bukan pihaknya',
          url: 'https://ujikab.go.id/x',
        },
        '/partyKey',
      ],
      [
        {
          kind: 'submission',
          obligationId: LAN,
          partyKey: agencyA,
          statement: 'Bukan url',
          url: 'javascript:alert(1)',
        },
        '/url',
      ],
      [
        {
          kind: 'attestation',
          obligationId: ATTESTED,
          partyKey: agencyA,
          statement: 'Mundur',
          url: 'https://ujikab.go.id/x',
          recordedOn: '2026-01-10',
          validUntil: '2025-01-01',
        },
        '/validUntil',
      ],
      [
        {
          kind: 'submission',
          obligationId: LAN,
          partyKey: agencyA,
          statement: 'Berkas asing',
          fileId: '00000000-0000-4000-8000-000000000000',
        },
        '/fileId',
      ],
    ];
    for (const [payload, path] of cases) {
      const res = await send(admin, 'POST', '/evidence', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(
        path,
      );
    }
    // Another agency's duty: not visible to an agency head (404); the Tim Koordinasi sees it but may not (403).
    const other = {
      kind: 'submission',
      obligationId: LAN,
      partyKey: agencyB,
      statement: 'Bukan milik',
      url: 'https://ujikab.go.id/x',
    };
    expect((await send(headA, 'POST', '/evidence', other)).statusCode).toBe(404);
    expect((await send(team, 'POST', '/evidence', other)).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });
});

describe('history, reports and reminders', () => {
  it('keeps snapshots on demand and lists the history to the regency-wide roles only', async () => {
    const taken = await send(team, 'POST', '/snapshots');
    expect(taken.statusCode).toBe(201);
    const history = (await send(admin, 'GET', '/snapshots')).json() as {
      id: string;
      summary: Record<string, number>;
    }[];
    expect(history[0]?.id).toBe((taken.json() as { id: string }).id);
    expect(history[0]?.summary.met).toBeGreaterThan(0);
    expect((await send(headA, 'GET', '/snapshots')).statusCode).toBe(403);
  });

  it('exports the view as XLSX and a PDF report', async () => {
    const xlsx = await send(admin, 'GET', '/report.xlsx?profile=tabanan-44-2022');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const rows = await readSheet(xlsx.rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['Id kewajiban', 'Pasal', 'Ringkasan']);
    const view = (await send(admin, 'GET', '/evaluation?profile=tabanan-44-2022')).json() as {
      obligations: { parties: unknown[] }[];
    };
    // One row per obligation and bound party, as in the view.
    expect(rows.length - 1).toBe(view.obligations.reduce((n, o) => n + o.parties.length, 0));
    // An agency head's workbook holds only the agency's own lines.
    const own = await readSheet(
      (await send(headA, 'GET', '/report.xlsx?profile=tabanan-44-2022')).rawPayload,
    );
    const ownView = (await send(headA, 'GET', '/evaluation?profile=tabanan-44-2022')).json() as {
      obligations: { parties: { key: string; label: string }[] }[];
    };
    const labels = new Set(ownView.obligations.flatMap((o) => o.parties.map((p) => p.label)));
    expect([...new Set(ownView.obligations.flatMap((o) => o.parties.map((p) => p.key)))]).toEqual([
      agencyA,
    ]);
    expect(new Set(own.slice(1).map((row) => row[6]))).toEqual(labels);
    expect(own.length - 1).toBe(ownView.obligations.length);
    const pdf = await send(admin, 'GET', '/report.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await send(admin, 'GET', '/evaluation?status=bogus')).statusCode).toBe(400);
  });

  it('reminds the agency 30 days before its yearly submission falls due', async () => {
    // Agency A's LAN diagram (submitted today) falls due in 12 months: remind 30 days before.
    const due = addMonths(localToday(), 12);
    const remindDay = new Date(Date.parse(`${due}T00:00:00Z`) - 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(await remindDeadlines(t.ctx, remindDay)).toBeGreaterThanOrEqual(1);
    const inbox = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, headAId));
    const note = inbox.find((n) => n.kind === 'compliance.deadline');
    expect(note?.body.id).toContain('Pasal 22 ayat (1)');
    expect(note?.link).toBe('/console/compliance/agency');
    // The day after, nothing new for agency A.
    const nextDay = new Date(Date.parse(`${remindDay}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await remindDeadlines(t.ctx, nextDay);
    const again = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, headAId));
    expect(again.filter((n) => n.kind === 'compliance.deadline')).toHaveLength(1);
    expect(kominfo).toBeTruthy();
  });
});
