import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.js';
import { buildApplication } from '../applications/testing/factories.js';
import { evaluateProfile, type ProfileEvaluation } from '../compliance/evaluate.js';
import { loadProfile } from '../compliance/profiles.js';
import { buildAgency, ensureKominfo } from '../organization/testing/factories.js';
import { buildApi, buildSubscription } from './testing/factories.js';

/**
 * The service-bus duties on records built through the interop use cases: the spot-check
 * (an agency with a published API passes Purbalingga 45/2024 Pasal 19 ayat (5)) and the agencies
 * that use the bus (Tabanan 44/2022 Pasal 13).
 */
let t: TestApp;
let dataDir: string;
const today = '2026-09-01';
const a: Record<string, string> = {};
let purbalingga: ProfileEvaluation;
let tabanan: ProfileEvaluation;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'simpul-interop-compliance-'));
  t = await createTestApp({ SIMPUL_DATA_DIR: dataDir });
  await ensureKominfo(t.ctx);
  for (const name of ['provider', 'draftOnly', 'consumer', 'pending', 'appsOnly', 'idle']) {
    a[name] = (await buildAgency(t.ctx)).id;
  }
  const api = await buildApi(t.ctx, a.provider as string);
  await buildApi(t.ctx, a.draftOnly as string, { published: false });
  await buildSubscription(t.ctx, a.consumer as string, api.id, 'active');
  // Asked, not yet approved: no integration through the bus yet.
  await buildSubscription(t.ctx, a.pending as string, api.id, 'requested');
  await buildApplication(t.ctx, { agencyId: a.appsOnly as string, stage: 'pemeliharaan' });
  purbalingga = await evaluateProfile(
    t.ctx.db,
    await loadProfile(t.ctx.db, 'purbalingga-45-2024'),
    today,
  );
  tabanan = await evaluateProfile(t.ctx.db, await loadProfile(t.ctx.db, 'tabanan-44-2022'), today);
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const partyOf = (evaluation: ProfileEvaluation, obligationId: string, key: string) =>
  evaluation.obligations
    .find((o) => o.obligation.id === obligationId)
    ?.parties.find((p) => p.key === key);

describe('Purbalingga 45/2024 Pasal 19 ayat (5): every agency provides an API', () => {
  it('passes an agency with a published API, naming the API', () => {
    const provider = partyOf(purbalingga, 'purbalingga-45-2024.p19.a5', a.provider as string);
    expect(provider?.status).toBe('met');
    expect(provider?.decidedBy).toBe('registry_coverage');
    expect(provider?.records).toHaveLength(1);
    expect(provider?.records[0]?.link).toMatch(/^\/console\/interop\/apis\//);
  });

  it('fails an agency without a published API that runs applications or drafted one', () => {
    // buildSubscription registers an application of the consumer agency.
    expect(partyOf(purbalingga, 'purbalingga-45-2024.p19.a5', a.consumer as string)?.status).toBe(
      'missing',
    );
    expect(partyOf(purbalingga, 'purbalingga-45-2024.p19.a5', a.appsOnly as string)?.status).toBe(
      'missing',
    );
    const draft = partyOf(purbalingga, 'purbalingga-45-2024.p19.a5', a.draftOnly as string);
    expect(draft?.status).toBe('missing');
    expect(draft?.records).toHaveLength(1);
    // No application, no API: no SPBE service to integrate.
    expect(partyOf(purbalingga, 'purbalingga-45-2024.p19.a5', a.idle as string)?.status).toBe(
      'not_applicable',
    );
  });
});

describe('the service bus is used (Tabanan 44/2022 Pasal 13, Purbalingga 45/2024 Pasal 19 ayat (4))', () => {
  it('passes the provider and the consumer of an active subscription, not a pending one', () => {
    const duty = 'tabanan-44-2022.p13.a3';
    expect(partyOf(tabanan, duty, a.provider as string)?.status).toBe('met');
    const consumer = partyOf(tabanan, duty, a.consumer as string);
    expect(consumer?.status).toBe('met');
    expect(consumer?.records[0]?.link).toMatch(/^\/console\/interop\/subscriptions\//);
    expect(partyOf(tabanan, duty, a.pending as string)?.status).toBe('missing');
    expect(partyOf(tabanan, duty, a.appsOnly as string)?.status).toBe('missing');
    expect(partyOf(tabanan, duty, a.idle as string)?.status).toBe('not_applicable');
  });

  it('passes the regency once an integration runs through the bus', () => {
    const regency = partyOf(tabanan, 'tabanan-44-2022.p13.a1', 'government');
    expect(regency?.status).toBe('met');
    expect(regency?.records.filter((r) => r.type === 'interop_subscription')).toHaveLength(1);
    expect(partyOf(purbalingga, 'purbalingga-45-2024.p19.a4', 'government')?.status).toBe('met');
  });
});
