/**
 * The metrics port: what the bot counts, in the core's words. The app wires a Prometheus implementation
 * (src/infra/metrics/prometheus-metrics.ts) behind it and serves it on /metrics; tests and tools get
 * {@link noopMetrics}. Features reach it as `core.metrics` (CoreServices).
 *
 * Where each is called:
 * - questionAnswered: ChatService.question(), once per question (also when rate-limited).
 * - postSent / postFailed: the daily-post fan-out, once per chat posted to (failed = given up on that chat,
 *   after retries; a chat found unavailable counts as failed too).
 * - studySessionStarted: when a study session or quiz round starts in a chat.
 * - error: wherever an error is caught and logged at error level (an update or interaction that failed, a
 *   scheduler tick that threw), with a short stable kind such as 'telegram_update' or 'post'.
 * - sendFailed: the one path of each platform's outgoing messages, once per message that could not be sent
 *   (after its retries), with why.
 * - storeWriteFailed: the store, once per write that failed because of the database (disk full, read-only file,
 *   corrupt pages, a lock held too long), with the database's error code.
 */
import type { Lang } from './facts/schema.js';
import type { AnswerStatus } from './resolver/types.js';

/** Where a counted event happened. */
export type MetricsPlatform = 'telegram' | 'discord' | 'terminal';

/** How a question ended: the resolver's status, or refused by the rate limit. */
export type QuestionOutcome = AnswerStatus | 'rate_limited';

/** Why an outgoing message was not sent: flood limit, chat gone, network, refused by the API, server error. */
export type SendFailure = 'rate_limited' | 'unavailable' | 'network' | 'rejected' | 'server';

/** Counters of what the bot does. Implementations must never throw. */
export interface Metrics {
  questionAnswered(status: QuestionOutcome, lang: Lang): void;
  postSent(platform: MetricsPlatform): void;
  postFailed(platform: MetricsPlatform): void;
  studySessionStarted(platform: MetricsPlatform): void;
  /** An error that was caught and logged; `kind` is a short, stable, low-cardinality name. */
  error(kind: string): void;
  /** An outgoing message that could not be sent. */
  sendFailed(platform: MetricsPlatform, reason: SendFailure): void;
  /** A store write that failed; `code` is the database's error code (`SQLITE_FULL`…). */
  storeWriteFailed(code: string): void;
}

/** Metrics that count nothing: the default when none are wired. */
export const noopMetrics: Metrics = {
  questionAnswered: () => undefined,
  postSent: () => undefined,
  postFailed: () => undefined,
  studySessionStarted: () => undefined,
  error: () => undefined,
  sendFailed: () => undefined,
  storeWriteFailed: () => undefined,
};
