import type { SubscriptionRepository } from '../subscriptions/subscription-repository.js';
import type { StudyRepository } from '../study/study-store.js';
import type { DailyAnswerRepository } from '../subscriptions/daily-answers.js';
import type { ChatSettingsRepository } from './chat-settings.js';
import type { LeaseRepository } from './leases.js';
import type { QuestionLogRepository } from '../questions/question-log.js';

/** Whether the store can write now; when not, a short reason (an error code such as `SQLITE_FULL`). */
export type WriteCheck = { ok: true } | { ok: false; reason: string };

/**
 * The persistent store as the core sees it: repositories and a transaction boundary. Feature
 * repositories (subscriptions, study) are added here by their features.
 */
export interface Store {
  chats: ChatSettingsRepository;
  /** Daily-post subscriptions, deliveries and rotations. */
  subscriptions: SubscriptionRepository;
  /** Study sessions, answers and review cards. */
  study: StudyRepository;
  /** Leases of whole processes (the daily-post schedule). */
  leases: LeaseRepository;
  /** Members' presses on the question of the day. */
  dailyAnswers: DailyAnswerRepository;
  /** Questions the bot could not answer, and "Not what I asked" tickets (asynchronous already). */
  questionLog: QuestionLogRepository;
  /** Runs `work` in one transaction: all its writes land, or none. */
  transaction<T>(work: () => T): T;
  /** Whether the store answers a read. */
  ping(): boolean;
  /**
   * Whether the store can write (for health checks): a tiny write in a transaction that is rolled back, and
   * no write failed since the last one that succeeded.
   */
  checkWrite(): WriteCheck;
  close(): void;
}
