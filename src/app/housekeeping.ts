/**
 * Deletes what has expired from the store's shared state (conversation contexts, rate-limit windows, handled
 * update ids) every few minutes. Each instance runs it; the deletes are idempotent, so several at once are fine.
 */
import type { Clock, Logger } from '../core/ports.js';
import type { Store } from '../core/store/store.js';
import type { Stoppable } from './shutdown.js';

/** How often expired rows are deleted. */
export const HOUSEKEEPING_MS = 10 * 60_000;

/** One pass: returns how many rows of each kind were deleted. */
export async function purgeExpired(store: Store, now: number): Promise<{ conversations: number; rateWindows: number; seenUpdates: number }> {
  return {
    conversations: await store.conversations.purge(now),
    rateWindows: await store.rateWindows.purge(now),
    seenUpdates: await store.seenUpdates.purge(now),
  };
}

/** Runs {@link purgeExpired} every {@link HOUSEKEEPING_MS} until stopped; a failed pass is logged and tried again next time. */
export function startHousekeeping(store: Store, clock: Clock, logger: Logger, everyMs = HOUSEKEEPING_MS): Stoppable {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= purgeExpired(store, clock.now().getTime())
      .then((deleted) => logger.debug(deleted, 'expired state deleted'))
      .catch((error: unknown) => logger.warn({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'expired state not deleted'))
      .finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return {
    name: 'housekeeping',
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
