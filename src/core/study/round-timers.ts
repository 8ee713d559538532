/**
 * The clock side of study sessions: each open round's deadline timer, posting what the bot does on its own
 * (a deadline's reveal and next question, a session ended after a restart), and restarts: after a restart,
 * and with several instances sharing a database, whose timers run where (leases renewed by a sweep).
 */
import type { ChatAddress, Messenger } from '../messenger.js';
import { ChatUnavailableError, RateLimitedError } from '../messenger.js';
import { errorSummary, nowMs, type StudyContext } from './study-context.js';
import type { SessionRounds, Step } from './session-rounds.js';

/** What the timers need of the state machine: a round's deadline, and closing it. */
export type RoundCloser = Pick<SessionRounds, 'deadline' | 'close'>;
import type { StudyRepository, StudySession } from './study-store.js';
import type { Timers } from './timers.js';

/** A session whose open question's deadline passed longer ago than this (downtime) is ended, not resumed. */
const RESUME_GRACE_MS = 10 * 60_000;
/** Attempts at posting a round the bot closed on its own (a 429 is waited out below, in the platform's path). */
const POST_ATTEMPTS = 3;
/** The longest wait before trying a deadline again whose write failed. */
const DEADLINE_RETRY_MAX_MS = 30_000;
/** Default length of a hold on a session's timer. */
export const DEFAULT_TIMER_LEASE_MS = 15_000;

/** Which platforms this process can post on. */
export type IsRunning = (platform: ChatAddress['platform']) => boolean;

/** What the {@link RoundTimers} run with, besides the shared context. */
export interface RoundTimerDeps {
  timers: Timers;
  messengers: Messenger;
  /** This process's id: it owns the timers of the rounds it opens (see {@link RoundTimers.sweep}). */
  owner: string;
  /** How long this process's hold on a session's timer lasts without renewal (ms); renewed every third of it. */
  timerLeaseMs: number;
  /** The platforms that can be running here (the registered messengers); every platform when absent. */
  platforms?: () => readonly ChatAddress['platform'][];
}

/** Deadline timers of the rounds this process runs, and what follows when they fire. */
export class RoundTimers {
  /** Session id → the timer and the round it closes. */
  private readonly running = new Map<number, { handle: unknown; round: number }>();
  private sweeper: unknown;
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly ctx: StudyContext,
    private readonly rounds: RoundCloser,
    private readonly deps: RoundTimerDeps,
  ) {}

  private get repo(): StudyRepository {
    return this.ctx.store.study;
  }

  /**
   * Closes a round (see {@link SessionRounds.close}) and keeps the timers in step: the closed round's is
   * cancelled and the next round's starts, unless the bot posts that round itself (`postedLater`: it opens
   * once posted, see {@link post}).
   */
  async advance(sessionId: number, round: number, stop: boolean, note?: string, postedLater = false): Promise<Step | undefined> {
    const step = await this.rounds.close(sessionId, round, stop, note);
    if (!step) return undefined;
    this.cancelTimer(sessionId);
    if (!step.ended && !postedLater) await this.schedule(step.session);
    return step;
  }

  /**
   * Runs the open round's deadline timer here, and records that this process owns it (so another instance
   * takes it over only when this one stops renewing: see {@link sweep}).
   */
  async schedule(session: StudySession): Promise<void> {
    this.setTimer(session.id, session.current, this.rounds.deadline(session) - nowMs(this.ctx), () => this.onDeadline(session.id, session.current));
    try {
      await this.repo.holdTimer(session.id, this.deps.owner, nowMs(this.ctx) + this.deps.timerLeaseMs);
    } catch (error) {
      // The timer still runs here; at worst another instance runs one too, and the round closes once.
      this.ctx.logger.warn({ sessionId: session.id, err: errorSummary(error) }, 'study timer ownership not recorded');
    }
  }

  private setTimer(sessionId: number, round: number, ms: number, run: () => Promise<void>): void {
    this.cancelTimer(sessionId);
    const handle = this.deps.timers.schedule(ms, () => {
      this.running.delete(sessionId);
      this.track(run());
    });
    this.running.set(sessionId, { handle, round });
  }

  private cancelTimer(sessionId: number): void {
    const timer = this.running.get(sessionId);
    if (timer !== undefined) this.deps.timers.cancel(timer.handle);
    this.running.delete(sessionId);
  }

  private track(work: Promise<void>): void {
    const p = work
      .catch((error: unknown) => {
        this.ctx.logger.error({ err: errorSummary(error) }, 'study deadline failed');
        this.ctx.metrics?.error('study');
      })
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /**
   * Closes a round at its deadline and posts the reveal with the next question. When the store cannot record
   * the close, the deadline is tried again after a growing wait (up to 30 s), so a session never stays stuck.
   */
  private async onDeadline(sessionId: number, round: number, note?: string, attempt = 1): Promise<void> {
    let step: Step | undefined;
    try {
      const timeUp = note ?? this.ctx.i18n.t((await this.repo.session(sessionId))?.lang ?? 'en', 'study-timeout');
      step = await this.advance(sessionId, round, false, timeUp, true);
    } catch (error) {
      if (this.closed) return;
      const wait = Math.min(DEADLINE_RETRY_MAX_MS, 1000 * 2 ** (attempt - 1));
      this.ctx.logger.warn({ sessionId, round, attempt, retryInMs: wait, err: errorSummary(error) }, 'study deadline not recorded; trying again');
      this.ctx.metrics?.error('study');
      this.setTimer(sessionId, round, wait, () => this.onDeadline(sessionId, round, note, attempt + 1));
      return;
    }
    if (step) await this.post(step);
  }

  /**
   * Posts a step the bot took on its own (a deadline, a resume) and only then opens its next round: the
   * question's time counts from when the chat could see it. A transient failure is tried again later (up to
   * {@link POST_ATTEMPTS}; 429s are waited out in the platform's path first); a round that still cannot be
   * posted is not opened: the session ends instead of revealing a question nobody saw. A chat that is gone
   * ends it too.
   */
  private async post(step: Step, attempt = 1): Promise<void> {
    const { session } = step;
    try {
      await this.deps.messengers.send(session.address, step.reply);
    } catch (error) {
      // Closing for a restart: the session stays stored and resumes then.
      if (this.closed) return;
      const log = { sessionId: session.id, platform: session.address.platform, attempt, err: errorSummary(error) };
      const unavailable = error instanceof ChatUnavailableError;
      if (!unavailable && attempt < POST_ATTEMPTS) {
        const wait = error instanceof RateLimitedError ? error.retryAfterMs : 1000 * 2 ** (attempt - 1);
        this.ctx.logger.warn({ ...log, retryInMs: wait }, 'study post failed; trying again');
        // A timer, not a wait in here: shutdown cancels it, and nothing is held in flight meanwhile.
        this.setTimer(session.id, session.current, wait, () => this.post(step, attempt + 1));
        return;
      }
      if (step.ended) {
        this.ctx.logger.warn(log, 'study leaderboard not posted');
        return;
      }
      // No one to post to, or no way to: end instead of cycling through questions nobody sees.
      if (unavailable) this.ctx.logger.warn(log, 'study chat unavailable: the session ends');
      else {
        this.ctx.logger.error(log, 'study round not posted: the session ends');
        this.ctx.metrics?.error('study');
      }
      await this.ctx.store.transaction(() => this.repo.end(session.id, session.current, nowMs(this.ctx)));
      this.cancelTimer(session.id);
      return;
    }
    if (step.ended) return;
    const opened = { ...session, roundOpenedAt: nowMs(this.ctx) };
    try {
      await this.repo.openRound(session.id, session.current, opened.roundOpenedAt);
    } catch (error) {
      // The deadline then counts from the close of the previous round, a little early; the timer still runs.
      this.ctx.logger.warn({ sessionId: session.id, err: errorSummary(error) }, 'study round opening not recorded');
    }
    await this.schedule(opened);
  }

  /**
   * After a restart: each active session resumes with its deadline recomputed from the stored time (a
   * deadline that passed during the downtime closes its question at once); a session whose platform is not
   * running, or that was down too long, ends with its leaderboard so far.
   */
  async resume(isRunning: IsRunning): Promise<void> {
    if (!this.ctx.store.shared) {
      // One process per database: a session whose platform this process does not run has nobody to run it.
      const now = nowMs(this.ctx);
      for (const session of await this.repo.activeSessions())
        if (!isRunning(session.address.platform)) await this.ctx.store.transaction(() => this.repo.end(session.id, session.current, now));
    }
    // One process per database: whoever held the timers before is gone (this is its restart), so all are taken.
    await this.sweep(isRunning, !this.ctx.store.shared);
  }

  /**
   * Renews this process's hold on the timers it runs and takes over the timers whose holder stopped renewing
   * (an instance that died): a taken-over question is revealed at its deadline, at once when the deadline has
   * passed, and a session whose deadline passed long ago (downtime) ends with its leaderboard so far. Only
   * sessions on platforms this process runs are taken.
   */
  async sweep(isRunning: IsRunning, takeAll = false): Promise<void> {
    if (this.closed) return;
    const now = nowMs(this.ctx);
    // One process per database: every active session is this process's (those it cannot run were ended above).
    const platforms = takeAll ? undefined : this.deps.platforms?.().filter(isRunning);
    const expiredBy = takeAll ? Number.MAX_SAFE_INTEGER : now;
    for (const session of await this.repo.leaseTimers(this.deps.owner, expiredBy, now + this.deps.timerLeaseMs, platforms)) {
      // A timer here for this round, or a later one (the read is older than a round this process just opened).
      if ((this.running.get(session.id)?.round ?? -1) >= session.current) continue;
      const deadline = this.rounds.deadline(session);
      if (now - deadline > RESUME_GRACE_MS) {
        const step = await this.advance(session.id, session.current, true, this.ctx.i18n.t(session.lang, 'study-restarted'));
        if (step) this.track(this.post(step));
      } else if (now >= deadline) this.track(this.onDeadline(session.id, session.current));
      else this.setTimer(session.id, session.current, deadline - now, () => this.onDeadline(session.id, session.current));
    }
  }

  /** Sweeps every third of the timer lease until {@link close} (several instances: see {@link sweep}). */
  startSweeps(isRunning: IsRunning): void {
    const every = Math.max(1_000, Math.floor(this.deps.timerLeaseMs / 3));
    const next = () => {
      this.sweeper = this.deps.timers.schedule(every, () => {
        if (this.closed) return;
        this.track(this.sweep(isRunning).finally(next));
      });
    };
    next();
  }

  /** Resolves when every post started by a deadline has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Cancels every pending deadline (shutdown); sessions stay stored and resume at the next start. */
  close(): void {
    this.closed = true;
    if (this.sweeper !== undefined) this.deps.timers.cancel(this.sweeper);
    for (const id of [...this.running.keys()]) this.cancelTimer(id);
  }

  /** Gives up this process's hold on its timers (a graceful stop), so another instance takes them over at once. */
  async releaseTimers(): Promise<void> {
    await this.repo.releaseTimers(this.deps.owner);
  }
}
