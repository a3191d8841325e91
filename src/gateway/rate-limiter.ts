export interface PlanLimits {
  ratePerMinute: number;
  dailyQuota: number | null;
  monthlyQuota: number | null;
}

export type LimitVerdict =
  | { ok: true }
  | { ok: false; reason: 'rate' | 'quota'; retryAfterSeconds: number };

/**
 * Rate limit (fixed one-minute windows) and daily/monthly quotas per subscription. A refused
 * call consumes nothing. Windows are UTC.
 */
export interface RateLimiter {
  take(subscriptionId: string, plan: PlanLimits, now?: number): Promise<LimitVerdict>;
  close(): Promise<void>;
}

// The calendar part changes once a minute: computed then, not on every call.
let calendar = { minute: -1, day: '', month: '', nextDay: 0, nextMonth: 0 };

function windows(now: number) {
  const minute = Math.floor(now / 60_000);
  if (minute !== calendar.minute) {
    const d = new Date(now);
    const day = d.toISOString().slice(0, 10);
    calendar = {
      minute,
      day,
      month: day.slice(0, 7),
      nextDay: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1),
      nextMonth: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
    };
  }
  const c = calendar;
  return {
    minute,
    day: c.day,
    month: c.month,
    minuteLeft: Math.ceil(((minute + 1) * 60_000 - now) / 1000),
    dayLeft: Math.ceil((c.nextDay - now) / 1000),
    monthLeft: Math.ceil((c.nextMonth - now) / 1000),
  };
}

/** One node: counters in a Map, old windows swept as they pass. */
export function memoryRateLimiter(): RateLimiter {
  const counters = new Map<string, { window: string | number; count: number }>();
  const bump = (key: string, window: string | number) => {
    const c = counters.get(key);
    if (!c || c.window !== window) {
      const fresh = { window, count: 0 };
      counters.set(key, fresh);
      return fresh;
    }
    return c;
  };
  let lastSweep = 0;
  return {
    async take(sub, plan, now = Date.now()) {
      const w = windows(now);
      if (w.minute !== lastSweep) {
        lastSweep = w.minute;
        for (const [key, c] of counters) {
          if (typeof c.window === 'number' && c.window < w.minute) counters.delete(key);
        }
      }
      const m = bump(`${sub}:m`, w.minute);
      const d = bump(`${sub}:d`, w.day);
      const mo = bump(`${sub}:M`, w.month);
      if (m.count >= plan.ratePerMinute) {
        return { ok: false, reason: 'rate', retryAfterSeconds: w.minuteLeft };
      }
      if (plan.dailyQuota !== null && d.count >= plan.dailyQuota) {
        return { ok: false, reason: 'quota', retryAfterSeconds: w.dayLeft };
      }
      if (plan.monthlyQuota !== null && mo.count >= plan.monthlyQuota) {
        return { ok: false, reason: 'quota', retryAfterSeconds: w.monthLeft };
      }
      m.count += 1;
      d.count += 1;
      mo.count += 1;
      return { ok: true };
    },
    async close() {},
  };
}

// Checks all three windows, then counts in all three, atomically on the Redis server.
const TAKE = `
local m = tonumber(redis.call('GET', KEYS[1]) or '0')
if m >= tonumber(ARGV[1]) then return 1 end
local d = tonumber(redis.call('GET', KEYS[2]) or '0')
if tonumber(ARGV[2]) >= 0 and d >= tonumber(ARGV[2]) then return 2 end
local mo = tonumber(redis.call('GET', KEYS[3]) or '0')
if tonumber(ARGV[3]) >= 0 and mo >= tonumber(ARGV[3]) then return 3 end
redis.call('INCR', KEYS[1]); redis.call('EXPIRE', KEYS[1], 120)
redis.call('INCR', KEYS[2]); redis.call('EXPIRE', KEYS[2], 90000)
redis.call('INCR', KEYS[3]); redis.call('EXPIRE', KEYS[3], 2764800)
return 0
`;

/**
 * Several nodes: the counters live in Redis (REDIS_URL), shared by every gateway. The client
 * library is loaded only here: a node without Redis never pays for it at start-up.
 */
export async function redisRateLimiter(url: string, prefix = 'simpul:gw'): Promise<RateLimiter> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
  redis.defineCommand('simpulTake', { numberOfKeys: 3, lua: TAKE });
  type WithTake = InstanceType<typeof Redis> & {
    simpulTake(
      k1: string,
      k2: string,
      k3: string,
      a: number,
      b: number,
      c: number,
    ): Promise<number>;
  };
  const client = redis as WithTake;
  return {
    async take(sub, plan, now = Date.now()) {
      const w = windows(now);
      const verdict = await client.simpulTake(
        `${prefix}:${sub}:m:${w.minute}`,
        `${prefix}:${sub}:d:${w.day}`,
        `${prefix}:${sub}:M:${w.month}`,
        plan.ratePerMinute,
        plan.dailyQuota ?? -1,
        plan.monthlyQuota ?? -1,
      );
      if (verdict === 0) return { ok: true };
      if (verdict === 1) return { ok: false, reason: 'rate', retryAfterSeconds: w.minuteLeft };
      return {
        ok: false,
        reason: 'quota',
        retryAfterSeconds: verdict === 2 ? w.dayLeft : w.monthLeft,
      };
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
