import type { ChatReply, ChatRequest } from '../../core/chat/chat-service.js';
import type { CommandDefinition } from '../../core/commands/definitions.js';
import type { Lang } from '../../core/facts/schema.js';
import type { I18n } from '../../core/i18n/i18n.js';
import type { Metrics } from '../../core/metrics.js';
import type { Logger } from '../../core/ports.js';

type Awaitable<T> = T | Promise<T>;

/**
 * The part of the core's ChatService the Discord handlers use. Results may be promises, so the handlers
 * never assume the core is fast (tests put a slow core here to check the 3-second acknowledgement).
 */
export interface DiscordChat {
  command(req: ChatRequest, name: string, args: string): Awaitable<ChatReply | undefined>;
  action(req: ChatRequest, data: string): Awaitable<ChatReply | undefined>;
  autocomplete(partial: string, lang: Lang, limit?: number): Awaitable<{ label: string; value: string }[]>;
  /** The language of the adapter's own short notes (an expired button, an apology), by the one rule. */
  langOf(req: ChatRequest): Awaitable<Lang>;
  /** The reply to a command the core does not know (one registered by an older version). */
  unknownCommand(req: ChatRequest, name: string): Awaitable<ChatReply>;
}

/** What every interaction handler needs. */
export interface HandlerContext {
  chat: DiscordChat;
  i18n: I18n;
  /** The commands offered on Discord (normally the shared COMMANDS). */
  definitions: readonly CommandDefinition[];
  logger: Logger;
  /** Counts failed interactions; nothing when absent. */
  metrics?: Metrics;
  /** How long the core may take before an interaction is deferred (ACKNOWLEDGE_AFTER_MS unless a test says). */
  acknowledgeAfterMs: number;
}
