/** The one loop that sends a reply to Telegram: HTML parts in order, the buttons under the last part. */
import type { Api } from 'grammy';
import type { ChatReply } from '../../core/chat/chat-service.js';
import { renderReplyHtml } from './html.js';
import { inlineKeyboard } from './keyboard.js';

/**
 * Sends `reply` to `chatId` as HTML messages, split into as many as its length needs; the first answers
 * message `replyTo` when given (in groups, so the answer sits under the question), the last carries the
 * buttons. Returns the id of the last message sent. A failure is thrown as the API threw it, for the caller
 * to map: a reply to a user and a post the bot makes handle a blocked chat differently.
 */
export async function sendReplyParts(api: Api, chatId: number | string, reply: ChatReply, replyTo?: number): Promise<number> {
  const parts = renderReplyHtml(reply);
  const keyboard = inlineKeyboard(reply.buttons);
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
