/** The one loop that sends a reply to Telegram: HTML parts in order, the buttons under the last part. */
import type { Api } from 'grammy';
import type { ChatReply } from '../../core/chat/chat-service.js';
import { renderReplyHtml } from './html.js';
import { replyKeyboard, replyText } from './keyboard.js';

/** Where a reply's parts attach, and what its private-chat link needs. */
export interface PartsOptions {
  /** The message the first part answers (in groups, so the answer sits under the question). */
  replyTo?: number | undefined;
  /** The bot's username, for a link into a private chat with it ({@link replyKeyboard}); unknown: no link. */
  botUsername?: string | undefined;
}

/**
 * Sends `reply` to `chatId` as HTML messages, split into as many as its length needs; the first answers
 * `replyTo` when given, the last carries the buttons (and the private-chat link). Returns the id of the last
 * message sent. A failure is thrown as the API threw it, for the caller to map: a reply to a user and a post
 * the bot makes handle a blocked chat differently.
 */
export async function sendReplyParts(api: Api, chatId: number | string, reply: ChatReply, options: PartsOptions = {}): Promise<number> {
  const { replyTo, botUsername } = options;
  const parts = renderReplyHtml(replyText(reply, botUsername));
  const keyboard = replyKeyboard(reply, botUsername);
  let messageId = 0;
  for (const [i, html] of parts.entries()) {
    const last = i === parts.length - 1;
    const sent = await api.sendMessage(chatId, html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(i === 0 && replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
    });
    messageId = sent.message_id;
  }
  return messageId;
}
