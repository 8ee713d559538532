/** Posting to Telegram on the bot's own initiative (daily posts, quiz rounds), as the core's Messenger. */
import { GrammyError, type Api } from 'grammy';
import type { ChatReply } from '../../core/chat/chat-service.js';
import { ChatUnavailableError, RateLimitedError, type ChatAddress, type Messenger, type SentMessage } from '../../core/messenger.js';
import { isChatUnavailable } from './errors.js';
import { renderReplyHtml } from './html.js';
import { inlineKeyboard } from './keyboard.js';
import { sendReplyParts } from './send-parts.js';

/** A Telegram API error in the core's terms: 403 → chat unavailable, 429 → rate limited; others unchanged. */
export function mapTelegramError(error: unknown, to: ChatAddress): unknown {
  if (!(error instanceof GrammyError)) return error;
  if (isChatUnavailable(error)) return new ChatUnavailableError(to, `telegram ${error.error_code}`);
  if (error.error_code === 429) return new RateLimitedError((error.parameters.retry_after ?? 1) * 1000);
  return error;
}

/**
 * Sends and edits through an Api with no auto-retry: the daily-post queue paces the fan-out and waits out
 * 429s itself, so it must see them. Replies are HTML, split like every other reply; buttons go under the last part.
 */
export class TelegramMessenger implements Messenger {
  constructor(private readonly api: Api) {}

  async send(to: ChatAddress, reply: ChatReply): Promise<SentMessage> {
    try {
      return { messageId: String(await sendReplyParts(this.api, to.chatId, reply)) };
    } catch (error) {
      throw mapTelegramError(error, to);
    }
  }

  async edit(to: ChatAddress, messageId: string, reply: ChatReply): Promise<void> {
    const html = renderReplyHtml(reply)[0] ?? '…';
    const keyboard = inlineKeyboard(reply.buttons);
    try {
      await this.api.editMessageText(to.chatId, Number(messageId), html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: keyboard ?? { inline_keyboard: [] },
      });
    } catch (error) {
      // "message is not modified" means it already shows this.
      if (error instanceof GrammyError && error.error_code === 400 && /not modified/i.test(error.description)) return;
      throw mapTelegramError(error, to);
    }
  }
}
