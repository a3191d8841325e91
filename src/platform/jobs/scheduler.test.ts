import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { type Job, runDueJobs, startScheduler } from './scheduler.js';
import { scheduledJobs } from './tables.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A job that counts its runs and takes a little while, so two nodes overlap. */
function countingJob(name: string, work: () => Promise<void> = () => sleep(50)) {
  const job: Job & { runs: number } = {
    name,
    intervalSeconds: 3600,
    runs: 0,
    run: async (ctx) => {
      expect(ctx.actor).toEqual({ type: 'system', label: `job:${name}` });
      job.runs++;
      await work();
    },
  };
  return job;
}

const row = async (name: string) => {
  const [r] = await t.database.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, name));
  if (!r) throw new Error(`no job ${name}`);
  return r;
};
const makeDue = (name: string) =>
  t.database.db
    .update(scheduledJobs)
    .set({ nextRunAt: sql`now() - interval '1 second'` })
    .where(eq(scheduledJobs.name, name));
const node = (nodeId: string, jobs: Job[]) => ({
  db: t.database.db,
  secrets: t.secrets,
  nodeId,
  jobs,
});

describe('scheduler', () => {
  it('runs a due job exactly once across two nodes', async () => {
    const job = countingJob('test.once');
    await t.database.db.insert(scheduledJobs).values({ name: job.name, intervalSeconds: 3600 });
    const [a, b] = await Promise.all([
      runDueJobs(node('node-a', [job])),
      runDueJobs(node('node-b', [job])),
    ]);
    expect(job.runs).toBe(1);
    expect([...a, ...b]).toEqual(['test.once']);
    const after = await row(job.name);
    expect(after.lockedBy).toBeNull();
    expect(after.lastRunAt).not.toBeNull();
    expect(Date.parse(after.nextRunAt)).toBeGreaterThan(Date.now() + 3500_000);

    // Not due any more: nobody runs it. Due again: it runs again, once.
    await Promise.all([runDueJobs(node('node-a', [job])), runDueJobs(node('node-b', [job]))]);
    expect(job.runs).toBe(1);
    await makeDue(job.name);
    await Promise.all([runDueJobs(node('node-a', [job])), runDueJobs(node('node-b', [job]))]);
    expect(job.runs).toBe(2);
  });

  it('leaves a job held by a live node alone and takes over an expired lease', async () => {
    const job = countingJob('test.lease');
    await t.database.db.insert(scheduledJobs).values({
      name: job.name,
      intervalSeconds: 60,
      lockedBy: 'node-crashed',
      lockedUntil: sql`now() + interval '5 minutes'`,
    });
    expect(await runDueJobs(node('node-a', [job]))).toEqual([]);
    await t.database.db
      .update(scheduledJobs)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(scheduledJobs.name, job.name));
    expect(await runDueJobs(node('node-a', [job]))).toEqual(['test.lease']);
    expect(job.runs).toBe(1);
  });

  it('records a failure and tries again at the next interval', async () => {
    const job = countingJob('test.failing', async () => {
      throw new Error('SMTP server unreachable');
    });
    await t.database.db.insert(scheduledJobs).values({ name: job.name, intervalSeconds: 60 });
    await runDueJobs(node('node-a', [job]));
    const after = await row(job.name);
    expect(after.lastError).toBe('SMTP server unreachable');
    expect(after.lockedUntil).toBeNull();
    expect(Date.parse(after.nextRunAt)).toBeGreaterThan(Date.now());
  });

  it('registers its jobs, runs due ones at once and stops cleanly', async () => {
    const job = countingJob('test.started');
    const stops = [startScheduler(node('node-a', [job])), startScheduler(node('node-b', [job]))];
    for (let i = 0; i < 100 && job.runs === 0; i++) await sleep(20);
    await Promise.all(stops.map((stop) => stop()));
    expect(job.runs).toBe(1);
    expect((await row(job.name)).intervalSeconds).toBe(3600);
  });
});
