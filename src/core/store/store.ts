import type { ConversationRepository } from '../chat/conversation-store.js';
import type { RateWindowRepository } from '../chat/rate-limiter.js';
import type { SubscriptionRepository } from '../subscriptions/subscription-repository.js';
import type { StudyRepository } from '../study/study-store.js';
import type { DailyAnswerRepository } from '../subscriptions/daily-answers.js';
import type { ChatSettingsRepository } from './chat-settings.js';
import type { LeaseRepository } from './leases.js';
import type { SeenUpdateRepository } from './seen-updates.js';
import type { SendPaceRepository } from '../subscriptions/send-pace.js';
import type { QuestionLogRepository } from '../questions/question-log.js';

/** Whether the store can write now; when not, a short reason (an error code such as `SQLITE_FULL` or `57014`). */
export type WriteCheck = { ok: true } | { ok: false; reason: string };

/**
 * The persistent store as the core sees it: repositories and a transaction boundary. Each feature owns its
 * repository's interface (subscriptions, study, daily answers); a store implements them all (SQLite embedded,
 * PostgreSQL shared by several instances). Every method returns a promise.
 */
export interface Store {
  /** Which kind of store: one process per SQLite file, several instances on PostgreSQL. */
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Whether several instances may share this store (a server database): the daily-post schedule is then
   * split between them instead of held by one.
   */
  readonly shared: boolean;
  chats: ChatSettingsRepository;
  /** Daily-post subscriptions, deliveries and rotations. */
  subscriptions: SubscriptionRepository;
  /** Study sessions, answers and review cards. */
  study: StudyRepository;
  /** Leases of whole processes (the daily-post schedule, the Telegram poller). */
  leases: LeaseRepository;
  /** Members' presses on the question of the day. */
  dailyAnswers: DailyAnswerRepository;
  /** Questions the bot could not answer, and "Not what I asked" tickets. */
  questionLog: QuestionLogRepository;
  /** Conversation contexts (follow-ups), with expiry. */
  conversations: ConversationRepository;
  /** Per-user rate-limit windows, with expiry. */
  rateWindows: RateWindowRepository;
  /** Webhook updates already handled. */
  seenUpdates: SeenUpdateRepository;
  /** The shared pace of the daily-post fan-out. */
  sendPace: SendPaceRepository;
  /**
   * Runs `work` in one transaction: all its writes land, or none. Repository calls made inside `work` (and
   * in what it awaits) belong to the transaction; a transaction inside another joins it.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** Whether the store answers a read. */
  ping(): Promise<boolean>;
  /**
   * Whether the store can write (for health checks): a tiny write in a transaction that is rolled back, and
   * no write failed since the last one that succeeded.
   */
  checkWrite(): Promise<WriteCheck>;
  close(): Promise<void>;
}
