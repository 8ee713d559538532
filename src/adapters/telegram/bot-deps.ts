/** What the Telegram handlers share: the core, a logger, the membership hooks and the token (to redact it). */
import type { CoreServices } from '../../app/core-services.js';
import type { Logger } from '../../core/ports.js';
import { describeError } from './errors.js';

/**
 * Callbacks for chat lifecycle events. Subscriptions (a later feature) use them to forget chats the bot can
 * no longer write to and to follow groups that became supergroups. They may be async; their errors are
 * logged and never break update handling.
 */
export interface TelegramHooks {
  /** The bot was removed or blocked in a chat, or Telegram refused a message with 403. */
  onChatUnavailable(chatId: string): void | Promise<void>;
  /** A group became a supergroup and so changed its id. */
  onChatMigrated(oldChatId: string, newChatId: string): void | Promise<void>;
  /** The bot was added back to a chat (or unblocked): its paused subscriptions resume. */
  onChatAvailable(chatId: string): void | Promise<void>;
}

/** Hooks that do nothing: the default until subscriptions exist. */
export const noopHooks: TelegramHooks = {
  onChatUnavailable: () => undefined,
  onChatMigrated: () => undefined,
  onChatAvailable: () => undefined,
};

/** Dependencies of the Telegram handlers. */
export interface BotDeps {
  core: CoreServices;
  logger: Logger;
  hooks: TelegramHooks;
  /** The bot token, only so that error text can be scrubbed of it before logging. */
  token: string;
  /** The bot's username once Telegram has told it (getMe), for links into a private chat with the bot. */
  botUsername(): string | undefined;
}

/** Runs a hook, logging (not throwing) its failure: a broken subscriber must not cost a user their reply. */
export async function callHook(deps: BotDeps, name: keyof TelegramHooks, run: (hooks: TelegramHooks) => void | Promise<void>): Promise<void> {
  try {
    await run(deps.hooks);
  } catch (error) {
    deps.logger.error({ hook: name, err: describeError(error, deps.token) }, 'telegram hook failed');
  }
}
