/**
 * The outgoing path's time, run faster for end-to-end tests: the per-chat limits stay on (parts of a long
 * reply still go out spaced and in order, a fourth message in a chat still waits for its turn), but a second of
 * their time passes in 1/`factor` of a real one. The limits themselves are tested in outbox.test.ts with fake
 * time; what the end-to-end tests check is what a user reads, which a faster pace does not change.
 */
import type { OutboxOptions } from '../../../src/adapters/telegram/outbox.js';

/** Telegram's limits on a clock `factor` times faster than the real one. */
export function fastPace(factor = 20): Omit<OutboxOptions, 'metrics'> {
  const start = Date.now();
  return {
    now: () => start + (Date.now() - start) * factor,
    sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms / factor)),
  };
}
