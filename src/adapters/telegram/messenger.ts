/** Posting to Telegram on the bot's own initiative (daily posts, quiz rounds), as the core's Messenger. */
import { GrammyError, type Api } from 'grammy';
import type { ChatReply } from '../../core/chat/chat-service.js';
import { ChatUnavailableError, RateLimitedError, type ChatAddress, type Messenger, type SentMessage } from '../../core/messenger.js';
import { isChatUnavailable } from './errors.js';
import { sendReplyParts } from './send-parts.js';

/** A Telegram API error in the core's terms: 403 → chat unavailable, 429 → rate limited; others unchanged. */
export function mapTelegramError(error: unknown, to: ChatAddress): unknown {
  if (!(error instanceof GrammyError)) return error;
  if (isChatUnavailable(error)) return new ChatUnavailableError(to, `telegram ${error.error_code}`);
  if (error.error_code === 429) return new RateLimitedError((error.parameters.retry_after ?? 1) * 1000);
  return error;
}

/**
 * Sends through the bot's Api (the one outgoing path). Replies are HTML, split like every other reply; buttons
 * go under the last part, with a link into a private chat with the bot when the reply has a way there.
 */
export class TelegramMessenger implements Messenger {
  constructor(
    private readonly api: Api,
    /** The bot's username once known, for links into a private chat. */
    private readonly botUsername: () => string | undefined = () => undefined,
  ) {}

  async send(to: ChatAddress, reply: ChatReply): Promise<SentMessage> {
    try {
      return { messageId: String(await sendReplyParts(this.api, to.chatId, reply, { botUsername: this.botUsername() })) };
    } catch (error) {
      throw mapTelegramError(error, to);
    }
  }
}
