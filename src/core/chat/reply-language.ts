import type { Lang } from '../facts/schema.js';
import { detectLang } from '../text/language.js';

/**
 * Who a reply is for, which decides its language:
 * - `member`: what is one member's own (the answer to their question, a personal note or toast, their review,
 *   their own settings view);
 * - `chat`: what the whole chat reads (a quiz in a group, its leaderboard, the daily post, a confirmation that
 *   changes the chat).
 */
export type Audience = 'member' | 'chat';

/** What is known about the languages around a reply. */
export interface LanguageClues {
  /** What the member typed (a question, a command's arguments, a greeting): its language when it is clear. */
  typed?: string;
  /**
   * The language of what the member acted on without typing: a button's label they read and pressed (a related
   * question shown in Russian is answered in Russian).
   */
  read?: Lang | undefined;
  /** The member's interface language as the platform reports it. */
  userLang?: Lang | undefined;
  /** The chat's chosen language (`/settings lang`). */
  chatLang?: Lang | undefined;
}

/**
 * The one rule for the language of every reply (stated to users in /help):
 * - for a member: the language they typed in when it is clear (or, for a button, the language they read it in),
 *   else their own interface language, else the chat's language, else English;
 * - for the chat: the chat's chosen language; while the chat has chosen none, as for the member who caused the
 *   message (so a quiz started with Russian words in a chat with no language runs in Russian).
 */
export function replyLanguage(audience: Audience, clues: LanguageClues): Lang {
  const typed = clues.typed ? detectLang(clues.typed) : undefined;
  if (audience === 'chat' && clues.chatLang) return clues.chatLang;
  return typed ?? clues.read ?? clues.userLang ?? clues.chatLang ?? 'en';
}
