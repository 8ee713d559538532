/** Telegram's updates are handled once each, even when a webhook delivers one again. */
import type { Context, MiddlewareFn } from 'grammy';
import type { Logger } from '../../core/ports.js';

/**
 * Drops an update whose `update_id` was seen recently. Telegram retries a webhook delivery whose response was
 * late or lost (and a restart may see the last one again); handling it twice would answer twice. The ids of
 * the last `capacity` updates are kept (update ids only grow, so older repeats do not occur in practice).
 */
export function ignoreRepeatedUpdates(logger: Logger, capacity = 10_000): MiddlewareFn<Context> {
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
    await next();
  };
}
