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

/** One key's window as stored: its counted events (epoch ms), until when a refusal was told, and when it can go. */
export interface RateWindow {
  events: number[];
  noticedUntil: number;
  /** After this (epoch ms) the window holds nothing that counts: a store may delete it. */
  expiresAt: number;
}

/**
 * Where the windows live: in memory for one process, in the shared database for several instances (so a user
 * limited on one is limited on all). `update` reads a key's window, lets `decide` compute the new one, and
 * writes it back, atomically with respect to every other update of that key (a row lock on a server database).
 */
export interface RateWindowRepository {
  update<T>(key: string, decide: (window: RateWindow | undefined) => { window: RateWindow; result: T }): Promise<T>;
  /** Deletes windows expired at `now`; returns how many. */
  purge(now: number): Promise<number>;
}

/** Windows in this process's memory; expired ones are dropped as the map grows. */
export class MemoryRateWindows implements RateWindowRepository {
  private readonly windows = new Map<string, RateWindow>();

  constructor(private readonly clock: Clock) {}

  update<T>(key: string, decide: (window: RateWindow | undefined) => { window: RateWindow; result: T }): Promise<T> {
    const { window, result } = decide(this.windows.get(key));
    this.windows.set(key, window);
    if (this.windows.size > 10_000) void this.purge(this.clock.now().getTime());
    return Promise.resolve(result);
  }

  purge(now: number): Promise<number> {
    let n = 0;
    for (const [k, w] of this.windows)
      if (w.expiresAt <= now) {
        this.windows.delete(k);
        n++;
      }
    return Promise.resolve(n);
  }
}

/**
 * A sliding-window limit per key (a user): at most `limit` events in `windowMs`. The rule is here, once; the
 * windows are kept by a {@link RateWindowRepository} (memory, or the shared database).
 */
export class RateLimiter {
  private readonly windows: RateWindowRepository;

  constructor(
    private readonly clock: Clock,
    readonly limit: number,
    readonly windowMs: number,
    windows?: RateWindowRepository,
  ) {
    this.windows = windows ?? new MemoryRateWindows(clock);
  }

  /** Records an event for `key` and says whether it is within the limit; when not, how long to wait. */
  take(key: string): Promise<RateDecision> {
    const now = this.clock.now().getTime();
    return this.windows.update(key, (stored): { window: RateWindow; result: RateDecision } => {
      const recent = (stored?.events ?? []).filter((t) => now - t < this.windowMs);
      const noticed = stored?.noticedUntil ?? 0;
      if (recent.length >= this.limit) {
        const retryAfterMs = this.windowMs - (now - (recent[0] ?? now));
        const notify = now >= noticed;
        const noticedUntil = notify ? now + retryAfterMs : noticed;
        return { window: this.window(recent, noticedUntil), result: { allowed: false, retryAfterMs, notify } };
      }
      recent.push(now);
      return { window: this.window(recent, noticed), result: { allowed: true } };
    });
  }

  private window(events: number[], noticedUntil: number): RateWindow {
    return { events, noticedUntil, expiresAt: Math.max(noticedUntil, (events[events.length - 1] ?? 0) + this.windowMs) };
  }
}
