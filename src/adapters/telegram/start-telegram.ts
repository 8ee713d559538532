/**
 * Starts the Telegram side of the bot: builds it, checks the token (getMe), sets the command menu, then
 * takes updates by long polling or, when TELEGRAM_WEBHOOK_URL is set, by webhook.
 */
import { GrammyError, type Transformer } from 'grammy';
import type { PlatformDeps, RunningPlatform } from '../platform.js';
import type { TelegramHooks } from './bot-deps.js';
import { setCommandMenu } from './command-menu.js';
import { ALLOWED_UPDATES, botUsername, createBot } from './create-bot.js';
import { describeError } from './errors.js';
import { TelegramMessenger } from './messenger.js';
import type { OutboxOptions } from './outbox.js';
import { startPolling, type PollingBackoff } from './polling.js';
import { SecondPollerError, takePollingLease, type PollingLease } from './polling-lease.js';
import { startupCall, type StartupRetry } from './startup-call.js';
import { subscriptionHooks } from './subscription-hooks.js';
import { mountWebhook, startWebhookServer } from './webhook-server.js';

/** Options of {@link startTelegram}; production passes none. */
export interface StartTelegramOptions {
  hooks?: Partial<TelegramHooks>;
  /** API transformers (metrics, or test doubles). */
  transformers?: Transformer[];
  /** Long-polling timeout in seconds; 30 by default. */
  pollingTimeoutSeconds?: number;
  /** Interface for the webhook server; all by default. */
  webhookHost?: string;
  /** Retries of the start-up requests (getMe, setMyCommands, setWebhook); about a minute in all by default. */
  startupRetry?: Partial<StartupRetry>;
  /** Waits between failed getUpdates calls; 1 s doubling up to 30 s by default. */
  pollingBackoff?: PollingBackoff;
  /** Limits and time of the outgoing path; Telegram's limits and real time by default. */
  outbox?: Omit<OutboxOptions, 'metrics'>;
  /** How long one API call may take, in seconds; 60 by default. */
  timeoutSeconds?: number;
  /** How a start waits for another poller's lease to run out (tests pass one that does not wait). */
  leaseWait?: (ms: number) => Promise<void>;
}

/** Thrown when the bot cannot start; the message is free of the token. */
export class TelegramStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TelegramStartError';
  }
}

/** Connects to Telegram and returns the running platform; `stop()` finishes the updates in flight. */
export async function startTelegram(deps: PlatformDeps, options: StartTelegramOptions = {}): Promise<RunningPlatform> {
  const { config } = deps;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new TelegramStartError('TELEGRAM_BOT_TOKEN is not set');
  const logger = deps.logger.child({ platform: 'telegram' });
  const bot = createBot(
    { core: deps.core, logger },
    {
      token,
      apiRoot: config.TELEGRAM_API_ROOT,
      hooks: { ...subscriptionHooks(deps.core), ...options.hooks },
      transformers: options.transformers,
      ...(options.outbox ? { outbox: options.outbox } : {}),
      ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
    },
  );
  // Daily posts and quiz rounds take the same path as replies (bot.api): 429s waited out, per-chat limits kept.
  deps.core.messengers.register('telegram', new TelegramMessenger(bot.api, () => botUsername(bot)));
  const startup = { logger, token, retry: options.startupRetry };

  // The username (for mentions and /cmd@name) comes from Telegram, never from configuration. Each start-up
  // request has a timeout and a few logged retries (grammY's bot.init() would wait for ever on an API that
  // never answers); a refused token fails at once with a clear message.
  try {
    bot.botInfo = await startupCall('getMe', (signal) => bot.api.getMe(signal), startup);
  } catch (error) {
    const e = describeError(error, token);
    if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404))
      throw new TelegramStartError('Telegram refused the bot token (401 Unauthorized): check TELEGRAM_BOT_TOKEN');
    throw new TelegramStartError(`Telegram: getMe failed, check TELEGRAM_BOT_TOKEN and the network: ${e.message}${e.cause ? ` (${e.cause})` : ''}`);
  }
  logger.info({ username: bot.botInfo.username, id: bot.botInfo.id }, 'telegram bot identified');
  await setCommandMenu(bot.api, logger, token, { ...startup, retry: { attempts: 3, ...options.startupRetry } });

  const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
  if (webhookUrl) {
    const secretToken = config.TELEGRAM_WEBHOOK_SECRET;
    // loadConfig already demands it; checked again because an unprotected webhook accepts forged updates.
    if (!secretToken) throw new TelegramStartError('TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL');
    const hook = { bot, url: webhookUrl, secretToken, logger, token };
    // On the bot's shared HTTP server (with /healthz and /metrics) when main passes one; else on its own.
    const shared = deps.http;
    const server = shared
      ? ((route) => ({ isListening: () => route.isMounted() && shared.isListening(), close: () => route.stop() }))(mountWebhook(shared, hook))
      : await startWebhookServer({ ...hook, port: config.PORT, host: options.webhookHost });
    try {
      await startupCall('setWebhook', (signal) => bot.api.setWebhook(webhookUrl, { secret_token: secretToken, allowed_updates: ALLOWED_UPDATES }, signal), startup);
    } catch (error) {
      await server.close();
      throw new TelegramStartError(`Telegram: setWebhook failed: ${describeError(error, token).message}`);
    }
    logger.info({ mode: 'webhook' }, 'telegram started');
    return { name: 'telegram', isConnected: () => server.isListening(), stop: () => server.close() };
  }

  // One poller per bot: with a store, the polling lease keeps a second instance from polling too.
  let lease: PollingLease | undefined;
  if (deps.core.store) {
    try {
      lease = await takePollingLease(deps.core.store.leases, deps.core.instanceId, deps.core.clock, logger, options.leaseWait);
    } catch (error) {
      if (error instanceof SecondPollerError) throw new TelegramStartError(error.message);
      throw error;
    }
  }
  // A webhook left by an earlier deployment would make every getUpdates fail with 409.
  try {
    await startupCall('deleteWebhook', (signal) => bot.api.deleteWebhook(undefined, signal), startup);
  } catch (error) {
    logger.warn({ err: describeError(error, token) }, 'telegram deleteWebhook failed');
  }
  const polling = startPolling(bot, logger, token, {
    timeoutSeconds: options.pollingTimeoutSeconds,
    ...(options.pollingBackoff ? { backoff: options.pollingBackoff } : {}),
    ...(deps.onFatal ? { onFatal: deps.onFatal } : {}),
  });
  logger.info({ mode: 'polling' }, 'telegram started');
  const stop = async () => {
    await polling.stop();
    await lease?.release().catch((error: unknown) => logger.warn({ err: describeError(error, token) }, 'telegram: polling lease not released'));
  };
  return { name: 'telegram', isConnected: () => polling.isConnected(), status: () => polling.status(), stop };
}
