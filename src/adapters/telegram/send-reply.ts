/** Sends a {@link ChatReply} to a Telegram chat as HTML messages with an inline keyboard. */
import { GrammyError, type Api } from 'grammy';
import type { ChatReply } from '../../core/chat/chat-service.js';
import { callHook, type BotDeps } from './bot-deps.js';
import { isChatUnavailable } from './errors.js';
import { renderReplyHtml } from './html.js';
import { replyKeyboard, replyText } from './keyboard.js';
import { sendReplyParts } from './send-parts.js';

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
  try {
    await sendReplyParts(api, target.chatId, reply, { replyTo: target.replyTo, botUsername: deps.botUsername() });
    return true;
  } catch (error) {
    if (!isChatUnavailable(error)) throw error;
    const chatId = String(target.chatId);
    deps.logger.info({ chatId }, 'telegram chat unavailable: the bot was blocked or removed, or the chat is gone');
    await callHook(deps, 'onChatUnavailable', (h) => h.onChatUnavailable(chatId));
    return false;
  }
}

/**
 * Replaces a message's text and buttons with a reply (the core's `updateInPlace`: a topic list turning into
 * its questions). A reply too long for one message is sent as new messages instead. Telegram's "message is
 * not modified" (the same press twice) means it already shows the reply.
 */
export async function editReply(api: Api, deps: BotDeps, chatId: number, messageId: number, reply: ChatReply): Promise<boolean> {
  const username = deps.botUsername();
  const chunks = renderReplyHtml(replyText(reply, username));
  const [html] = chunks;
  if (chunks.length !== 1 || html === undefined) return sendReply(api, deps, { chatId }, reply);
  try {
    await api.editMessageText(chatId, messageId, html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_markup: replyKeyboard(reply, username) ?? { inline_keyboard: [] },
    });
    return true;
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400 && /not modified/i.test(error.description)) return true;
    throw error;
  }
}
