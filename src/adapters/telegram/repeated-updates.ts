/** Telegram's updates are handled once each, even when a webhook delivers one again, to any instance. */
import type { Context, MiddlewareFn } from 'grammy';
import type { Clock, Logger } from '../../core/ports.js';
import type { SeenUpdateRepository } from '../../core/store/seen-updates.js';

/** How long a handled update id is remembered in the store: Telegram gives up re-delivering long before. */
const SEEN_FOR_MS = 24 * 3600_000;

/** Where handled update ids are shared between instances (the store), when there is one. */
export interface SharedSeenUpdates {
  repo: SeenUpdateRepository;
  clock: Clock;
}

/**
 * Drops an update whose `update_id` was seen recently. Telegram retries a webhook delivery whose response was
 * late or lost (and a restart may see the last one again); handling it twice would answer twice. The ids of
 * the last `capacity` updates are kept here (update ids only grow, so older repeats do not occur in practice);
 * with a store, every id is also recorded there, so a repeat that reaches another instance behind the load
 * balancer is dropped too. A store that cannot answer does not stop the update (it is handled, as without one).
 */
export function ignoreRepeatedUpdates(logger: Logger, shared?: SharedSeenUpdates, capacity = 10_000): MiddlewareFn<Context> {
  const seen = new Set<number>();
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (seen.has(id)) {
      logger.info({}, 'telegram update received again: ignored');
      return;
    }
    seen.add(id);
    // A Set iterates in insertion order: the first is the oldest.
    if (seen.size > capacity) seen.delete(seen.values().next().value!);
    if (shared) {
      let first = true;
      try {
        first = await shared.repo.first('telegram', id, shared.clock.now().getTime() + SEEN_FOR_MS);
      } catch (error) {
        logger.warn({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'telegram update id not recorded; handling it');
      }
      if (!first) {
        logger.info({}, 'telegram update already handled by another instance: ignored');
        return;
      }
    }
    await next();
  };
}
