import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { ChatService } from '../core/chat/chat-service.js';
import { ExpiringConversations, MemoryConversationStore } from '../core/chat/conversation-store.js';
import { RateLimiter } from '../core/chat/rate-limiter.js';
import type { FactBase } from '../core/facts/fact-base.js';
import { I18n } from '../core/i18n/i18n.js';
import { noopMetrics, type Metrics } from '../core/metrics.js';
import type { Clock, Logger } from '../core/ports.js';
import { Messengers } from '../core/messenger.js';
import { Resolver } from '../core/resolver/resolver.js';
import type { Store } from '../core/store/store.js';
import type { QuizItem } from '../core/study/quiz-bank-schema.js';
import type { RandomSource } from '../core/study/random.js';
import { StudyService } from '../core/study/study-service.js';
import { systemTimers, type Timers } from '../core/study/timers.js';
import type { PrivacyKeys } from '../core/questions/privacy-keys.js';
import { QuestionRecorder } from '../core/questions/question-recorder.js';
import { DailySaltKeys } from '../infra/privacy-keys.js';
import { createDailyPosts, DEFAULT_DAILY_POSTS, type DailyPosts, type DailyPostSettings } from '../core/subscriptions/daily-posts.js';

/** Options of {@link createCoreServices}. */
export interface CoreOptions {
  base: FactBase;
  /**
   * A resolver already built over `base`, to share (building its search index is the costly part of
   * wiring: tests that create many cores over one fact base pass one). Built here when absent.
   */
  resolver?: Resolver;
  clock: Clock;
  logger: Logger;
  /** Questions per user per window. */
  rateLimit?: { limit: number; windowMs: number };
  /** The persistent store (SQLite in production, `:memory:` in tests). */
  store?: Store;
  /** Counters served on /metrics; counts nothing when absent. */
  metrics?: Metrics;
  /** Daily posts: default time and zone, catch-up window, Telegram fan-out rate (defaults when absent). */
  dailyPosts?: DailyPostSettings;
  /**
   * Study sessions (with a store): how long a question stays open, test doubles for timers and seeds, and a
   * quiz bank to draw from instead of the fact base's own (data/quiz).
   */
  study?: { questionSeconds?: number; timers?: Timers; random?: RandomSource; bank?: readonly QuizItem[]; timerLeaseMs?: number };
  /** This process's id in the store (owner of its daily-post claims); host, pid and a random part by default. */
  instanceId?: string;
  /**
   * The question log (needs a store): questions declined or guessed at, and "Not what I asked" presses,
   * kept `retentionDays` (QUESTION_LOG_DAYS). Off when absent (QUESTION_LOG=off, tests and tools).
   */
  questionLog?: { retentionDays: number; keys?: PrivacyKeys; timers?: Timers };
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
  /** Daily "on this day" posts: the commands (added to the chat service) and, with a store, the scheduler. */
  dailyPosts: DailyPosts;
  /** Study sessions (present when there is a store): resume after a restart, close at shutdown. */
  study?: StudyService;
  /** This process's id in the store: its claims, timers and leases carry it. */
  instanceId: string;
  /** The question log's recorder (with a store, unless it is off): `start()` it, `stop()` it before the store closes. */
  questionLog?: QuestionRecorder;
}

/** Wires the core once: resolver, interface strings, the chat service, daily posts and (with a store) study sessions. */
export function createCoreServices(options: CoreOptions): CoreServices {
  const i18n = new I18n();
  if (options.resolver && options.resolver.base !== options.base) throw new Error('createCoreServices: the resolver was built over another fact base');
  const resolver = options.resolver ?? new Resolver(options.base, undefined, i18n);
  const rate = options.rateLimit ?? { limit: 10, windowMs: 60_000 };
  const metrics = options.metrics ?? noopMetrics;
  const questionLog =
    options.store && options.questionLog
      ? new QuestionRecorder({
          repository: options.store.questionLog,
          keys: options.questionLog.keys ?? new DailySaltKeys(),
          clock: options.clock,
          timers: options.questionLog.timers ?? systemTimers,
          defer: (run) => void setImmediate(run),
          i18n,
          logger: options.logger.child({ component: 'question-log' }),
          metrics,
          retentionDays: options.questionLog.retentionDays,
        })
      : undefined;
  const chat = new ChatService({
    base: options.base,
    resolver,
    i18n,
    // With a store, follow-ups and limits live in it: every instance on a shared database sees them.
    conversations: options.store ? new ExpiringConversations(options.store.conversations, options.clock) : new MemoryConversationStore(options.clock),
    rateLimiter: new RateLimiter(options.clock, rate.limit, rate.windowMs, options.store?.rateWindows),
    clock: options.clock,
    logger: options.logger,
    metrics,
    chatLang: options.store ? async (req) => (await options.store?.chats.get({ platform: req.platform, chatId: req.chatId }))?.lang : undefined,
    // "Today" in a question is the chat's date: its daily-post zone, else the default zone.
    chatTimeZone: async (req) =>
      (await options.store?.subscriptions.get({ platform: req.platform, chatId: req.chatId }))?.timeZone ?? (options.dailyPosts ?? DEFAULT_DAILY_POSTS).timeZone,
    observer: questionLog,
  });
  // "Not what I asked" presses count against the rate limit like any answer button.
  if (questionLog) chat.addFeature(questionLog);
  const messengers = new Messengers();
  const owner = options.instanceId ?? newInstanceId();
  const dailyPosts = createDailyPosts({
    base: options.base,
    resolver,
    i18n,
    clock: options.clock,
    logger: options.logger,
    store: options.store,
    messenger: messengers,
    metrics,
    settings: options.dailyPosts,
    owner,
    platforms: () => messengers.platforms(),
  });
  chat.addFeature(dailyPosts.feature);
  const study = options.store
    ? new StudyService({
        base: options.base,
        i18n,
        store: options.store,
        clock: options.clock,
        timers: options.study?.timers ?? systemTimers,
        random: options.study?.random ?? { next: () => Math.random() },
        messengers,
        logger: options.logger.child({ feature: 'study' }),
        questionSeconds: options.study?.questionSeconds ?? 30,
        metrics,
        owner,
        platforms: () => messengers.platforms(),
        ...(options.study?.timerLeaseMs ? { timerLeaseMs: options.study.timerLeaseMs } : {}),
        ...(options.study?.bank ? { bank: options.study.bank } : {}),
      })
    : undefined;
  // Quiz and review choices answer the bot's own questions: they are not rate-limited requests.
  if (study) chat.addFeature(study, { limitActions: false });
  return { base: options.base, i18n, resolver, chat, clock: options.clock, logger: options.logger, messengers, store: options.store, metrics, dailyPosts, study, questionLog, instanceId: owner };
}

/** A process id that is unique across hosts and restarts, and still tells an operator where it runs. */
export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}
