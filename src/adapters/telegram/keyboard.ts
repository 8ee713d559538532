/** The core's buttons as Telegram's inline keyboard. */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Button, ChatReply } from '../../core/chat/chat-service.js';
import { textWithPrivateChatLine } from '../../core/chat/private-chat.js';

/** Telegram's limit on `callback_data`, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/**
 * The longest prefix of `data` that fits Telegram's 64-byte `callback_data`, cut between characters (never
 * inside a UTF-8 sequence). The core keeps its data short; this guards against a long id in future data,
 * which Telegram would otherwise reject along with the whole message.
 */
export function fitCallbackData(data: string): string {
  if (Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_LIMIT) return data;
  let out = '';
  let bytes = 0;
  for (const ch of data) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > CALLBACK_DATA_LIMIT) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/** Rows of buttons as an inline keyboard; undefined when there are none (so no empty keyboard is sent). */
export function inlineKeyboard(rows: Button[][]): InlineKeyboardMarkup | undefined {
  const keyboard: InlineKeyboardButton[][] = rows
    .map((row) => row.filter((b) => b.label.trim() !== '' && b.data !== '').map((b) => ({ text: b.label, callback_data: fitCallbackData(b.data) })))
    .filter((row) => row.length > 0);
  return keyboard.length > 0 ? { inline_keyboard: keyboard } : undefined;
}

/** The link that opens a private chat with the bot on `payload` (`/start <payload>` there). */
export function privateChatLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${encodeURIComponent(payload)}`;
}

/**
 * A reply's inline keyboard: its buttons, and its way into a private chat as a link button below them. Without
 * the bot's username (not known yet) there is no link: {@link replyText} then adds the core's words instead.
 */
export function replyKeyboard(reply: Pick<ChatReply, 'buttons' | 'privateChat'>, botUsername: string | undefined): InlineKeyboardMarkup | undefined {
  const rows = inlineKeyboard(reply.buttons)?.inline_keyboard ?? [];
  const link: InlineKeyboardButton[][] = reply.privateChat && botUsername ? [[{ text: reply.privateChat.label, url: privateChatLink(botUsername, reply.privateChat.payload) }]] : [];
  const keyboard = [...rows, ...link];
  return keyboard.length > 0 ? { inline_keyboard: keyboard } : undefined;
}

/** The reply with the core's words for its private-chat way added when no link can carry it. */
export function replyText<R extends Pick<ChatReply, 'text' | 'privateChat'>>(reply: R, botUsername: string | undefined): R {
  return botUsername ? reply : { ...reply, text: textWithPrivateChatLine(reply) };
}
