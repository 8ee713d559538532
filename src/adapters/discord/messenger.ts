/** Posting to Discord channels on the bot's own initiative (daily posts, quiz rounds), as the core's Messenger. */
import { DiscordAPIError, RateLimitError, Routes, type REST } from 'discord.js';
import type { ChatReply } from '../../core/chat/chat-service.js';
import type { I18n } from '../../core/i18n/i18n.js';
import { ChatUnavailableError, RateLimitedError, type ChatAddress, type Messenger, type SentMessage } from '../../core/messenger.js';
import type { Metrics, SendFailure } from '../../core/metrics.js';
import { replyToMessage, type DiscordMessage } from './embeds.js';

/**
 * Discord codes that mean the bot cannot post to the channel any more: 50001 Missing Access, 10003 Unknown
 * Channel, 50013 Missing Permissions, 10004 Unknown Guild.
 */
export const CHANNEL_GONE_CODES: ReadonlySet<number | string> = new Set([50001, 10003, 50013, 10004]);

/** A Discord error in the core's terms; others unchanged. */
export function mapDiscordError(error: unknown, to: ChatAddress): unknown {
  if (error instanceof DiscordAPIError && (CHANNEL_GONE_CODES.has(error.code) || error.status === 403 || error.status === 404))
    return new ChatUnavailableError(to, `discord ${error.code}`);
  if (error instanceof RateLimitError) return new RateLimitedError(error.retryAfter);
  return error;
}

/** Why a Discord error means the message was not sent. */
export function discordSendFailure(mapped: unknown, raw: unknown): SendFailure {
  if (mapped instanceof ChatUnavailableError) return 'unavailable';
  if (mapped instanceof RateLimitedError) return 'rate_limited';
  if (raw instanceof DiscordAPIError) return raw.status >= 500 ? 'server' : 'rejected';
  return 'network';
}

/** A message as the REST API takes it. */
function body(message: DiscordMessage): Record<string, unknown> {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: { parse: [] },
  };
}

/**
 * Posts to the channel a chat address names (where /subscribe was used), through the client's REST, which is
 * Discord's one outgoing path: it queues per route and waits out rate limits itself. Failures are counted.
 */
export class DiscordMessenger implements Messenger {
  constructor(
    private readonly rest: REST,
    private readonly i18n: I18n,
    private readonly metrics?: Pick<Metrics, 'sendFailed'>,
  ) {}

  async send(to: ChatAddress, reply: ChatReply): Promise<SentMessage> {
    try {
      const sent = (await this.rest.post(Routes.channelMessages(to.chatId), { body: body(replyToMessage(reply, this.i18n)) })) as { id: string };
      return { messageId: sent.id };
    } catch (error) {
      throw this.failed(error, to);
    }
  }

  private failed(error: unknown, to: ChatAddress): unknown {
    const mapped = mapDiscordError(error, to);
    this.metrics?.sendFailed('discord', discordSendFailure(mapped, error));
    return mapped;
  }
}
