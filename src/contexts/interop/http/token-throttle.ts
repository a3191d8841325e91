/**
 * Refused client authentications per address at POST /oauth2/token: past `limit` within
 * `windowMs` the address gets 429 until the window ends, without reaching the database. Every
 * refusal is audited (its own transaction), so without this a flood of wrong secrets would
 * write the audit trail unchecked. Counted per process, like the gateway's own limits without
 * Redis: with several nodes an address may try `limit` times on each.
 */
export class TokenThrottle {
  private readonly failures = new Map<string, { since: number; count: number }>();

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Seconds until the address may try again, or 0 when it may now. */
  retryAfter(ip: string, now = Date.now()): number {
    const f = this.failures.get(ip);
    if (!f || now - f.since >= this.windowMs) return 0;
    return f.count >= this.limit ? Math.ceil((f.since + this.windowMs - now) / 1000) : 0;
  }

  refused(ip: string, now = Date.now()) {
    const f = this.failures.get(ip);
    if (!f || now - f.since >= this.windowMs) {
      if (this.failures.size >= 100_000) this.sweep(now);
      this.failures.set(ip, { since: now, count: 1 });
    } else f.count += 1;
  }

  private sweep(now: number) {
    for (const [ip, f] of this.failures)
      if (now - f.since >= this.windowMs) this.failures.delete(ip);
    // Still full (a spread-out flood): forget the oldest half rather than grow without bound.
    if (this.failures.size >= 100_000) {
      let drop = this.failures.size / 2;
      for (const ip of this.failures.keys()) {
        if (drop-- <= 0) break;
        this.failures.delete(ip);
      }
    }
  }
}
