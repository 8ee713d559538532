import { ChatService } from '../core/chat/chat-service.js';
import { MemoryConversationStore } from '../core/chat/conversation-store.js';
import { RateLimiter } from '../core/chat/rate-limiter.js';
import type { FactBase } from '../core/facts/fact-base.js';
import { I18n } from '../core/i18n/i18n.js';
import { noopMetrics, type Metrics } from '../core/metrics.js';
import type { Clock, Logger } from '../core/ports.js';
import { Messengers } from '../core/messenger.js';
import { Resolver } from '../core/resolver/resolver.js';
import type { Store } from '../core/store/store.js';

/** Options of {@link createCoreServices}. */
export interface CoreOptions {
  base: FactBase;
  clock: Clock;
  logger: Logger;
  /** Questions per user per window. */
  rateLimit?: { limit: number; windowMs: number };
  /** The persistent store (SQLite in production, `:memory:` in tests). */
  store?: Store;
  /** Counters served on /metrics; counts nothing when absent. */
  metrics?: Metrics;
}

/** The platform-independent services, wired once and shared by every adapter. */
export interface CoreServices {
  base: FactBase;
  i18n: I18n;
  resolver: Resolver;
  chat: ChatService;
  clock: Clock;
  logger: Logger;
  /** Posting on the bot's own initiative: each running platform registers its messenger here. */
  messengers: Messengers;
  store?: Store;
  /**
   * Counters for /metrics (a no-op in tests). Features count their events here: the daily-post fan-out
   * calls postSent/postFailed per chat, study sessions call studySessionStarted (see src/core/metrics.ts).
   */
  metrics: Metrics;
}

/** Wires the core: fact base, resolver, interface strings and the chat service. */
export function createCoreServices(options: CoreOptions): CoreServices {
  const i18n = new I18n();
  const resolver = new Resolver(options.base, undefined, i18n);
  const rate = options.rateLimit ?? { limit: 10, windowMs: 60_000 };
  const metrics = options.metrics ?? noopMetrics;
  const chat = new ChatService({
    base: options.base,
    resolver,
    i18n,
    conversations: new MemoryConversationStore(options.clock),
    rateLimiter: new RateLimiter(options.clock, rate.limit, rate.windowMs),
    clock: options.clock,
    logger: options.logger,
    metrics,
  });
  return { base: options.base, i18n, resolver, chat, clock: options.clock, logger: options.logger, messengers: new Messengers(), store: options.store, metrics };
}
