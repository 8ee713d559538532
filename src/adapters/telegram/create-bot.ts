/** Builds the grammY bot with all its handlers, without starting it (tests drive it directly). */
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { CoreServices } from '../../app/core-services.js';
import type { Logger } from '../../core/ports.js';
import { noopHooks, type BotDeps, type TelegramHooks } from './bot-deps.js';
import { errorBoundary } from './error-boundary.js';
import { buttonHandlers } from './handlers/buttons.js';
import { commandHandlers } from './handlers/commands.js';
import { inlineQueryHandlers } from './handlers/inline-query.js';
import { membershipHandlers } from './handlers/membership.js';
import { questionHandlers } from './handlers/questions.js';
import { updateLogging } from './update-logger.js';

/** The update kinds the bot handles; asked for explicitly so a setting left by an earlier deployment cannot hide one. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query', 'my_chat_member'] as const;

/** Options of {@link createBot}. */
export interface CreateBotOptions {
  token: string;
  /** Another Bot API server (a local one, or an emulator in tests). */
  apiRoot?: string;
  /** The bot's own user, to skip `getMe`; normally left out so the username comes from Telegram. */
  botInfo?: UserFromGetMe;
  /** Chat lifecycle callbacks; no-ops by default. */
  hooks?: Partial<TelegramHooks>;
  /** API transformers installed outside auto-retry (metrics, or test doubles for methods an emulator lacks). */
  transformers?: Transformer[];
}

/**
 * A bot ready to start: API calls retried on rate limits (429) and Telegram server errors, updates of one chat
 * handled in order, every handler behind the error boundary. Network errors are not retried here: the
 * auto-retry plugin would retry them without end, which could hold a shutdown forever (polling retries on
 * its own).
 */
export function createBot(deps: { core: CoreServices; logger: Logger }, options: CreateBotOptions): Bot<Context> {
  const bot = new Bot<Context>(options.token, {
    ...(options.apiRoot ? { client: { apiRoot: options.apiRoot } } : {}),
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  for (const t of options.transformers ?? []) bot.api.config.use(t);

  // Every line logged while an update is handled carries its update and chat ids.
  const logging = updateLogging(deps.logger);
  const botDeps: BotDeps = { core: deps.core, logger: logging.logger, hooks: { ...noopHooks, ...options.hooks }, token: options.token };
  const boundary = errorBoundary(botDeps);
  // The last resort, for errors outside the boundary below; polling (runner) reports to it.
  bot.catch(boundary);
  bot.use(logging.middleware);
  // One chat's updates in order (a follow-up question must see the previous answer's context); chats in parallel.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  // The boundary as middleware, so a failed update is handled the same way in every mode: with a webhook,
  // an error escaping handleUpdate would answer Telegram with 500 and the update would be delivered again.
  bot
    .errorBoundary(boundary)
    .use(membershipHandlers(botDeps), commandHandlers(botDeps), questionHandlers(botDeps), buttonHandlers(botDeps), inlineQueryHandlers(botDeps));
  return bot;
}
