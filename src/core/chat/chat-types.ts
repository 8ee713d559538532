/** The chat's platform-neutral request and reply, shared by the chat service, its features and observers. */
import type { Lang } from '../facts/schema.js';
import type { ResolvedAnswer } from '../resolver/types.js';

/** Who is talking, and where. */
export interface ChatRequest {
  platform: 'telegram' | 'discord' | 'terminal';
  chatId: string;
  userId: string;
  chatKind: 'private' | 'group';
  /** The user's interface language as the platform reports it, when it is one of ours. */
  userLang?: Lang;
  /** The chat's chosen language (`/settings lang`); the chat service fills it in from the store. */
  chatLang?: Lang;
  /** Whether the user administers the chat (Telegram admin, Discord Manage Server); set by adapters for commands that check it. */
  isAdmin?: boolean;
  /** The user's display name, for leaderboards (plain text; adapters escape it). */
  userName?: string;
  /**
   * What the bot hears of a group's messages on this platform, for the help text: only `commands`, or also
   * messages `addressed` to it (mentions and replies to its messages, as a bot in privacy mode). Commands only
   * when absent.
   */
  groupHearing?: 'commands' | 'addressed';
}

/** A button under a reply: its label, and the data it sends back (at most 64 bytes, Telegram's limit). */
export interface Button {
  label: string;
  data: string;
  /** What the button means, for adapters that show it their own way: `feedback` is "Not what I asked" (the terminal's /wrong). */
  kind?: 'feedback';
}

/**
 * A reply in platform-neutral form. All text is plain: adapters escape it for their markup
 * (HTML on Telegram, Markdown on Discord) and lay it out (message, embed, terminal lines).
 */
export interface ChatReply {
  lang: Lang;
  /** The main text. */
  text: string;
  /** The citation line, shown apart (Telegram: italics; Discord: embed footer). */
  citation?: string;
  /** The date of the fact answered, for the embed's date field. */
  date?: string;
  /** Rows of buttons. */
  buttons: Button[][];
  /** Show only to the asker where the platform can (Discord ephemeral replies). */
  personal?: boolean;
  /**
   * For a button press: this reply replaces the message whose button was pressed (a topic list turning into
   * its questions, a quiz round closing) instead of posting a new one. Adapters that cannot edit post it.
   */
  updateInPlace?: boolean;
  /** The buttons are one list of choices to pick from: adapters with menus show them as one (Discord select). */
  buttonsAsMenu?: boolean;
  /**
   * The buttons answer a question the bot asked and that stays open until the bot's next reply to it (a quiz
   * or review question): where choices are typed as numbers (the terminal), any number typed meanwhile is an
   * attempt at it, never a new question.
   */
  openQuestion?: boolean;
  /**
   * A way into a private chat with the bot that opens on `payload` (such as `review`). Adapters that have
   * links into a private chat show a button labelled `label`; the others add `otherwise` as a line of text.
   */
  privateChat?: { payload: string; label: string; otherwise: string };
  /**
   * For a button press: a short confirmation shown only to the presser (Telegram callback answer, Discord
   * ephemeral reply), with no message posted in the chat.
   */
  toast?: boolean;
  /** The resolver's answer behind the reply, when there is one. */
  answer?: ResolvedAnswer;
  /**
   * A rate-limit notice the user was already given in this window: send it only where an answer is owed (a
   * button's toast, a Discord interaction, the terminal), and skip it where it would be one more message.
   */
  repeatNotice?: boolean;
}
