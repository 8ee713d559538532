import type { Lang } from '../facts/schema.js';
import type { ChatAddress } from '../messenger.js';

/** What the bot remembers about a chat. */
export interface ChatSettings {
  address: ChatAddress;
  /** The chat's chosen language; undefined means "the asker's". */
  lang?: Lang;
  /** The bot was removed or blocked here: post nothing until it is back. */
  paused: boolean;
}

/**
 * Rows kept under a chat's address. Each repository that keeps such rows moves its own when a chat changes
 * id (a Telegram group became a supergroup): see {@link moveChat} in chat-move.ts, which moves them all in
 * one transaction.
 */
export interface ChatKeyed {
  /** Moves this repository's rows of `from` to `toChatId` (replacing rows the new id already has). */
  moveChat(from: ChatAddress, toChatId: string): Promise<void>;
}

/**
 * Per-chat settings, owned by the core and implemented by a store (SQLite by default, PostgreSQL for several
 * instances). Asynchronous: a server database answers over the network.
 */
export interface ChatSettingsRepository extends ChatKeyed {
  get(address: ChatAddress): Promise<ChatSettings | undefined>;
  setLang(address: ChatAddress, lang: Lang | undefined): Promise<void>;
  /** Pauses (the bot was removed or blocked) or resumes a chat. */
  setPaused(address: ChatAddress, paused: boolean): Promise<void>;
}
