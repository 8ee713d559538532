/** Sends a {@link ChatReply} to a Telegram chat as HTML messages with an inline keyboard. */
import type { Api } from 'grammy';
import type { ChatReply } from '../../core/chat/chat-service.js';
import { callHook, type BotDeps } from './bot-deps.js';
import { isChatUnavailable } from './errors.js';
import { renderReplyHtml } from './html.js';
import { inlineKeyboard } from './keyboard.js';

/** Where a reply goes: the chat, and in groups the message it answers. */
export interface ReplyTarget {
  chatId: number;
  /** The message to reply to (groups), so the answer sits under the question. */
  replyTo?: number;
}

/**
 * Sends a reply, split into as many messages as its length needs; the buttons go under the last one.
 * Returns whether it was delivered. When Telegram answers 403 (blocked, removed from the group) the chat is
 * reported through `onChatUnavailable` and nothing is thrown: there is no one to apologise to. Any other
 * failure is thrown for the error boundary.
 */
export async function sendReply(api: Api, deps: BotDeps, target: ReplyTarget, reply: ChatReply): Promise<boolean> {
  const chunks = renderReplyHtml(reply);
  const keyboard = inlineKeyboard(reply.buttons);
  try {
    for (const [i, html] of chunks.entries()) {
      const last = i === chunks.length - 1;
      await api.sendMessage(target.chatId, html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(i === 0 && target.replyTo !== undefined ? { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } } : {}),
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
      });
    }
    return true;
  } catch (error) {
    if (!isChatUnavailable(error)) throw error;
    const chatId = String(target.chatId);
    deps.logger.info({ chatId }, 'telegram chat unavailable: the bot was blocked or removed, or the chat is gone');
    await callHook(deps, 'onChatUnavailable', (h) => h.onChatUnavailable(chatId));
    return false;
  }
}
