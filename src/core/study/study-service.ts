/**
 * Group study sessions as a chat feature: `/study` posts questions whose buttons are the choices, each
 * member's first press counts (confirmed privately), a round closes at its deadline or with `/next`, the
 * reveal shows the right answer, the explanation, the citation and how many got it right, and the session
 * ends with a leaderboard. Misses go to the member's review queue (ts-fsrs), answered with `/review`.
 *
 * This is the facade the app wires and the chat service routes to; the parts do the work:
 * session-commands.ts (the chat side of sessions), session-rounds.ts (the state machine), round-timers.ts
 * (deadlines, restarts, several instances), leaderboards.ts and ranking.ts, member-stats.ts, review.ts and
 * review-cards.ts (spaced repetition).
 */
import type { ChatFeature, ChatReply, ChatRequest } from '../chat/chat-service.js';
import type { FactBase } from '../facts/fact-base.js';
import type { Lang } from '../facts/schema.js';
import type { I18n } from '../i18n/i18n.js';
import type { ChatAddress, Messenger } from '../messenger.js';
import type { Metrics } from '../metrics.js';
import type { Clock, Logger } from '../ports.js';
import type { Store } from '../store/store.js';
import { Leaderboards } from './leaderboards.js';
import { statsReply } from './member-stats.js';
import type { QuizQuestion } from './quiz.js';
import type { QuizItem } from './quiz-bank-schema.js';
import type { RandomSource } from './random.js';
import { ReviewQueue } from './review.js';
import { DEFAULT_TIMER_LEASE_MS, RoundTimers, type IsRunning } from './round-timers.js';
import { SessionCommands } from './session-commands.js';
import { QuizBank } from './session-composer.js';
import { SessionRounds } from './session-rounds.js';
import type { StudyContext } from './study-context.js';
import type { ReviewCard } from './study-store.js';
import type { Timers } from './timers.js';

export { DEFAULT_QUESTIONS, MAX_QUESTIONS, MIN_QUESTIONS } from './study-args.js';
export { compareScores, ranked, weekStart } from './ranking.js';
export { DEFAULT_TIMER_LEASE_MS } from './round-timers.js';

/** Button data prefix of study sessions and reviews. */
export const STUDY_PREFIX = 'q:';

/** Dependencies of the {@link StudyService}. */
export interface StudyDeps {
  base: FactBase;
  i18n: I18n;
  store: Store;
  clock: Clock;
  timers: Timers;
  /** Seeds for new sessions. */
  random: RandomSource;
  messengers: Messenger;
  logger: Logger;
  /** How long a question stays open. */
  questionSeconds: number;
  metrics?: Metrics;
  /** The quiz bank's items; the fact base's own (data/quiz) when absent. */
  bank?: readonly QuizItem[];
  /** This process's id: it owns the timers of the rounds it opens (see {@link StudyService.sweep}). */
  owner?: string;
  /**
   * How long this process's hold on a session's timer lasts without renewal (ms): when it dies, another
   * instance takes the timer over after this and reveals the question at its deadline (or at once when the
   * deadline passed meanwhile). Renewed every third of it. 15 s by default.
   */
  timerLeaseMs?: number;
  /** The platforms that can be running here (the registered messengers); every platform when absent. */
  platforms?: () => readonly ChatAddress['platform'][];
}

/**
 * Study sessions and personal review as a {@link ChatFeature}: `/study`, `/next`, `/stop`, `/top`, `/stats`,
 * `/review` and the answer buttons. State lives in the store, so a restart resumes (see {@link StudyService.resume}).
 */
export class StudyService implements ChatFeature {
  readonly commands = ['study', 'next', 'stop', 'top', 'stats', 'review'] as const;
  readonly actionPrefix = STUDY_PREFIX;
  /** The quiz bank sessions and reviews draw from. */
  readonly bank: QuizBank;
  private readonly ctx: StudyContext;
  private readonly sessions: SessionCommands;
  private readonly timers: RoundTimers;
  private readonly leaderboards: Leaderboards;
  private readonly reviews: ReviewQueue;

  constructor(deps: StudyDeps) {
    const { base, i18n, store, clock, logger, questionSeconds, metrics } = deps;
    this.ctx = { base, i18n, store, clock, logger, questionSeconds, ...(metrics ? { metrics } : {}) };
    this.bank = new QuizBank(deps.bank ?? base.quiz, (factId) => base.fact(factId)?.event);
    this.reviews = new ReviewQueue(this.ctx, this.bank, STUDY_PREFIX);
    this.leaderboards = new Leaderboards(this.ctx);
    const rounds = new SessionRounds(this.ctx, this.leaderboards, this.reviews, STUDY_PREFIX);
    this.timers = new RoundTimers(this.ctx, rounds, {
      timers: deps.timers,
      messengers: deps.messengers,
      owner: deps.owner ?? 'local',
      timerLeaseMs: deps.timerLeaseMs ?? DEFAULT_TIMER_LEASE_MS,
      ...(deps.platforms ? { platforms: deps.platforms } : {}),
    });
    this.sessions = new SessionCommands(this.ctx, this.bank, rounds, this.timers, deps.random);
  }

  async command(req: ChatRequest, name: string, args: string): Promise<ChatReply | undefined> {
    switch (name) {
      case 'study':
        return this.sessions.start(req, args);
      case 'next':
        return this.sessions.closeRound(req, args, false);
      case 'stop':
        return this.sessions.closeRound(req, args, true);
      case 'top':
        return this.leaderboards.top(req, args);
      case 'stats':
        return statsReply(this.ctx, req, args);
      case 'review':
        return this.reviews.command(req, args);
      default:
        return undefined;
    }
  }

  /** `/start review` (the way into the private chat from a group's leaderboard or `/review`) opens the review. */
  startPayload(req: ChatRequest, payload: string): Promise<ChatReply | undefined> {
    return this.reviews.startPayload(req, payload);
  }

  async action(req: ChatRequest, data: string): Promise<ChatReply | undefined> {
    const parts = data.slice(STUDY_PREFIX.length).split(':');
    const reply = (await this.sessions.action(req, parts)) ?? (await this.reviews.action(req, parts));
    // A press that is not a toast closes the question it sits under: its reveal and the next one take its place.
    return reply && !reply.toast ? { ...reply, updateInPlace: true } : reply;
  }

  /** A review card's question as a member is asked it (see {@link ReviewQueue.question}). */
  reviewQuestion(card: ReviewCard, lang: Lang): QuizQuestion | undefined {
    return this.reviews.question(card, lang);
  }

  /** After a restart: sessions resume or end (see {@link RoundTimers.resume}). */
  resume(isRunning: IsRunning): Promise<void> {
    return this.timers.resume(isRunning);
  }

  /** Renews this process's timers and takes over those of a dead instance (see {@link RoundTimers.sweep}). */
  sweep(isRunning: IsRunning, takeAll = false): Promise<void> {
    return this.timers.sweep(isRunning, takeAll);
  }

  /** Sweeps every third of the timer lease until {@link close}. */
  startSweeps(isRunning: IsRunning): void {
    this.timers.startSweeps(isRunning);
  }

  /** Resolves when every post started by a deadline has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.timers.idle();
  }

  /** Cancels every pending deadline (shutdown); sessions stay stored and resume at the next start. */
  close(): void {
    this.timers.close();
  }

  /** Gives up this process's hold on its timers (a graceful stop), so another instance takes them over at once. */
  releaseTimers(): Promise<void> {
    return this.timers.releaseTimers();
  }
}
