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
 * Per-chat settings, owned by the core and implemented by a store (SQLite by default). Synchronous, like
 * the embedded database behind it.
 */
export interface ChatSettingsRepository {
  get(address: ChatAddress): ChatSettings | undefined;
  setLang(address: ChatAddress, lang: Lang | undefined): void;
  /** Pauses (the bot was removed or blocked) or resumes a chat. */
  setPaused(address: ChatAddress, paused: boolean): void;
  /** Moves everything stored under a chat id to a new id (a Telegram group became a supergroup). */
  migrate(from: ChatAddress, toChatId: string): void;
}
