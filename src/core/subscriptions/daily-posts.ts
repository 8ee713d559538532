import type { FactBase } from '../facts/fact-base.js';
import type { I18n } from '../i18n/i18n.js';
import type { Messenger } from '../messenger.js';
import type { Metrics } from '../metrics.js';
import type { Clock, Logger } from '../ports.js';
import type { Resolver } from '../resolver/resolver.js';
import type { Store } from '../store/store.js';
import { parsePostTime } from './local-time.js';
import { PostComposer } from './post-composer.js';
import type { QuestionOfTheDay } from './question-of-the-day.js';
import { QuestionPresses } from './question-presses.js';
import { DailyPostScheduler } from './scheduler.js';
import { SendQueue, type Timer } from './send-queue.js';
import { SubscriptionFeature } from './subscription-feature.js';
import { YesNoQuestions } from './yes-no-questions.js';
import { QuizBankQuestions } from './quiz-bank-questions.js';

/** Settings of daily posts (from DEFAULT_TIMEZONE, DEFAULT_POST_TIME, POST_CATCH_UP_HOURS, TELEGRAM_POSTS_PER_SECOND). */
export interface DailyPostSettings {
  timeZone: string;
  /** `HH:MM`. */
  postTime: string;
  catchUpHours: number;
  telegramPostsPerSecond: number;
  /** Waiting between sends; the clock and setTimeout by default (tests pass one that moves a fake clock). */
  timer?: Timer;
  /** Messages in flight at once. */
  concurrency?: number;
  /** How long a claim stays this process's without renewal (ms); 90 s by default. */
  leaseMs?: number;
  /** One scheduler per database, the others standing by (true by default: the embedded database). */
  exclusive?: boolean;
}

/** The defaults when nothing is configured. */
export const DEFAULT_DAILY_POSTS: DailyPostSettings = { timeZone: 'Asia/Almaty', postTime: '09:00', catchUpHours: 3, telegramPostsPerSecond: 25 };

/** Daily posts, wired: the composer, the chat commands, and (with a store) the queue and scheduler. */
export interface DailyPosts {
  composer: PostComposer;
  /** Where the questions of the day come from. */
  questions: QuestionOfTheDay;
  feature: SubscriptionFeature;
  queue?: SendQueue;
  scheduler?: DailyPostScheduler;
}

/**
 * How the daily posts stand, for the health check: `ok`; `standby` (another instance on this database runs
 * the schedule: healthy); `stalled` (a sent post cannot be recorded, so the fan-out waits: unhealthy); `off`
 * (no store).
 */
export type DailyPostsHealth = 'ok' | 'standby' | 'stalled' | 'off';

/** The {@link DailyPostsHealth} of wired daily posts. */
export function dailyPostsHealth(posts: DailyPosts): DailyPostsHealth {
  if (!posts.queue || !posts.scheduler) return 'off';
  if (posts.queue.recording === 'failing') return 'stalled';
  return posts.scheduler.state === 'standby' ? 'standby' : 'ok';
}

/** Questions of the day from the quiz bank, or from the facts' own yes/no questions when there is no bank. */
export function defaultQuestionSource(base: FactBase, i18n: I18n): QuestionOfTheDay {
  return base.quiz.length > 0 ? new QuizBankQuestions(base) : new YesNoQuestions(base, i18n);
}

/** A {@link Timer} on a clock and real timeouts. */
export function clockTimer(clock: Clock): Timer {
  return { now: () => clock.now().getTime(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
}

/** Builds the daily-post services. */
export function createDailyPosts(deps: {
  base: FactBase;
  resolver: Resolver;
  i18n: I18n;
  clock: Clock;
  logger: Logger;
  store?: Store;
  messenger: Messenger;
  metrics?: Metrics;
  settings?: DailyPostSettings;
  /** This process's id, carried by its claims (see {@link DailyPostScheduler}). */
  owner: string;
  /** Where questions of the day come from: {@link defaultQuestionSource} unless another source is given. */
  questions?: QuestionOfTheDay;
}): DailyPosts {
  const settings = deps.settings ?? DEFAULT_DAILY_POSTS;
  const questions = deps.questions ?? defaultQuestionSource(deps.base, deps.i18n);
  const composer = new PostComposer(deps.base, deps.i18n, questions);
  const presses = new QuestionPresses({ base: deps.base, i18n: deps.i18n, composer, questions, clock: deps.clock, store: deps.store });
  const feature = new SubscriptionFeature({
    store: deps.store,
    composer,
    presses,
    resolver: deps.resolver,
    i18n: deps.i18n,
    clock: deps.clock,
    defaults: { timeZone: settings.timeZone, postMinutes: parsePostTime(settings.postTime) ?? 9 * 60 },
  });
  if (!deps.store) return { composer, questions, feature };
  const logger = deps.logger.child({ feature: 'daily-posts' });
  const queue = new SendQueue({
    messenger: deps.messenger,
    timer: settings.timer ?? clockTimer(deps.clock),
    logger,
    rates: { telegram: { perSecond: settings.telegramPostsPerSecond, perGroupPerMinute: 20 } },
    concurrency: settings.concurrency,
  });
  const scheduler = new DailyPostScheduler({
    store: deps.store,
    subscriptions: deps.store.subscriptions,
    composer,
    queue,
    clock: deps.clock,
    logger,
    catchUpHours: settings.catchUpHours,
    metrics: deps.metrics,
    owner: deps.owner,
    leaseMs: settings.leaseMs,
    exclusive: settings.exclusive,
  });
  return { composer, questions, feature, queue, scheduler };
}
