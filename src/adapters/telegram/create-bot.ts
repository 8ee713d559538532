/** Builds the grammY bot with all its handlers, without starting it (tests drive it directly). */
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
import { useOutgoingPath, type OutboxOptions } from './outbox.js';
import { ignoreRepeatedUpdates } from './repeated-updates.js';
import { updateLogging } from './update-logger.js';

/** The update kinds the bot handles; asked for explicitly so a setting left by an earlier deployment cannot hide one. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query', 'my_chat_member'] as const;

/** The bot's username once it is known (grammY's botInfo throws before getMe). */
export function botUsername(bot: Bot<Context>): string | undefined {
  return bot.isInited() ? bot.botInfo.username : undefined;
}

/** Options of {@link createBot}. */
export interface CreateBotOptions {
  token: string;
  /** Another Bot API server (a local one, or an emulator in tests). */
  apiRoot?: string;
  /** The bot's own user, to skip `getMe`; normally left out so the username comes from Telegram. */
  botInfo?: UserFromGetMe;
  /** Chat lifecycle callbacks; no-ops by default. */
  hooks?: Partial<TelegramHooks>;
  /** API transformers installed outside the outgoing path (test doubles for methods an emulator lacks). */
  transformers?: Transformer[];
  /** How long one API call may take before it is abandoned, in seconds; 60 by default (long polling holds 30). */
  timeoutSeconds?: number;
  /** Limits and time of the outgoing path; Telegram's limits and real time by default. */
  outbox?: Omit<OutboxOptions, 'metrics'>;
}

/**
 * A bot ready to start: `bot.api` is the one outgoing path (see outbox.ts: 429s retried after their wait,
 * per-chat limits, failures counted) for replies and, through the messenger, for daily posts and quiz rounds;
 * an update delivered twice (a webhook retry) is handled once; updates of one chat are handled in order;
 * every handler is behind the error boundary.
 */
export function createBot(deps: { core: CoreServices; logger: Logger }, options: CreateBotOptions): Bot<Context> {
  const bot = new Bot<Context>(options.token, {
    client: { timeoutSeconds: options.timeoutSeconds ?? 60, ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}) },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  useOutgoingPath(bot.api, { ...options.outbox, metrics: deps.core.metrics });
  for (const t of options.transformers ?? []) bot.api.config.use(t);

  // Every line logged while an update is handled carries its update and chat ids.
  const logging = updateLogging(deps.logger);
  const botDeps: BotDeps = {
    core: deps.core,
    logger: logging.logger,
    hooks: { ...noopHooks, ...options.hooks },
    token: options.token,
    botUsername: () => botUsername(bot),
  };
  const boundary = errorBoundary(botDeps);
  // The last resort, for errors outside the boundary below; polling (runner) reports to it.
  bot.catch(boundary);
  bot.use(logging.middleware);
  // Telegram sends a webhook update again when our answer was late or lost: it is handled once.
  bot.use(ignoreRepeatedUpdates(logging.logger, deps.core.store?.shared ? { repo: deps.core.store.seenUpdates, clock: deps.core.clock } : undefined));
  // One chat's updates in order (a follow-up question must see the previous answer's context); chats in parallel.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  // The boundary as middleware, so a failed update is handled the same way in every mode: with a webhook,
  // an error escaping handleUpdate would answer Telegram with 500 and the update would be delivered again.
  bot
    .errorBoundary(boundary)
    .use(membershipHandlers(botDeps), commandHandlers(botDeps), questionHandlers(botDeps), buttonHandlers(botDeps), inlineQueryHandlers(botDeps));
  return bot;
}
