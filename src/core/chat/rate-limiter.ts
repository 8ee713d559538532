import type { Clock } from '../ports.js';

/**
 * A sliding-window limit per key (a user): at most `limit` events in `windowMs`.
 * Memory stays bounded: keys whose window has passed are dropped as they are seen.
 */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Records an event for `key` and says whether it is within the limit; when not, how long to wait. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterMs: number } {
    const now = this.clock.now().getTime();
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return { allowed: false, retryAfterMs: this.windowMs - (now - (recent[0] ?? now)) };
    }
    recent.push(now);
    this.events.set(key, recent);
    if (this.events.size > 10_000) this.sweep(now);
    return { allowed: true };
  }

  private sweep(now: number): void {
    for (const [k, list] of this.events) if (list.every((t) => now - t >= this.windowMs)) this.events.delete(k);
  }
}
