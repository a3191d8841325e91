import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { type Ctx, systemCtx } from '../auth/actor.js';
import type { SecretBox } from '../crypto/secrets.js';
import type { Db } from '../db/client.js';
import { scheduledJobs } from './tables.js';

/**
 * A job run every `intervalSeconds` by one node of the cluster: reminders (audit due — Perbup OKU
 * Timur 2022 Pasal 19 ayat (6); backup overdue — Perbup Purbalingga 45/2024 Pasal 14), the mail
 * outbox. `run` acts as Simpul itself (a system context).
 */
export interface Job {
  name: string;
  intervalSeconds: number;
  run(ctx: Ctx): Promise<void>;
}

export interface SchedulerOptions {
  db: Db;
  secrets: SecretBox;
  /** Names this node in `locked_by`, e.g. `${hostname()}:${process.pid}`. */
  nodeId: string;
  jobs: Job[];
}

const TICK_MS = 30_000;
/** A claim expires after this long, so a node that died mid-run does not hold a job forever. */
const LEASE_SECONDS = 600;

/**
 * Runs the jobs that are due and not held by another node, one after the other. The claim is
 * one conditional UPDATE: of several nodes ticking at once exactly one gets the row.
 */
export async function runDueJobs({
  db,
  secrets,
  nodeId,
  jobs,
}: SchedulerOptions): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    const [claimed] = await db
      .update(scheduledJobs)
      .set({
        lockedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
        lockedBy: nodeId,
      })
      .where(
        and(
          eq(scheduledJobs.name, job.name),
          lte(scheduledJobs.nextRunAt, sql`now()`),
          or(isNull(scheduledJobs.lockedUntil), lt(scheduledJobs.lockedUntil, sql`now()`)),
        ),
      )
      .returning({ name: scheduledJobs.name });
    if (!claimed) continue;
    let error: string | null = null;
    try {
      await job.run(systemCtx(db, secrets, `job:${job.name}`));
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 1000);
    }
    await db
      .update(scheduledJobs)
      .set({
        nextRunAt: sql`now() + make_interval(secs => ${job.intervalSeconds})`,
        lastRunAt: sql`now()`,
        lastError: error,
        lockedUntil: null,
        lockedBy: null,
      })
      .where(and(eq(scheduledJobs.name, job.name), eq(scheduledJobs.lockedBy, nodeId)));
    ran.push(job.name);
  }
  return ran;
}

/** Adds the jobs to the table (due at once when new) and keeps their intervals current. */
async function registerJobs(db: Db, jobs: Job[]): Promise<void> {
  for (const job of jobs) {
    await db
      .insert(scheduledJobs)
      .values({ name: job.name, intervalSeconds: job.intervalSeconds })
      .onConflictDoUpdate({
        target: scheduledJobs.name,
        set: { intervalSeconds: job.intervalSeconds },
      });
  }
}

/**
 * Registers the jobs, then ticks at once and every 30 seconds (an unref'd timer: it never keeps
 * the process alive). A tick is skipped while the previous one still runs. Returns `stop`, which
 * ends the ticking and waits for a run in progress.
 */
export function startScheduler(options: SchedulerOptions): () => Promise<void> {
  let registered = false;
  let inFlight: Promise<void> | null = null;
  const tick = () => {
    if (inFlight) return;
    inFlight = (async () => {
      if (!registered) {
        await registerJobs(options.db, options.jobs);
        registered = true;
      }
      await runDueJobs(options);
    })()
      .catch(() => {
        // The database is unreachable: the next tick tries again.
      })
      .finally(() => {
        inFlight = null;
      });
  };
  tick();
  const timer = setInterval(tick, TICK_MS).unref();
  return async () => {
    clearInterval(timer);
    await inFlight;
  };
}
