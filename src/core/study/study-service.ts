/**
 * Group study sessions as a chat feature: `/study` posts questions whose buttons are the choices, each
 * member's first press counts (confirmed privately), a round closes at its deadline or with `/next`, the
 * reveal shows the right answer, the explanation, the citation and how many got it right, and the session
 * ends with a leaderboard. Misses go to the member's review queue (ts-fsrs), answered with `/review`.
 */
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { Button, ChatFeature, ChatReply, ChatRequest } from '../chat/chat-service.js';
import type { FactBase } from '../facts/fact-base.js';
import { LANGS, type Lang } from '../facts/schema.js';
import type { I18n, MessageId } from '../i18n/i18n.js';
import { ChatUnavailableError, RateLimitedError, type ChatAddress, type Messenger } from '../messenger.js';
import type { Metrics } from '../metrics.js';
import type { Clock, Logger } from '../ports.js';
import type { Store } from '../store/store.js';
import type { QuizItem } from './quiz-bank-schema.js';
import { newSeed, seededRandom, type RandomSource } from './random.js';
import { askItem, revealQuestion, type QuizQuestion } from './quiz.js';
import { QuizBank } from './session-composer.js';
import type { ReviewCard, ScoreLine, StudyAnswer, StudyRepository, StudySession } from './study-store.js';
import type { Timers } from './timers.js';

/** Button data prefix of study sessions and reviews. */
export const STUDY_PREFIX = 'q:';
/** Questions in a session unless the member asks for another number, and the most allowed. */
export const DEFAULT_QUESTIONS = 10;
/** The most questions one session may have (`/study 99` gets this many, and is told so). */
export const MAX_QUESTIONS = 30;
/** The fewest questions one session may have (`/study 0` gets this many, and is told so). */
export const MIN_QUESTIONS = 1;
/** A session whose open question's deadline passed longer ago than this (downtime) is ended, not resumed. */
const RESUME_GRACE_MS = 10 * 60_000;
/** Attempts at posting a round the bot closed on its own (a 429 is waited out below, in the platform's path). */
const POST_ATTEMPTS = 3;
/** The longest wait before trying a deadline again whose write failed. */
const DEADLINE_RETRY_MAX_MS = 30_000;

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

/** Default length of a hold on a session's timer. */
export const DEFAULT_TIMER_LEASE_MS = 15_000;

/** What closing a round produced: the message to post, and whether the session goes on. */
interface Step {
  session: StudySession;
  reply: ChatReply;
  ended: boolean;
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
  /** Deadline timers this process runs: session id → the timer and the round it closes. */
  private readonly timers = new Map<number, { handle: unknown; round: number }>();
  private sweeper: unknown;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly scheduler = fsrs({ enable_fuzz: false });
  private closed = false;

  constructor(private readonly deps: StudyDeps) {
    this.bank = new QuizBank(deps.bank ?? deps.base.quiz, (factId) => deps.base.fact(factId)?.event);
  }

  private get repo(): StudyRepository {
    return this.deps.store.study;
  }

  private t(lang: Lang, id: MessageId, args?: Record<string, string | number>): string {
    return this.deps.i18n.t(lang, id, args);
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  /** The member's language: as the chat service chose it from what they typed, else theirs or the chat's. */
  private langOf(req: ChatRequest): Lang {
    return req.replyLang ?? req.userLang ?? req.chatLang ?? 'en';
  }

  private note(lang: Lang, text: string): ChatReply {
    return { lang, text, buttons: [], personal: true };
  }

  private get owner(): string {
    return this.deps.owner ?? 'local';
  }

  private get timerLeaseMs(): number {
    return this.deps.timerLeaseMs ?? DEFAULT_TIMER_LEASE_MS;
  }

  async command(req: ChatRequest, name: string, args: string): Promise<ChatReply | undefined> {
    switch (name) {
      case 'study':
        return this.start(req, args);
      case 'next':
        return this.closeRound(req, false);
      case 'stop':
        return this.closeRound(req, true);
      case 'top':
        return this.top(req);
      case 'stats':
        return this.stats(req);
      case 'review':
        return this.reviewCommand(req);
      default:
        return undefined;
    }
  }

  /** `/start review` (Telegram deep link from a leaderboard) opens the review. */
  async startPayload(req: ChatRequest, payload: string): Promise<ChatReply | undefined> {
    return payload === 'review' && req.chatKind === 'private' ? this.reviewNext(req, this.langOf(req), '') : undefined;
  }

  async action(req: ChatRequest, data: string): Promise<ChatReply | undefined> {
    const parts = data.slice(STUDY_PREFIX.length).split(':');
    const reply =
      parts[0] === 'a'
        ? await this.press(req, Number(parts[1]), Number(parts[2]), Number(parts[3]))
        : parts[0] === 'r'
          ? await this.reviewPress(req, Number(parts[1]), Number(parts[2]), Number(parts[3]), Number(parts[4]))
          : undefined;
    // A press that is not a toast closes the question it sits under: its reveal and the next one take its place.
    return reply && !reply.toast ? { ...reply, updateInPlace: true } : reply;
  }

  // ---- sessions ----

  private async start(req: ChatRequest, args: string): Promise<ChatReply> {
    const lang = this.langOf(req);
    const address = { platform: req.platform, chatId: req.chatId };
    const running = await this.repo.activeSession(address);
    if (running) return this.note(lang, this.t(lang, 'study-already-running', { n: running.current + 1, total: running.questions.length }));
    const parsed = this.parseStudyArgs(args);
    if ('unknownTopic' in parsed) {
      const topics = this.deps.base.topics.map((t) => t.name[lang]).join(', ');
      return this.note(lang, this.t(lang, 'study-unknown-topic', { topic: parsed.unknownTopic, topics }));
    }
    const seed = newSeed(this.deps.random);
    const questions = this.bank.compose({ lang, count: parsed.count, topic: parsed.topic, seed });
    if (questions.length === 0) return this.note(lang, this.t(lang, 'study-no-questions'));
    const now = this.now();
    const id = await this.repo.createSession({
      address,
      starterId: req.userId,
      chatKind: req.chatKind,
      lang,
      ...(parsed.topic ? { topic: parsed.topic } : {}),
      questions,
      current: 0,
      roundOpenedAt: now,
      status: 'active',
      startedAt: now,
    });
    if (id === undefined) return this.note(lang, this.t(lang, 'study-already-running', { n: 1, total: questions.length }));
    const session = (await this.repo.session(id))!;
    await this.schedule(session);
    this.deps.metrics?.studySessionStarted(req.platform);
    let intro = parsed.topic
      ? this.t(lang, 'study-intro-topic', { count: questions.length, seconds: this.deps.questionSeconds, topic: this.deps.base.topicName(parsed.topic, lang) })
      : this.t(lang, 'study-intro', { count: questions.length, seconds: this.deps.questionSeconds });
    // Fewer questions than asked, or a number out of range, is not silently changed: the member is told what they get.
    if (questions.length < parsed.count)
      intro = `${parsed.topic ? this.t(lang, 'study-fewer-topic', { count: questions.length, topic: this.deps.base.topicName(parsed.topic, lang) }) : this.t(lang, 'study-fewer', { count: questions.length })}\n${intro}`;
    else if (parsed.asked !== undefined && parsed.asked > MAX_QUESTIONS) intro = `${this.t(lang, 'study-count-too-many', { max: MAX_QUESTIONS, count: questions.length })}\n${intro}`;
    else if (parsed.asked !== undefined && parsed.asked < MIN_QUESTIONS) intro = `${this.t(lang, 'study-count-too-few', { min: MIN_QUESTIONS, count: questions.length })}\n${intro}`;
    const q = this.questionReply(session, 0);
    return { ...q, text: `${intro}\n\n${q.text}` };
  }

  /**
   * `[number] [topic]` in either order; the topic as /topics names it (any language), its id or an alias. The
   * number is kept within {@link MIN_QUESTIONS}..{@link MAX_QUESTIONS}; `asked` is the number as given.
   */
  private parseStudyArgs(args: string): { count: number; asked?: number; topic?: string } | { unknownTopic: string } {
    const words = args.trim().split(/\s+/).filter(Boolean);
    const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const topicOf = (text: string) => {
      const wanted = norm(text);
      return this.deps.base.topics.find(
        (t) => t.id === wanted.replace(/ /g, '-') || LANGS.some((l) => norm(t.name[l]) === wanted) || t.aliases.some((a) => norm(a) === wanted),
      );
    };
    // A topic's name may hold a number of its own ("Выборы 2023 года"): the count is a number outside it.
    const numbers = words.flatMap((w, i) => (/^\d+$/.test(w) ? [i] : []));
    const split = (at: number | undefined) => ({ at, rest: words.filter((_, i) => i !== at).join(' ') });
    const options = [split(undefined), ...numbers.map(split)];
    const fit = options.find((o) => o.rest === '' || topicOf(o.rest)) ?? split(numbers[0]);
    const asked = fit.at !== undefined ? Number(words[fit.at]) : undefined;
    const count = asked !== undefined ? Math.min(MAX_QUESTIONS, Math.max(MIN_QUESTIONS, asked)) : DEFAULT_QUESTIONS;
    const withAsked = { count, ...(asked !== undefined ? { asked } : {}) };
    if (!fit.rest) return withAsked;
    const topic = topicOf(fit.rest);
    return topic ? { ...withAsked, topic: topic.id } : { unknownTopic: fit.rest };
  }

  /** `/next` closes the open question now; `/stop` (`stop`) ends the session. Only the starter or an admin may. */
  private async closeRound(req: ChatRequest, stop: boolean): Promise<ChatReply> {
    const lang = this.langOf(req);
    const session = await this.repo.activeSession({ platform: req.platform, chatId: req.chatId });
    if (!session) return this.note(lang, this.t(lang, 'study-no-session'));
    if (!this.mayControl(req, session)) return this.note(session.lang, this.t(session.lang, 'study-not-allowed'));
    const step = await this.advance(session.id, session.current, stop);
    if (!step) return this.note(lang, this.t(lang, 'study-no-session'));
    return stop ? { ...step.reply, text: `${this.t(session.lang, 'study-stopped')}\n\n${step.reply.text}` } : step.reply;
  }

  private mayControl(req: ChatRequest, session: StudySession): boolean {
    return req.userId === session.starterId || req.isAdmin === true || req.chatKind === 'private';
  }

  /** A member presses a choice: the first press on the open question counts; later ones are told why not. */
  private async press(req: ChatRequest, sessionId: number, round: number, choice: number): Promise<ChatReply | undefined> {
    const lang = this.langOf(req);
    if (![sessionId, round, choice].every(Number.isInteger)) return undefined;
    const toast = (text: string): ChatReply => ({ lang, text, buttons: [], toast: true, personal: true });
    const now = this.now();
    const outcome = await this.deps.store.transaction(async () => {
      const session = await this.repo.session(sessionId);
      if (!session || session.status !== 'active' || session.current !== round) return { closed: true as const };
      if (session.address.platform !== req.platform || session.address.chatId !== req.chatId) return { closed: true as const };
      if (now >= this.deadline(session)) return { closed: true as const };
      const q = session.questions[round];
      if (!q || choice < 0 || choice >= q.choices.length) return { closed: true as const };
      const added = await this.repo.addAnswer({
        sessionId,
        round,
        address: session.address,
        userId: req.userId,
        ...(req.userName ? { userName: req.userName } : {}),
        choice,
        correct: choice === q.correct,
        factId: q.factId,
        kind: q.kind,
        topics: q.topic ? [q.topic] : (this.deps.base.fact(q.factId)?.topics ?? []),
        answeredAt: now,
      });
      return { session, q, added };
    });
    if ('closed' in outcome) return toast(this.t(lang, 'study-closed'));
    if (!outcome.added) return toast(this.t(lang, 'study-already-answered'));
    if (outcome.session.chatKind === 'private') {
      // One player: no one else to wait for.
      const step = await this.advance(sessionId, round, false);
      if (step) return step.reply;
    }
    return toast(this.t(lang, 'study-recorded', { choice: outcome.q.choices[choice] ?? '' }));
  }

  private deadline(session: StudySession): number {
    return session.roundOpenedAt + this.deps.questionSeconds * 1000;
  }

  /**
   * Closes question `round` of a session (at its deadline, by /next, by /stop or after a private answer) and
   * opens the next one or ends the session, in one transaction; undefined when that question was already
   * closed (a late timer, a second /next), so a round is revealed once. Whether the session is a group's or
   * one player's is the session's own (stored), whoever or whatever closes the round.
   */
  private async advance(sessionId: number, round: number, stop: boolean, note?: string, postedLater = false): Promise<Step | undefined> {
    const now = this.now();
    const step = await this.deps.store.transaction(async (): Promise<Step | undefined> => {
      const session = await this.repo.session(sessionId);
      if (!session || session.status !== 'active' || session.current !== round) return undefined;
      const last = stop || round + 1 >= session.questions.length;
      // Conditional on the round: of two instances closing the same round, one moves it, the other gets false.
      const moved = last ? await this.repo.end(sessionId, round, now) : await this.repo.advance(sessionId, round, now);
      if (!moved) return undefined;
      const answers = await this.repo.answers(sessionId, round);
      // Misses in a group go to the member's review queue; one player's practice does not.
      const solo = session.chatKind === 'private';
      if (!solo) for (const a of answers) if (!a.correct) await this.scheduleReview(a, now);
      const lang = session.lang;
      const reveal = this.revealText(session, round, answers, solo);
      const after = { ...session, current: last ? round : round + 1, roundOpenedAt: now, status: last ? ('ended' as const) : ('active' as const) };
      const head = note ? `${note}\n\n${reveal}` : reveal;
      if (last) {
        const board = await this.leaderboardText(after);
        return { session: after, reply: { lang, text: `${head}\n\n${board.text}`, buttons: [], ...(board.review ? { privateChat: this.reviewWay(lang) } : {}) }, ended: true };
      }
      const q = this.questionReply(after, round + 1);
      return { session: after, reply: { ...q, text: `${head}\n\n${q.text}` }, ended: false };
    });
    if (!step) return undefined;
    this.cancelTimer(sessionId);
    // A round the bot posts itself opens once it is posted (see post); a reply's round opens now.
    if (!step.ended && !postedLater) await this.schedule(step.session);
    return step;
  }

  private questionReply(session: StudySession, round: number): ChatReply {
    const q = session.questions[round]!;
    const lang = session.lang;
    const head = this.t(lang, 'study-question', { n: round + 1, total: session.questions.length });
    const buttons: Button[][] = q.choices.map((label, i) => [{ label, data: `${STUDY_PREFIX}a:${session.id}:${round}:${i}` }]);
    return { lang, text: `${head}\n${q.text}`, buttons, openQuestion: true };
  }

  private revealText(session: StudySession, round: number, answers: StudyAnswer[], solo: boolean): string {
    const q = session.questions[round]!;
    const lang = session.lang;
    const r = revealQuestion(this.deps.base, this.deps.i18n, q);
    const lines = [this.t(lang, 'study-reveal', { answer: r.answer }), r.explanation, r.citation];
    const right = answers.filter((a) => a.correct).length;
    // Alone there is no "how many got it right" to tell (not even "0 of 0" when the time ran out).
    if (solo) {
      if (answers.length === 1) lines.unshift(this.t(lang, answers[0]!.correct ? 'study-you-right' : 'study-you-wrong'));
    } else lines.push(this.t(lang, 'study-right-count', { right, answered: answers.length }));
    return lines.filter(Boolean).join('\n');
  }

  /** The session's leaderboard: everyone who answered, zero included; equal scores share a rank. */
  async leaderboard(sessionId: number): Promise<(ScoreLine & { rank: number })[]> {
    const byUser = new Map<string, ScoreLine>();
    for (const a of await this.repo.answers(sessionId)) {
      const line: ScoreLine = byUser.get(a.userId) ?? { userId: a.userId, correct: 0, answered: 0 };
      line.answered += 1;
      if (a.correct) line.correct += 1;
      if (a.correct && (line.firstCorrectAt === undefined || a.answeredAt < line.firstCorrectAt)) line.firstCorrectAt = a.answeredAt;
      if (a.userName) line.userName = a.userName;
      byUser.set(a.userId, line);
    }
    return ranked([...byUser.values()]);
  }

  /** The way into a private chat where the review runs (a link where the platform has one, else the hint). */
  private reviewWay(lang: Lang): NonNullable<ChatReply['privateChat']> {
    return { payload: 'review', label: this.t(lang, 'study-review-button'), otherwise: this.t(lang, 'study-review-hint') };
  }

  private async leaderboardText(session: StudySession): Promise<{ text: string; review: boolean }> {
    const lang = session.lang;
    const lines = await this.leaderboard(session.id);
    const board = lines.length === 0 ? this.t(lang, 'study-nobody') : lines.map((l) => this.scoreLine(l, lang)).join('\n');
    // Only a group's misses are queued for review (see advance).
    const missed = session.chatKind === 'group' && lines.some((l) => l.correct < l.answered);
    return { text: `${this.t(lang, 'study-leaderboard')}\n${board}`, review: missed };
  }

  private scoreLine(l: ScoreLine & { rank: number }, lang: Lang): string {
    return `${l.rank}. ${l.userName ?? this.t(lang, 'study-someone')} — ${this.t(lang, 'study-points', { correct: l.correct, answered: l.answered })}`;
  }

  // ---- timers and restarts ----

  /**
   * Runs the open round's deadline timer here, and records that this process owns it (so another instance
   * takes it over only when this one stops renewing: see {@link sweep}).
   */
  private async schedule(session: StudySession): Promise<void> {
    this.setTimer(session.id, session.current, this.deadline(session) - this.now(), () => this.onDeadline(session.id, session.current));
    try {
      await this.repo.holdTimer(session.id, this.owner, this.now() + this.timerLeaseMs);
    } catch (error) {
      // The timer still runs here; at worst another instance runs one too, and the round closes once.
      this.deps.logger.warn({ sessionId: session.id, err: errorSummary(error) }, 'study timer ownership not recorded');
    }
  }

  private setTimer(sessionId: number, round: number, ms: number, run: () => Promise<void>): void {
    this.cancelTimer(sessionId);
    const handle = this.deps.timers.schedule(ms, () => {
      this.timers.delete(sessionId);
      this.track(run());
    });
    this.timers.set(sessionId, { handle, round });
  }

  private cancelTimer(sessionId: number): void {
    const timer = this.timers.get(sessionId);
    if (timer !== undefined) this.deps.timers.cancel(timer.handle);
    this.timers.delete(sessionId);
  }

  private track(work: Promise<void>): void {
    const p = work
      .catch((error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        this.deps.logger.error({ err: { name: e.name, message: e.message } }, 'study deadline failed');
        this.deps.metrics?.error('study');
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
      step = await this.advance(sessionId, round, false, note ?? this.t((await this.repo.session(sessionId))?.lang ?? 'en', 'study-timeout'), true);
    } catch (error) {
      if (this.closed) return;
      const wait = Math.min(DEADLINE_RETRY_MAX_MS, 1000 * 2 ** (attempt - 1));
      this.deps.logger.warn({ sessionId, round, attempt, retryInMs: wait, err: errorSummary(error) }, 'study deadline not recorded; trying again');
      this.deps.metrics?.error('study');
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
        this.deps.logger.warn({ ...log, retryInMs: wait }, 'study post failed; trying again');
        // A timer, not a wait in here: shutdown cancels it, and nothing is held in flight meanwhile.
        this.setTimer(session.id, session.current, wait, () => this.post(step, attempt + 1));
        return;
      }
      if (step.ended) {
        this.deps.logger.warn(log, 'study leaderboard not posted');
        return;
      }
      // No one to post to, or no way to: end instead of cycling through questions nobody sees.
      if (unavailable) this.deps.logger.warn(log, 'study chat unavailable: the session ends');
      else {
        this.deps.logger.error(log, 'study round not posted: the session ends');
        this.deps.metrics?.error('study');
      }
      await this.deps.store.transaction(() => this.repo.end(session.id, session.current, this.now()));
      this.cancelTimer(session.id);
      return;
    }
    if (step.ended) return;
    const opened = { ...session, roundOpenedAt: this.now() };
    try {
      await this.repo.openRound(session.id, session.current, opened.roundOpenedAt);
    } catch (error) {
      // The deadline then counts from the close of the previous round, a little early; the timer still runs.
      this.deps.logger.warn({ sessionId: session.id, err: errorSummary(error) }, 'study round opening not recorded');
    }
    await this.schedule(opened);
  }

  /**
   * After a restart: each active session resumes with its deadline recomputed from the stored time (a
   * deadline that passed during the downtime closes its question at once); a session whose platform is not
   * running, or that was down too long, ends with its leaderboard so far.
   */
  async resume(isRunning: (platform: ChatAddress['platform']) => boolean): Promise<void> {
    if (!this.deps.store.shared) {
      // One process per database: a session whose platform this process does not run has nobody to run it.
      const now = this.now();
      for (const session of await this.repo.activeSessions())
        if (!isRunning(session.address.platform)) await this.deps.store.transaction(() => this.repo.end(session.id, session.current, now));
    }
    // One process per database: whoever held the timers before is gone (this is its restart), so all are taken.
    await this.sweep(isRunning, !this.deps.store.shared);
  }

  /**
   * Renews this process's hold on the timers it runs and takes over the timers whose holder stopped renewing
   * (an instance that died): a taken-over question is revealed at its deadline, at once when the deadline has
   * passed, and a session whose deadline passed long ago (downtime) ends with its leaderboard so far. Only
   * sessions on platforms this process runs are taken.
   */
  async sweep(isRunning: (platform: ChatAddress['platform']) => boolean, takeAll = false): Promise<void> {
    if (this.closed) return;
    const now = this.now();
    // One process per database: every active session is this process's (those it cannot run were ended above).
    const platforms = takeAll ? undefined : this.deps.platforms?.().filter(isRunning);
    const expiredBy = takeAll ? Number.MAX_SAFE_INTEGER : now;
    for (const session of await this.repo.leaseTimers(this.owner, expiredBy, now + this.timerLeaseMs, platforms)) {
      // A timer here for this round, or a later one (the read is older than a round this process just opened).
      if ((this.timers.get(session.id)?.round ?? -1) >= session.current) continue;
      const deadline = this.deadline(session);
      if (now - deadline > RESUME_GRACE_MS) {
        const step = await this.advance(session.id, session.current, true, this.t(session.lang, 'study-restarted'));
        if (step) this.track(this.post(step));
      } else if (now >= deadline) this.track(this.onDeadline(session.id, session.current));
      else this.setTimer(session.id, session.current, deadline - now, () => this.onDeadline(session.id, session.current));
    }
  }

  /** Sweeps every third of the timer lease until {@link close} (several instances: see {@link sweep}). */
  startSweeps(isRunning: (platform: ChatAddress['platform']) => boolean): void {
    const every = Math.max(1_000, Math.floor(this.timerLeaseMs / 3));
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
    for (const id of [...this.timers.keys()]) this.cancelTimer(id);
  }

  /** Gives up this process's hold on its timers (a graceful stop), so another instance takes them over at once. */
  async releaseTimers(): Promise<void> {
    await this.repo.releaseTimers(this.owner);
  }

  // ---- leaderboards and records ----

  private async top(req: ChatRequest): Promise<ChatReply> {
    const lang = this.langOf(req);
    const address = { platform: req.platform, chatId: req.chatId };
    const all = ranked(await this.repo.scores(address)).slice(0, 10);
    if (all.length === 0) return { lang, text: this.t(lang, 'study-top-empty'), buttons: [] };
    const week = ranked(await this.repo.scores(address, weekStart(this.now()))).slice(0, 10);
    const list = (lines: (ScoreLine & { rank: number })[]) => (lines.length ? lines.map((l) => this.scoreLine(l, lang)).join('\n') : this.t(lang, 'study-nobody'));
    const text = [this.t(lang, 'study-top-title'), '', this.t(lang, 'study-top-week'), list(week), '', this.t(lang, 'study-top-all'), list(all)].join('\n');
    return { lang, text, buttons: [] };
  }

  /** A member's own record: answered, correct, streaks and weakest topics (shown privately where possible). */
  async stats(req: ChatRequest): Promise<ChatReply> {
    const lang = this.langOf(req);
    const answers = await this.repo.userAnswers(req.platform, req.userId);
    if (answers.length === 0) return this.note(lang, this.t(lang, 'study-stats-none'));
    const correct = answers.filter((a) => a.correct).length;
    let streak = 0;
    let best = 0;
    for (const a of answers) {
      streak = a.correct ? streak + 1 : 0;
      best = Math.max(best, streak);
    }
    const byTopic = new Map<string, { right: number; total: number }>();
    for (const a of answers)
      for (const t of a.topics) {
        const s = byTopic.get(t) ?? { right: 0, total: 0 };
        s.total += 1;
        if (a.correct) s.right += 1;
        byTopic.set(t, s);
      }
    const weak = [...byTopic.entries()]
      .filter(([, s]) => s.right < s.total)
      .sort((a, b) => a[1].right / a[1].total - b[1].right / b[1].total || b[1].total - a[1].total || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([t, s]) => `${this.deps.base.topicName(t, lang)} (${s.right}/${s.total})`);
    const lines = [
      this.t(lang, 'study-stats', { answered: answers.length, correct, percent: Math.round((100 * correct) / answers.length), streak, best }),
    ];
    if (weak.length) lines.push(this.t(lang, 'study-stats-weak', { topics: weak.join(', ') }));
    return this.note(lang, lines.join('\n'));
  }

  // ---- review ----

  private async scheduleReview(a: StudyAnswer, now: number): Promise<void> {
    const existing = await this.repo.reviewCard(a.address.platform, a.userId, a.factId, a.kind);
    const card = existing ? parseCard(existing.card) : createEmptyCard(new Date(now));
    await this.saveCard(a.address.platform, a.userId, a.factId, a.kind, card, Rating.Again, now);
  }

  private saveCard(platform: ChatAddress['platform'], userId: string, factId: string, kind: ReviewCard['kind'], card: Card, grade: Grade, now: number): Promise<void> {
    const next = this.scheduler.next(card, new Date(now), grade).card;
    return this.repo.saveReviewCard({ platform, userId, factId, kind, card: JSON.stringify(next), due: next.due.getTime(), reps: next.reps });
  }

  private async reviewCommand(req: ChatRequest): Promise<ChatReply> {
    const lang = this.langOf(req);
    if (req.chatKind === 'group' && req.platform === 'telegram') {
      return { ...this.note(lang, this.t(lang, 'study-review-private')), privateChat: this.reviewWay(lang) };
    }
    return this.reviewNext(req, lang, '');
  }

  /** The next due review question, after `head` (the verdict on the previous one). */
  private async reviewNext(req: ChatRequest, lang: Lang, head: string): Promise<ChatReply> {
    const now = this.now();
    const prefix = head ? `${head}\n\n` : '';
    for (let tries = 0; tries < 20; tries++) {
      const due = await this.repo.dueReviews(req.platform, req.userId, now, 50);
      const card = due[0];
      if (!card) break;
      const q = this.reviewQuestion(card, lang);
      if (!q) {
        // The fact left the fact base or no longer supports a question: drop the card.
        await this.repo.deleteReviewCard(card.id);
        continue;
      }
      const langIdx = LANGS.indexOf(lang);
      const buttons = q.choices.map((label, i) => [{ label, data: `${STUDY_PREFIX}r:${card.id}:${card.reps}:${langIdx}:${i}` }]);
      const title = this.t(lang, 'study-review-title', { due: due.length });
      return { lang, text: `${prefix}${title}\n${q.text}`, buttons, personal: true, openQuestion: true };
    }
    const next = await this.repo.nextReviewDue(req.platform, req.userId);
    const text = next === undefined ? this.t(lang, head ? 'study-review-done-empty' : 'study-review-empty') : this.t(lang, head ? 'study-review-done' : 'study-review-later', { when: this.inTime(next - now, lang) });
    return { lang, text: `${prefix}${text}`, buttons: [], personal: true };
  }

  /**
   * The card's question: an item of the card's fact, of its kind if the bank has one (cards stored before the
   * bank name the generator's kinds), taking turns by repetition; the same for the same card and repetition,
   * so a press checks what was shown. Undefined when the bank has no item for the fact.
   */
  reviewQuestion(card: ReviewCard, lang: Lang): QuizQuestion | undefined {
    if (!this.deps.base.fact(card.factId)) return undefined;
    const items = this.bank.itemsOfFact(card.factId);
    const sameKind = items.filter((i) => i.kind === card.kind);
    const choices = sameKind.length > 0 ? sameKind : items;
    const item = choices[card.reps % Math.max(1, choices.length)];
    return item ? askItem(item, lang, seededRandom(card.id * 7919 + card.reps * 104729)) : undefined;
  }

  private async reviewPress(req: ChatRequest, cardId: number, reps: number, langIdx: number, choice: number): Promise<ChatReply | undefined> {
    const lang = LANGS[langIdx] ?? this.langOf(req);
    const toast = (id: MessageId): ChatReply => ({ lang, text: this.t(lang, id), buttons: [], toast: true, personal: true });
    const now = this.now();
    const result = await this.deps.store.transaction(async () => {
      const card = await this.repo.reviewCardById(cardId);
      if (!card || card.platform !== req.platform || card.userId !== req.userId || card.reps !== reps) return undefined;
      const q = this.reviewQuestion(card, lang);
      if (!q) return undefined;
      const right = choice === q.correct;
      await this.saveCard(card.platform, card.userId, card.factId, card.kind, parseCard(card.card), right ? Rating.Good : Rating.Again, now);
      return { q, right };
    });
    if (!result) return toast('study-review-stale');
    const r = revealQuestion(this.deps.base, this.deps.i18n, result.q);
    const verdict = [this.t(lang, result.right ? 'study-you-right' : 'study-you-wrong'), this.t(lang, 'study-reveal', { answer: r.answer }), r.explanation, r.citation]
      .filter(Boolean)
      .join('\n');
    return this.reviewNext(req, lang, verdict);
  }

  private inTime(ms: number, lang: Lang): string {
    const minutes = Math.max(1, Math.ceil(ms / 60_000));
    if (minutes < 60) return this.t(lang, 'study-in-minutes', { n: minutes });
    const hours = Math.round(minutes / 60);
    if (hours < 48) return this.t(lang, 'study-in-hours', { n: hours });
    return this.t(lang, 'study-in-days', { n: Math.round(hours / 24) });
  }
}

/**
 * Scores ranked. Order: more right answers first; among equal scores, fewer questions answered (the same
 * score with fewer misses), then the earlier first right answer, then the user id (a stable last key; names
 * change and repeat). `StudyRepository.scores` returns its lines in this same order. Equal scores (right
 * answers) share a rank, whatever the tie-breaks: 1, 1, 3.
 */
export function ranked(lines: ScoreLine[]): (ScoreLine & { rank: number })[] {
  const sorted = [...lines].sort(compareScores);
  return sorted.map((l, i) => {
    let first = i;
    while (first > 0 && sorted[first - 1]!.correct === l.correct) first--;
    return { ...l, rank: first + 1 };
  });
}

/** The order of {@link ranked}. */
export function compareScores(a: ScoreLine, b: ScoreLine): number {
  const firstRight = (l: ScoreLine) => l.firstCorrectAt ?? Number.POSITIVE_INFINITY;
  return (
    b.correct - a.correct ||
    a.answered - b.answered ||
    (firstRight(a) === firstRight(b) ? 0 : firstRight(a) < firstRight(b) ? -1 : 1) ||
    (a.userId === b.userId ? 0 : a.userId < b.userId ? -1 : 1)
  );
}

/** Monday 00:00 UTC of the week `now` falls in. */
export function weekStart(now: number): number {
  const d = new Date(now);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - day * 24 * 3600_000;
}

/** An error's name and message, for logs. */
function errorSummary(error: unknown): { name: string; message: string } {
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message };
}

function parseCard(json: string): Card {
  const raw = JSON.parse(json) as Card & { due: string; last_review?: string };
  return { ...raw, due: new Date(raw.due), ...(raw.last_review ? { last_review: new Date(raw.last_review) } : {}) };
}
