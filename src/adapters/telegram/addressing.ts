/**
 * Whether a message is meant for the bot, and what it asks. Pure functions over Telegram's message fields,
 * so the group rules (commands, mentions, replies) are tested without a bot.
 */
import type { MessageEntity, UserFromGetMe } from 'grammy/types';

/** A command as typed: `/name@target args`. */
export interface ParsedCommand {
  /** The command without its slash, lower-cased. */
  name: string;
  /** Everything after the command (the question of `/ask`, a `/start` deep-link payload). */
  args: string;
  /** False when the command names another bot (`/ask@OtherBot`): a group may have several bots. */
  forMe: boolean;
}

// Telegram's command syntax: up to 32 letters, digits and underscores, optionally @botname, then a space or the end.
const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/;

/** Parses a message that starts with a command; undefined for any other text (`/usr/bin…` is not a command). */
export function parseCommand(text: string, botUsername: string): ParsedCommand | undefined {
  const m = COMMAND.exec(text);
  if (!m) return undefined;
  const [, name = '', target, args = ''] = m;
  return { name: name.toLowerCase(), args: args.trim(), forMe: target === undefined || target.toLowerCase() === botUsername.toLowerCase() };
}

/** Spans (UTF-16 offsets, as Telegram counts) of the mentions of the bot in a message. */
function mentionSpans(text: string, entities: MessageEntity[] | undefined, me: UserFromGetMe): { offset: number; length: number }[] {
  const handle = `@${me.username}`.toLowerCase();
  if (entities) {
    return entities.filter(
      (e) =>
        (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
        (e.type === 'text_mention' && e.user.id === me.id),
    );
  }
  // Without entities (some clients, some test tools), find @username as Telegram would mark it: not inside a word.
  const spans: { offset: number; length: number }[] = [];
  const re = new RegExp(`(?<![\\w@])@${me.username}(?!\\w)`, 'gi');
  for (const m of text.matchAll(re)) spans.push({ offset: m.index, length: m[0].length });
  return spans;
}

/** The text with the bot's mentions removed and spaces tidied: "@Bot when was…?" → "when was…?". */
export function stripMentions(text: string, entities: MessageEntity[] | undefined, me: UserFromGetMe): string {
  const spans = mentionSpans(text, entities, me).sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const s of spans) out = `${out.slice(0, s.offset)} ${out.slice(s.offset + s.length)}`;
  return out.replace(/[ \t]{2,}/g, ' ').replace(/^[\s,:]+/, '').trim();
}

/** The parts of a group message that decide whether it is addressed to the bot. */
export interface GroupMessage {
  text: string;
  entities?: MessageEntity[];
  reply_to_message?: { from?: { id: number } };
}

/**
 * The question in a group message addressed to the bot (a mention of it, or a reply to one of its
 * messages), with the mention stripped; undefined for chatter between people, which the bot must ignore.
 */
export function groupQuestion(message: GroupMessage, me: UserFromGetMe): string | undefined {
  const mentioned = mentionSpans(message.text, message.entities, me).length > 0;
  const repliedTo = message.reply_to_message?.from?.id === me.id;
  if (!mentioned && !repliedTo) return undefined;
  return stripMentions(message.text, message.entities, me);
}
