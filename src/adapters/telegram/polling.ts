/**
 * Long polling with @grammyjs/runner (updates of different chats run concurrently, each chat in order), made
 * to survive: a network outage or a Telegram server error is retried with a growing wait capped at 30 s; a 409
 * (another process polls with this token, or a webhook is set) is logged as one clear error and retried the
 * same way, so two instances never crash each other; a 401 (the token was revoked) stops polling with one
 * clear error and asks the bot to stop.
 */
import { run } from '@grammyjs/runner';
import type { Bot, BotError, Context, Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../core/ports.js';
import type { PlatformStatus } from '../../infra/http/ops-routes.js';
import { ALLOWED_UPDATES } from './create-bot.js';
import { describeError } from './errors.js';

/** The waits between failed `getUpdates` calls: the first, doubling up to the cap. */
export interface PollingBackoff {
  firstMs: number;
  maxMs: number;
}

/** One second at first, never more than 30 s: polling resumes within 30 s of the API coming back. */
export const POLLING_BACKOFF: PollingBackoff = { firstMs: 1_000, maxMs: 30_000 };

/** Options of {@link startPolling}. */
export interface PollingOptions {
  /** How long Telegram holds an idle `getUpdates` open, in seconds (30 in production; 0 against emulators). */
  timeoutSeconds?: number;
  backoff?: PollingBackoff;
  /** Called once when polling cannot go on (the token was refused). */
  onFatal?: (reason: string) => void;
  /** Waiting between retries (tests record the waits). */
  sleep?: (ms: number, signal?: AbortSignalLike) => Promise<void>;
}

/** A running poller. */
export interface Polling {
  /** Whether the runner runs and the last `getUpdates` succeeded. */
  isConnected(): boolean;
  status(): PlatformStatus;
  /** Stops fetching and resolves once the updates in flight are handled. */
  stop(): Promise<void>;
}

/** grammY's AbortSignal comes from its shim: only what is used here. */
interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
}

/** The n-th wait (from 0) of a backoff. */
export function backoffDelay(backoff: PollingBackoff, failures: number): number {
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.min(failures, 30));
}

/** Sleeps, or less when the signal aborts (the runner stopping). */
function abortableSleep(ms: number, signal?: AbortSignalLike): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * A transformer for `getUpdates` that retries every failure but a refused token itself, with a capped
 * backoff, so the runner (whose own backoff doubles without a cap and which gives up on a 409) never sees
 * one. It records the state for the health check and logs each outage once, sanitized.
 */
export function resilientGetUpdates(
  logger: Logger,
  token: string,
  options: Pick<PollingOptions, 'backoff' | 'sleep'> = {},
): { transformer: Transformer; status(): PlatformStatus } {
  const backoff = options.backoff ?? POLLING_BACKOFF;
  const sleep = options.sleep ?? abortableSleep;
  let status: PlatformStatus = 'connected';
  const enter = (next: PlatformStatus, log: () => void) => {
    if (status !== next) log();
    status = next;
  };
  const transformer: Transformer = async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    for (let failures = 0; ; failures++) {
      let res;
      try {
        res = await prev(method, payload, signal);
      } catch (error) {
        // An abort is the runner stopping, not an outage.
        if (signal?.aborted) throw error;
        enter('disconnected', () => logger.warn({ err: describeError(error, token) }, 'telegram polling failed; retrying with a growing wait (at most 30 s)'));
        await sleep(backoffDelay(backoff, failures), signal);
        continue;
      }
      if (res.ok) {
        if (status !== 'connected') logger.info({}, 'telegram polling recovered');
        status = 'connected';
        return res;
      }
      if (res.error_code === 401 || res.error_code === 404) {
        enter('unauthorized', () =>
          logger.error({ code: res.error_code }, 'telegram refused the bot token (revoked or wrong): polling stops; set a valid TELEGRAM_BOT_TOKEN'),
        );
        return res;
      }
      if (res.error_code === 409)
        enter('conflict', () =>
          logger.error(
            { code: 409, description: res.description },
            'telegram: another process is polling with this bot token (or a webhook is set); retrying with a growing wait (at most 30 s) — stop the other instance',
          ),
        );
      else enter('disconnected', () => logger.warn({ code: res.error_code, description: res.description }, 'telegram polling failed; retrying with a growing wait (at most 30 s)'));
      const retryAfter = res.parameters?.retry_after;
      await sleep(retryAfter !== undefined ? retryAfter * 1000 : backoffDelay(backoff, failures), signal);
      if (signal?.aborted) return res;
    }
  };
  return { transformer, status: () => status };
}

/**
 * Starts long polling. The bot must be initialised (getMe) and its webhook removed beforehand. Updates being
 * handled are tracked here because the runner's own `stop()` resolves once fetching ends, which can be before
 * the replies in flight are sent.
 */
export function startPolling(bot: Bot, logger: Logger, token: string, options: PollingOptions = {}): Polling {
  const monitor = resilientGetUpdates(logger, token, options);
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
  // The runner prints raw errors (whose network messages can hold the token): silenced, the monitor logs.
  const runner = run(tracked, {
    runner: { fetch: { timeout: options.timeoutSeconds ?? 30, allowed_updates: ALLOWED_UPDATES }, silent: true, retryInterval: backoff(options) },
  });
  let stopping = false;
  // The runner ends on its own only when a getUpdates failure is final (a refused token): the bot stops.
  void runner.task()?.catch((error: unknown) => {
    if (stopping) return;
    // A refused token was logged already, once; anything else ending the runner is logged here.
    if (monitor.status() !== 'unauthorized') logger.error({ err: describeError(error, token) }, 'telegram polling stopped');
    options.onFatal?.(monitor.status() === 'unauthorized' ? 'telegram refused the bot token' : 'telegram polling stopped');
  });
  return {
    isConnected: () => runner.isRunning() && monitor.status() === 'connected',
    status: () => (runner.isRunning() || monitor.status() !== 'connected' ? monitor.status() : 'disconnected'),
    stop: async () => {
      stopping = true;
      if (runner.isRunning()) await runner.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** The runner's own retry interval (it sees only what the monitor lets through): the first wait. */
function backoff(options: PollingOptions): number {
  return (options.backoff ?? POLLING_BACKOFF).firstMs;
}
