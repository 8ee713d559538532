/** A core with a real SQLite store and the question log on, for the question-log tests. */
import { createCoreServices, type CoreServices } from '../../src/app/core-services.js';
import type { ChatRequest } from '../../src/core/chat/chat-service.js';
import { noopMetrics, type Metrics } from '../../src/core/metrics.js';
import { silentLogger, type Logger } from '../../src/core/ports.js';
import type { QuestionLogLimits } from '../../src/infra/sqlite/sqlite-question-log.js';
import { openDatabase, SqliteStore } from '../../src/infra/sqlite/sqlite-store.js';
import { FakeClock } from '../subscriptions/support.js';
import { sharedFacts } from '../support/shared-facts.js';

/** Metrics that count errors by kind (the rest is dropped). */
export function countingMetrics(): Metrics & { errors: Map<string, number> } {
  const errors = new Map<string, number>();
  return { ...noopMetrics, errors, error: (kind) => void errors.set(kind, (errors.get(kind) ?? 0) + 1) };
}

/** The real core over an SQLite database with the question log on (90 days unless told). */
export function loggingCore(
  options: { clock?: FakeClock; db?: SqliteStore; limits?: QuestionLogLimits; days?: number; rateLimit?: number; logger?: Logger; metrics?: Metrics } = {},
): { core: CoreServices; store: SqliteStore; clock: FakeClock } {
  const clock = options.clock ?? FakeClock.at('2024-06-05T06:00:00Z');
  const store = options.db ?? new SqliteStore(openDatabase(':memory:'), options.limits ? { questionLogLimits: options.limits } : {});
  const core = createCoreServices({
    ...sharedFacts(),
    clock,
    logger: options.logger ?? silentLogger,
    store,
    rateLimit: { limit: options.rateLimit ?? 1000, windowMs: 60_000 },
    questionLog: { retentionDays: options.days ?? 90 },
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  return { core, store, clock };
}

/** A member in a private Telegram chat. */
export function member(userId = '4242', options: Partial<ChatRequest> = {}): ChatRequest {
  return { platform: 'telegram', chatId: `chat-${userId}`, userId, chatKind: 'private', userLang: 'en', ...options };
}

/** Questions whose outcome the tests rely on (checked by the tests themselves). */
export const QUESTIONS = {
  answered: 'When was the constitutional referendum held?',
  unsure: 'when did the referendum take place?',
  unknown: 'What is the price of bread?',
  entityGap: 'When was Tokayev born?',
} as const;
