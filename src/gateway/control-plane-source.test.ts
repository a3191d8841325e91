import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpConfigVersion } from '../contexts/interop/index.js';
import { createSecretBox } from '../platform/crypto/secrets.js';
import type { Database, Tx } from '../platform/db/client.js';
import { createTestDatabase } from '../platform/testing/test-database.js';
import { controlPlaneSource } from './control-plane-source.js';
import { startTestGateway } from './testing/fixtures.js';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

async function waitFor(check: () => boolean, ms: number) {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  return check();
}

describe('configuration changes from the control plane', () => {
  it('reach a running gateway at commit, without waiting for the poll', async () => {
    const source = controlPlaneSource(database, createSecretBox(Buffer.alloc(32, 7)));
    // Polling every hour: only the notification can bring the change in time.
    const gw = await startTestGateway(database.db, source, { pollIntervalMs: 3_600_000 });
    try {
      const before = gw.gateway.snapshot?.version ?? -1;
      const after = await database.db.transaction((tx) => bumpConfigVersion(tx as unknown as Tx));
      expect(after).toBe(before + 1);
      expect(await waitFor(() => gw.gateway.snapshot?.version === after, 2000)).toBe(true);
    } finally {
      await gw.close();
    }
  });

  it('says nothing about a change that was rolled back', async () => {
    const source = controlPlaneSource(database, createSecretBox(Buffer.alloc(32, 7)));
    const heard: number[] = [];
    const stop = await source.watch?.(() => heard.push(Date.now()));
    try {
      await database.db
        .transaction(async (tx) => {
          await bumpConfigVersion(tx as unknown as Tx);
          throw new Error('changed my mind');
        })
        .catch(() => {});
      await database.db.transaction((tx) => bumpConfigVersion(tx as unknown as Tx));
      expect(await waitFor(() => heard.length > 0, 2000)).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toHaveLength(1);
    } finally {
      await stop?.();
    }
  });
});
