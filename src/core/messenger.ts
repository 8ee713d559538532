import type { ChatReply, ChatRequest } from './chat/chat-service.js';

/** Where to post: a platform and a chat (on Discord, a channel). */
export interface ChatAddress {
  platform: ChatRequest['platform'];
  chatId: string;
}

/** A message the bot posted (its id is recorded with a daily post). */
export interface SentMessage {
  messageId: string;
}

/** The chat is gone for the bot: it was blocked, removed, or lost access (Telegram 403, Discord 50001/10003). */
export class ChatUnavailableError extends Error {
  constructor(readonly address: ChatAddress, reason: string) {
    super(`chat unavailable: ${reason}`);
    this.name = 'ChatUnavailableError';
  }
}

/** The platform asked us to slow down (HTTP 429); try again after `retryAfterMs`. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`rate limited for ${retryAfterMs} ms`);
    this.name = 'RateLimitedError';
  }
}

/**
 * Posting on the bot's own initiative (daily posts, quiz rounds), implemented by each adapter.
 * Errors: {@link ChatUnavailableError} and {@link RateLimitedError} as above; anything else is transient.
 */
export interface Messenger {
  send(to: ChatAddress, reply: ChatReply): Promise<SentMessage>;
}

/** The messengers of the platforms that are running, by platform. */
export class Messengers implements Messenger {
  private readonly byPlatform = new Map<ChatAddress['platform'], Messenger>();

  register(platform: ChatAddress['platform'], messenger: Messenger): void {
    this.byPlatform.set(platform, messenger);
  }

  has(platform: ChatAddress['platform']): boolean {
    return this.byPlatform.has(platform);
  }

  /** The platforms registered (running) now. */
  platforms(): ChatAddress['platform'][] {
    return [...this.byPlatform.keys()];
  }

  private of(to: ChatAddress): Messenger {
    const m = this.byPlatform.get(to.platform);
    if (!m) throw new ChatUnavailableError(to, `platform ${to.platform} is not running`);
    return m;
  }

  send(to: ChatAddress, reply: ChatReply): Promise<SentMessage> {
    return this.of(to).send(to, reply);
  }
}
