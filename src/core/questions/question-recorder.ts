/**
 * Fills the question log from the chat: questions the bot declined or only guessed at, and answers a member
 * marked "Not what I asked". Everything here is off the reply path: writes are scheduled after the reply is
 * returned, never awaited by it, and a failed write is logged and counted, never thrown.
 */
import type { Button, ChatFeature, ChatReply, ChatRequest } from '../chat/chat-service.js';
import { isSmallTalk } from '../chat/small-talk.js';
import { LANGS, type Lang } from '../facts/schema.js';
import type { I18n } from '../i18n/i18n.js';
import type { Metrics } from '../metrics.js';
import type { Clock, Logger } from '../ports.js';
import type { Explanation } from '../resolver/resolver.js';
import type { Timers } from '../study/timers.js';
import { maskPersonalData } from './mask.js';
import type { PrivacyKeys } from './privacy-keys.js';
import { TICKET_TTL_MS, type LoggedQuestion, type QuestionLogRepository } from './question-log.js';

/** Button data prefix of "Not what I asked": `f:<lang>:<ticket id>` (about 20 bytes, far within the 64 a button's data may hold). */
export const FEEDBACK_PREFIX = 'f:';

/** Longest question text kept; longer ones are cut (the resolver declines anything past 1000 characters). */
const MAX_LOGGED_LENGTH = 500;
/** How often expired entries and tickets are deleted. */
const PURGE_EVERY_MS = 3600_000;
const DAY_MS = 86_400_000;

/** What the recorder needs. */
export interface QuestionRecorderDeps {
  repository: QuestionLogRepository;
  keys: PrivacyKeys;
  clock: Clock;
  /** Runs the hourly purge. */
  timers: Timers;
  /**
   * Runs a write once the reply in hand has gone its way (Node's setImmediate: after the pending I/O, and it
   * keeps the process alive until the write is done, so {@link QuestionRecorder.flush} always settles).
   */
  defer: (run: () => void) => void;
  i18n: I18n;
  logger: Logger;
  metrics?: Metrics;
  /** Entries are deleted this many days after they were asked (QUESTION_LOG_DAYS). */
  retentionDays: number;
}

/** Whether button data is a "Not what I asked" press. */
export function isFeedbackAction(data: string): boolean {
  return data.startsWith(FEEDBACK_PREFIX);
}

/**
 * The question log's recorder: a hook the chat service calls after each answered question
 * ({@link QuestionRecorder.afterAnswer}), and the chat feature that handles "Not what I asked" presses (its
 * presses count against the rate limit like any answer button).
 */
export class QuestionRecorder implements ChatFeature {
  readonly commands: readonly string[] = [];
  readonly actionPrefix = FEEDBACK_PREFIX;
  private readonly pending = new Set<Promise<void>>();
  private stopped = false;
  private purgeTimer: unknown;
  /** Writes that failed since start (also counted as `bot_errors_total{kind="question_log"}`). */
  failedWrites = 0;

  constructor(private readonly deps: QuestionRecorderDeps) {}

  /**
   * Called with every question the chat service answered: logs a decline or a best guess (small talk aside),
   * and gives an answer its "Not what I asked" button. Returns the reply to send; never throws.
   */
  afterAnswer(req: ChatRequest, question: string, explanation: Explanation, reply: ChatReply): ChatReply {
    try {
      const answer = explanation.answer;
      if (answer.smallTalk || isSmallTalk(question)) return reply;
      const at = this.deps.clock.now().getTime();
      // The fact the bot leaned to: the one it gave, else its best candidate; the score is the decision's.
      const factId = answer.factIds[0] ?? explanation.candidates[0]?.fact.id;
      const score = round(explanation.decision?.best?.probability ?? explanation.candidates[0]?.probability ?? answer.confidence);
      const text = clipped(maskPersonalData(question.trim()));
      if (answer.status !== 'answered') {
        const entry: LoggedQuestion = { text, lang: answer.lang, status: answer.status, score, platform: req.platform, chatKind: req.chatKind, asker: this.asker(req, at), at, ...(factId ? { factId } : {}) };
        this.background('add', () => this.deps.repository.add(entry));
        return reply;
      }
      const id = this.deps.keys.ticketId();
      const ticket = { id, text, lang: answer.lang, score, expiresAt: at + TICKET_TTL_MS, ...(answer.factIds[0] ? { factId: answer.factIds[0] } : {}) };
      this.background('ticket', () => this.deps.repository.addTicket(ticket));
      return { ...reply, buttons: [...reply.buttons, [this.button(answer.lang, id)]] };
    } catch (error) {
      this.failed('hook', error);
      return reply;
    }
  }

  /** The "Not what I asked" button of an answer in `lang`. */
  private button(lang: Lang, ticketId: string): Button {
    return { label: this.deps.i18n.t(lang, 'feedback-button'), data: `${FEEDBACK_PREFIX}${lang}:${ticketId}`, kind: 'feedback' };
  }

  command(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  /**
   * A press of "Not what I asked": thanks the member privately at once; the question behind the ticket is
   * logged as `wrong` in the background (once per member and answer; nothing when the ticket has expired).
   */
  action(req: ChatRequest, data: string): Promise<ChatReply | undefined> {
    const match = /^f:(en|ru|kk):([\w-]{1,40})$/.exec(data);
    if (!match) return Promise.resolve(undefined);
    const lang = LANGS.find((l) => l === match[1]) ?? 'en';
    const id = match[2] ?? '';
    const at = this.deps.clock.now().getTime();
    const asker = this.asker(req, at);
    this.background('feedback', async () => {
      const ticket = await this.deps.repository.ticket(id, at);
      if (!ticket) {
        this.deps.logger.debug({ platform: req.platform }, 'feedback on an expired answer: nothing logged');
        return;
      }
      const { text, factId, score } = ticket;
      await this.deps.repository.add({ text, lang: ticket.lang, status: 'wrong', score, platform: req.platform, chatKind: req.chatKind, asker, at, ...(factId ? { factId } : {}) }, id);
    });
    return Promise.resolve({ lang, text: this.deps.i18n.t(lang, 'feedback-thanks'), buttons: [], personal: true, toast: true });
  }

  /** Deletes what has expired now, then every hour until {@link stop}. */
  start(): void {
    const run = () => {
      const now = this.deps.clock.now().getTime();
      this.background('purge', () => this.deps.repository.purge(now - this.deps.retentionDays * DAY_MS, now));
      if (!this.stopped) this.purgeTimer = this.deps.timers.schedule(PURGE_EVERY_MS, run);
    };
    run();
  }

  /** Resolves when every write scheduled so far has finished (or failed). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /**
   * Stops the hourly purge and resolves once the writes scheduled so far are done (call it before the store
   * closes). Replies still finishing may schedule a few more; one that meets a closed store is logged and counted.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.purgeTimer !== undefined) this.deps.timers.cancel(this.purgeTimer);
    await this.flush();
  }

  private asker(req: ChatRequest, at: number): string {
    return this.deps.keys.asker(`${req.platform}:${req.userId}`, at);
  }

  /** Runs a write after the current reply has gone its way; a failure is logged and counted. */
  private background(kind: string, work: () => Promise<unknown>): void {
    const done = new Promise<void>((resolve) => {
      this.deps.defer(() => {
        let result: Promise<unknown>;
        try {
          result = work();
        } catch (error) {
          result = Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        result.catch((error: unknown) => this.failed(kind, error)).finally(resolve);
      });
    });
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  private failed(kind: string, error: unknown): void {
    this.failedWrites += 1;
    this.deps.metrics?.error('question_log');
    const e = error instanceof Error ? error : new Error(String(error));
    const code = 'code' in e && typeof e.code === 'string' ? e.code : undefined;
    // The error never carries the question: statements bind it as a parameter.
    this.deps.logger.error({ kind, err: { name: e.name, ...(code ? { code } : {}), message: e.message } }, 'question log write failed');
  }
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}

function clipped(text: string): string {
  return text.length <= MAX_LOGGED_LENGTH ? text : `${text.slice(0, MAX_LOGGED_LENGTH - 1)}…`;
}
