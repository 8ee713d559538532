/** Presses of the inline buttons under the bot's replies ("did you mean", related questions, topics). */
import { Composer, type Context } from 'grammy';
import type { BotDeps } from '../bot-deps.js';
import { chatRequest } from '../chat-request.js';
import { describeError } from '../errors.js';
import { editReply, sendReply } from '../send-reply.js';

/**
 * Runs `ChatService.action()` and answers the callback query (Telegram shows a spinner on the button until
 * then; a toast goes there). A reply the core marks `updateInPlace` replaces the message that carried the
 * button; any other is sent as a new message, in groups as a reply to that message. Data that is not ours or
 * no longer valid gets a short 'out of date' notice.
 */
export function buttonHandlers(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('callback_query:data', async (ctx) => {
    const answer = async (text?: string) => {
      try {
        // A toast (a quiz answer's confirmation) is shown to the presser only, as a short notification.
        await ctx.answerCallbackQuery(text ? { text: text.slice(0, 200), show_alert: false } : undefined);
      } catch (error) {
        // A query older than a few seconds cannot be answered any more; the reply below still helps.
        deps.logger.warn({ updateId: ctx.update.update_id, err: describeError(error, deps.token) }, 'telegram answerCallbackQuery failed');
      }
    };
    const req = chatRequest(ctx);
    const chat = ctx.chat;
    if (!req || !chat) {
      await answer();
      return;
    }
    // The core answers from the store (a few milliseconds), so the callback is still answered promptly, with the toast when there is one.
    let reply;
    try {
      reply = await deps.core.chat.action(req, ctx.callbackQuery.data);
    } catch (error) {
      await answer();
      throw error;
    }
    if (reply?.toast) {
      await answer(reply.text);
      return;
    }
    if (!reply) {
      // A button from an old message (a fact or topic that no longer exists): say so instead of a dead spinner.
      await answer(deps.core.i18n.t(await deps.core.chat.langOf(req), 'button-expired'));
      return;
    }
    await answer();
    const pressed = ctx.callbackQuery.message?.message_id;
    if (reply.updateInPlace && pressed !== undefined) {
      await editReply(ctx.api, deps, chat.id, pressed, reply);
      return;
    }
    const replyTo = req.chatKind === 'group' ? pressed : undefined;
    await sendReply(ctx.api, deps, { chatId: chat.id, replyTo }, reply);
  });
  return composer;
}
