import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryRateLimiter, type RateLimiter, redisRateLimiter } from './rate-limiter.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const plan = { ratePerMinute: 3, dailyQuota: 5, monthlyQuota: 6 };
// A fixed instant: 10:30:30 UTC on 4 December 2026.
const t0 = Date.UTC(2026, 11, 4, 10, 30, 30);

const opened: RateLimiter[] = [];
afterAll(async () => {
  for (const l of opened) await l.close();
});

/** Two gateway nodes: one process's counters, or two Redis clients sharing the counters. */
const modes: [string, () => Promise<[RateLimiter, RateLimiter]>][] = [
  [
    'memory (one node)',
    async () => {
      const one = memoryRateLimiter();
      opened.push(one);
      return [one, one];
    },
  ],
  [
    'redis (two nodes)',
    async () => {
      const prefix = `simpul:test:${randomUUID()}`;
      const pair: [RateLimiter, RateLimiter] = [
        await redisRateLimiter(REDIS_URL, prefix),
        await redisRateLimiter(REDIS_URL, prefix),
      ];
      opened.push(...pair);
      return pair;
    },
  ],
];

async function takeMany(limiter: RateLimiter, sub: string, n: number, now: number) {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = await limiter.take(sub, plan, now);
    out.push(v.ok ? 'ok' : v.reason);
  }
  return out;
}

describe.each(modes)('%s rate limiter', (_mode, make) => {
  it('counts per minute, day and month across nodes; refusals consume nothing', async () => {
    const [a, b] = await make();
    const sub = randomUUID();
    expect(await takeMany(a, sub, 2, t0)).toEqual(['ok', 'ok']);
    expect(await takeMany(b, sub, 2, t0)).toEqual(['ok', 'rate']);
    expect(await b.take(sub, plan, t0)).toEqual({
      ok: false,
      reason: 'rate',
      retryAfterSeconds: 30,
    });
    // The next minute opens a new window; the daily quota (5) stops the sixth call.
    expect(await takeMany(a, sub, 3, t0 + 60_000)).toEqual(['ok', 'ok', 'quota']);
    // Until midnight UTC: 13 h 28 min 30 s.
    expect(await a.take(sub, plan, t0 + 60_000)).toEqual({
      ok: false,
      reason: 'quota',
      retryAfterSeconds: 13 * 3600 + 28 * 60 + 30,
    });
    // The next day: the monthly quota (6) leaves one call.
    expect(await takeMany(b, sub, 2, t0 + 86_400_000)).toEqual(['ok', 'quota']);
    // Another subscription is counted apart.
    expect(await takeMany(a, randomUUID(), 1, t0)).toEqual(['ok']);
  });
});
