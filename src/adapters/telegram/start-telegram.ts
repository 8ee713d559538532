/**
 * Starts the Telegram side of the bot: builds it, checks the token (getMe), sets the command menu, then
 * takes updates by long polling or, when TELEGRAM_WEBHOOK_URL is set, by webhook.
 */
import { Api, type Transformer } from 'grammy';
import type { PlatformDeps, RunningPlatform } from '../platform.js';
import type { TelegramHooks } from './bot-deps.js';
import { setCommandMenu } from './command-menu.js';
import { ALLOWED_UPDATES, createBot } from './create-bot.js';
import { describeError } from './errors.js';
import { TelegramMessenger } from './messenger.js';
import { startPolling } from './polling.js';
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
    { token, apiRoot: config.TELEGRAM_API_ROOT, hooks: { ...subscriptionHooks(deps.core), ...options.hooks }, transformers: options.transformers },
  );
  // Daily posts and quiz rounds: a separate Api without auto-retry, so the send queue sees 429s and paces itself.
  const postingApi = new Api(token, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined);
  for (const t of options.transformers ?? []) postingApi.config.use(t);
  deps.core.messengers.register('telegram', new TelegramMessenger(postingApi));

  // The username (for mentions and /cmd@name) comes from Telegram, never from configuration. One attempt:
  // grammY's bot.init() would retry a network failure for ever, leaving a silent, hung start; failing fast
  // with a clear message lets the operator (or the supervisor's restart) deal with it.
  try {
    bot.botInfo = await bot.api.getMe();
  } catch (error) {
    const e = describeError(error, token);
    throw new TelegramStartError(`Telegram: getMe failed, check TELEGRAM_BOT_TOKEN and the network: ${e.message}${e.cause ? ` (${e.cause})` : ''}`);
  }
  logger.info({ username: bot.botInfo.username, id: bot.botInfo.id }, 'telegram bot identified');
  await setCommandMenu(bot.api, logger, token);

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
      await bot.api.setWebhook(webhookUrl, { secret_token: secretToken, allowed_updates: ALLOWED_UPDATES });
    } catch (error) {
      await server.close();
      throw new TelegramStartError(`Telegram: setWebhook failed: ${describeError(error, token).message}`);
    }
    logger.info({ mode: 'webhook' }, 'telegram started');
    return { name: 'telegram', isConnected: () => server.isListening(), stop: () => server.close() };
  }

  // A webhook left by an earlier deployment would make every getUpdates fail with 409.
  try {
    await bot.api.deleteWebhook();
  } catch (error) {
    logger.warn({ err: describeError(error, token) }, 'telegram deleteWebhook failed');
  }
  const polling = startPolling(bot, logger, token, { timeoutSeconds: options.pollingTimeoutSeconds });
  logger.info({ mode: 'polling' }, 'telegram started');
  return { name: 'telegram', isConnected: () => polling.isConnected(), stop: () => polling.stop() };
}
