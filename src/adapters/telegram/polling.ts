/** Long polling with @grammyjs/runner: updates of different chats run concurrently, each chat in order. */
import { run } from '@grammyjs/runner';
import type { Bot, BotError, Context, Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../core/ports.js';
import { ALLOWED_UPDATES } from './create-bot.js';
import { describeError } from './errors.js';

/** Options of {@link startPolling}. */
export interface PollingOptions {
  /** How long Telegram holds an idle `getUpdates` open, in seconds (30 in production; 0 against emulators). */
  timeoutSeconds?: number;
}

/** A running poller. */
export interface Polling {
  /** Whether the runner runs and the last `getUpdates` succeeded. */
  isConnected(): boolean;
  /** Stops fetching and resolves once the updates in flight are handled. */
  stop(): Promise<void>;
}

/**
 * A transformer that watches `getUpdates`: it records whether polling works (for health checks) and logs a
 * failure once per outage, sanitized. The runner's own error output is silenced because it prints raw
 * errors, whose network messages can contain the request URL and so the token.
 */
export function pollingMonitor(logger: Logger, token: string): { transformer: Transformer; healthy(): boolean } {
  let healthy = true;
  const failed = (error: unknown) => {
    if (healthy) logger.warn({ err: describeError(error, token) }, 'telegram polling failed; retrying');
    healthy = false;
  };
  const transformer: Transformer = async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    try {
      const res = await prev(method, payload, signal);
      if (!res.ok) failed(new Error(`getUpdates: ${res.error_code} ${res.description}`));
      else if (!healthy) {
        healthy = true;
        logger.info({}, 'telegram polling recovered');
      }
      return res;
    } catch (error) {
      // An abort is the runner stopping, not an outage.
      if (!signal?.aborted) failed(error);
      throw error;
    }
  };
  return { transformer, healthy: () => healthy };
}

/**
 * Starts long polling. The bot must be initialised (getMe) and its webhook removed beforehand. Updates being
 * handled are tracked here because the runner's own `stop()` resolves once fetching ends, which can be before
 * the replies in flight are sent.
 */
export function startPolling(bot: Bot, logger: Logger, token: string, options: PollingOptions = {}): Polling {
  const monitor = pollingMonitor(logger, token);
  bot.api.config.use(monitor.transformer);
  const inFlight = new Set<Promise<void>>();
  const tracked = {
    init: () => bot.init(),
    api: bot.api,
    errorHandler: (error: BotError<Context>) => bot.errorHandler(error),
    handleUpdate: (update: Update) => {
      const task = bot.handleUpdate(update);
      inFlight.add(task);
      const done = () => inFlight.delete(task);
      task.then(done, done);
      return task;
    },
  };
  const runner = run(tracked, {
    runner: { fetch: { timeout: options.timeoutSeconds ?? 30, allowed_updates: ALLOWED_UPDATES }, silent: true, retryInterval: 'exponential' },
  });
  return {
    isConnected: () => runner.isRunning() && monitor.healthy(),
    stop: async () => {
      if (runner.isRunning()) await runner.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}
