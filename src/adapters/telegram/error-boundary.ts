/** The last line of defence: an update whose handling failed is logged safely and the user gets an apology. */
import type { BotError, Context } from 'grammy';
import type { BotDeps } from './bot-deps.js';
import { chatRequest } from './chat-request.js';
import { describeError, isChatUnavailable } from './errors.js';
import { escapeHtml } from './html.js';

/**
 * The bot's error handler (`bot.catch`). Logs the update id, chat id and a sanitized error (never the token,
 * never the message text), then tells the chat with i18n 'error-apology' when the update came from a person
 * in a chat (a message or a button) and the chat can still be written to. Never throws: with the runner, an
 * error escaping here would stop the bot.
 */
export function errorBoundary(deps: BotDeps): (err: BotError<Context>) => Promise<void> {
  return async (err) => {
    const ctx = err.ctx;
    const chatId = ctx.chat?.id;
    deps.logger.error(
      { updateId: ctx.update.update_id, chatId: chatId === undefined ? undefined : String(chatId), err: describeError(err.error, deps.token) },
      'telegram update failed',
    );
    deps.core.metrics.error('telegram_update');
    const req = chatRequest(ctx);
    const fromPerson = ctx.update.message !== undefined || ctx.update.callback_query !== undefined;
    if (!req || chatId === undefined || !fromPerson || isChatUnavailable(err.error)) return;
    const lang = await deps.core.chat.langOf(req);
    try {
      await ctx.api.sendMessage(chatId, escapeHtml(deps.core.i18n.t(lang, 'error-apology')), { parse_mode: 'HTML' });
    } catch (error) {
      deps.logger.warn({ updateId: ctx.update.update_id, chatId: String(chatId), err: describeError(error, deps.token) }, 'telegram apology failed');
    }
  };
}
