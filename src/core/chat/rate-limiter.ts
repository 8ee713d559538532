import type { Clock } from '../ports.js';

/** What {@link RateLimiter.take} decided. */
export type RateDecision =
  | { allowed: true }
  | {
      allowed: false;
      /** How long until the next event is allowed. */
      retryAfterMs: number;
      /**
       * The first refusal since the limit was reached: tell the user once. Later refusals in the same stretch
       * are silent where silence is possible (one notice per window, not one per message).
       */
      notify: boolean;
    };

/**
 * A sliding-window limit per key (a user): at most `limit` events in `windowMs`.
 * Memory stays bounded: keys whose window has passed are dropped as they are seen.
 */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();
  /** Until when a refusal of each key has been told already. */
  private readonly noticed = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Records an event for `key` and says whether it is within the limit; when not, how long to wait. */
  take(key: string): RateDecision {
    const now = this.clock.now().getTime();
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      const retryAfterMs = this.windowMs - (now - (recent[0] ?? now));
      const notify = now >= (this.noticed.get(key) ?? 0);
      if (notify) this.noticed.set(key, now + retryAfterMs);
      return { allowed: false, retryAfterMs, notify };
    }
    recent.push(now);
    this.events.set(key, recent);
    if (this.events.size > 10_000) this.sweep(now);
    return { allowed: true };
  }

  private sweep(now: number): void {
    for (const [k, list] of this.events) if (list.every((t) => now - t >= this.windowMs)) this.events.delete(k);
    for (const [k, until] of this.noticed) if (until <= now) this.noticed.delete(k);
  }
}
