import type { SubscriptionRepository } from '../subscriptions/subscription-repository.js';
import type { StudyRepository } from '../study/study-store.js';
import type { DailyAnswerRepository } from '../subscriptions/daily-answers.js';
import type { ChatSettingsRepository } from './chat-settings.js';

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
  /** Members' presses on the question of the day. */
  dailyAnswers: DailyAnswerRepository;
  /** Runs `work` in one transaction: all its writes land, or none. */
  transaction<T>(work: () => T): T;
  /** Whether the store answers (for health checks). */
  ping(): boolean;
  close(): void;
}
