/** Sends a {@link ChatReply} to a Telegram chat as HTML messages with an inline keyboard. */
import type { Api } from 'grammy';
import type { ChatReply } from '../../core/chat/chat-service.js';
import { callHook, type BotDeps } from './bot-deps.js';
import { isChatUnavailable } from './errors.js';
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
    await sendReplyParts(api, target.chatId, reply, target.replyTo);
    return true;
  } catch (error) {
    if (!isChatUnavailable(error)) throw error;
    const chatId = String(target.chatId);
    deps.logger.info({ chatId }, 'telegram chat unavailable: the bot was blocked or removed, or the chat is gone');
    await callHook(deps, 'onChatUnavailable', (h) => h.onChatUnavailable(chatId));
    return false;
  }
}
