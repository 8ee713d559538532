/**
 * Plain text → Telegram HTML. The core's replies are plain text; every piece of it is escaped here, and the
 * only markup the bot ever sends is the `<i>` around the citation, so a user's `<b>` or `&` can never
 * change how a message is parsed (or make Telegram reject it).
 */
import type { ChatReply } from '../../core/chat/chat-service.js';

/** Telegram's limit on a message's text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/**
 * Our limit for one message's HTML. Kept below {@link TELEGRAM_MESSAGE_LIMIT} and measured on the escaped
 * text (which is never shorter than what Telegram counts), so a chunk is accepted whatever the entities.
 */
export const CHUNK_LIMIT = 4000;

/** Escapes the three characters Telegram's HTML parse mode requires (`&`, `<`, `>`). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The citation line as Telegram shows it: italics. */
export function italic(text: string): string {
  return `<i>${escapeHtml(text)}</i>`;
}

// Coarsest boundary first: a long reply breaks between paragraphs, then lines, then words, and only as a
// last resort between characters.
const SEPARATORS = ['\n\n', '\n', ' '] as const;

/**
 * Splits plain text into pieces whose escaped form is at most `limit` characters. Pieces are cut on
 * paragraph, line or word boundaries when possible, and never inside a character (surrogate pairs stay
 * whole). Escaping happens after the cut, so no `&amp;` is ever split.
 */
export function splitPlain(text: string, limit: number): string[] {
  if (escapeHtml(text).length <= limit) return [text];
  return splitAt(text, limit, 0);
}

function splitAt(text: string, limit: number, level: number): string[] {
  if (escapeHtml(text).length <= limit) return [text];
  const sep = SEPARATORS[level];
  if (sep === undefined) return splitChars(text, limit);
  const out: string[] = [];
  let current = '';
  for (const part of text.split(sep)) {
    const candidate = current === '' ? part : `${current}${sep}${part}`;
    if (escapeHtml(candidate).length <= limit) {
      current = candidate;
      continue;
    }
    if (current !== '') out.push(current);
    if (escapeHtml(part).length <= limit) current = part;
    else {
      const pieces = splitAt(part, limit, level + 1);
      current = pieces.pop() ?? '';
      out.push(...pieces);
    }
  }
  if (current !== '') out.push(current);
  return out.filter((p) => p.trim() !== '');
}

function splitChars(text: string, limit: number): string[] {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of text) {
    const cost = escapeHtml(ch).length;
    if (size + cost > limit && current !== '') {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += cost;
  }
  if (current !== '') out.push(current);
  return out;
}

/**
 * A reply as Telegram HTML messages: the escaped text, then the citation in italics, split into chunks of
 * at most {@link CHUNK_LIMIT} characters. The citation joins the last chunk when it fits, so a short reply
 * is one message. Empty when there is nothing to send (Telegram rejects empty messages).
 */
export function renderReplyHtml(reply: Pick<ChatReply, 'text' | 'citation'>, limit = CHUNK_LIMIT): string[] {
  const chunks = reply.text.trim() === '' ? [] : splitPlain(reply.text, limit).map(escapeHtml);
  const citation = reply.citation?.trim();
  if (!citation) return chunks;
  const cited = italic(citation);
  const last = chunks[chunks.length - 1];
  if (last !== undefined && last.length + 2 + cited.length <= limit) {
    chunks[chunks.length - 1] = `${last}\n\n${cited}`;
    return chunks;
  }
  // `<i>` and `</i>` take 7 characters; a tag is never split because each chunk gets its own pair.
  return [...chunks, ...splitPlain(citation, limit - 7).map(italic)];
}
