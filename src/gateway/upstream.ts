import { Pool } from 'undici';

/**
 * One connection pool per upstream origin, with a circuit breaker: after `failureThreshold`
 * consecutive failures (no answer, or timeout) the circuit opens and calls are refused at once
 * for `openMs`; then one trial call is let through (half-open) and its outcome closes or reopens
 * the circuit. A periodic health check (HEAD on the base URL; any HTTP answer counts as alive)
 * opens and closes circuits even without traffic.
 */
export class Upstream {
  readonly pool: Pool;
  private failures = 0;
  private openUntil = 0;
  private trialInFlight = false;
  healthy = true;

  constructor(
    readonly origin: string,
    readonly basePath: string,
    private readonly failureThreshold = 5,
    private readonly openMs = 10_000,
  ) {
    this.pool = new Pool(origin, {
      connections: 128,
      pipelining: 1,
      keepAliveTimeout: 10_000,
      connectTimeout: 5_000,
    });
  }

  /** Whether a call may go out now; in half-open state only one trial at a time. */
  admit(now = Date.now()): boolean {
    if (this.openUntil === 0) return true;
    if (now < this.openUntil || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  get open(): boolean {
    return this.openUntil !== 0;
  }

  retryAfterSeconds(now = Date.now()): number {
    return Math.max(1, Math.ceil((this.openUntil - now) / 1000));
  }

  succeeded() {
    this.failures = 0;
    this.openUntil = 0;
    this.trialInFlight = false;
    this.healthy = true;
  }

  failed(now = Date.now()) {
    this.trialInFlight = false;
    this.failures += 1;
    if (this.failures >= this.failureThreshold || this.openUntil !== 0) {
      this.openUntil = now + this.openMs;
    }
  }

  async healthCheck(timeoutMs = 2000): Promise<boolean> {
    try {
      const res = await this.pool.request({
        method: 'HEAD',
        path: this.basePath || '/',
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      await res.body.dump();
      this.healthy = res.statusCode < 500;
    } catch {
      this.healthy = false;
    }
    if (this.healthy && this.openUntil !== 0 && Date.now() >= this.openUntil) this.succeeded();
    if (!this.healthy) {
      this.failures = Math.max(this.failures, this.failureThreshold);
      this.openUntil = Date.now() + this.openMs;
    }
    return this.healthy;
  }

  close() {
    return this.pool.close();
  }
}

/** Keeps one Upstream per origin across configuration reloads. */
export class Upstreams {
  private readonly byOrigin = new Map<string, Upstream>();

  constructor(
    private readonly failureThreshold = 5,
    private readonly openMs = 10_000,
  ) {}

  get(upstreamUrl: string): Upstream {
    const url = new URL(upstreamUrl);
    const key = `${url.origin}${url.pathname.replace(/\/$/, '')}`;
    let u = this.byOrigin.get(key);
    if (!u) {
      u = new Upstream(
        url.origin,
        url.pathname.replace(/\/$/, ''),
        this.failureThreshold,
        this.openMs,
      );
      this.byOrigin.set(key, u);
    }
    return u;
  }

  /** Closes pools no route uses any more. */
  retain(urls: string[]) {
    const keep = new Set(
      urls.map((s) => {
        const url = new URL(s);
        return `${url.origin}${url.pathname.replace(/\/$/, '')}`;
      }),
    );
    for (const [key, u] of this.byOrigin) {
      if (!keep.has(key)) {
        this.byOrigin.delete(key);
        void u.close().catch(() => {});
      }
    }
  }

  all(): Upstream[] {
    return [...this.byOrigin.values()];
  }

  async close() {
    await Promise.all(this.all().map((u) => u.close().catch(() => {})));
    this.byOrigin.clear();
  }
}
