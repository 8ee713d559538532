/**
 * The state machine of a study session: a member's answer to the open question is recorded once, and closing
 * a round (at its deadline, by `/next` or `/stop`, after one player's answer, after a restart) reveals it and
 * opens the next question or ends the session, in one transaction. No timers here: see round-timers.ts.
 */
import type { Button, ChatReply, ChatRequest } from '../chat/chat-service.js';
import type { Lang } from '../facts/schema.js';
import type { MessageId } from '../i18n/i18n.js';
import { revealQuestion, type QuizQuestion } from './quiz.js';
import type { Leaderboards } from './leaderboards.js';
import type { ReviewQueue } from './review.js';
import { nowMs, type StudyContext } from './study-context.js';
import type { StudyAnswer, StudyRepository, StudySession } from './study-store.js';

/** Button data of a session's choice, after the feature's prefix: `a:<session>:<round>:<choice>`. */
export const ANSWER_ACTION = 'a';

/** What closing a round produced: the session after it, the message to post, and whether the session ended. */
export interface Step {
  session: StudySession;
  reply: ChatReply;
  ended: boolean;
}

/** What became of a member's press on a choice. */
export type AnswerOutcome =
  | { kind: 'closed' }
  | { kind: 'repeat' }
  | { kind: 'recorded'; session: StudySession; question: QuizQuestion };

/** Rounds of study sessions: answers, reveals, the next question, the end. */
export class SessionRounds {
  constructor(
    private readonly ctx: StudyContext,
    private readonly leaderboards: Pick<Leaderboards, 'sessionEnd'>,
    private readonly reviews: Pick<ReviewQueue, 'queueMiss'>,
    /** The feature's button prefix, before {@link ANSWER_ACTION}. */
    private readonly prefix: string,
  ) {}

  private get repo(): StudyRepository {
    return this.ctx.store.study;
  }

  private t(lang: Lang, id: MessageId, args?: Record<string, string | number>): string {
    return this.ctx.i18n.t(lang, id, args);
  }

  /** When the open question of a session closes (ms since the epoch). */
  deadline(session: StudySession): number {
    return session.roundOpenedAt + this.ctx.questionSeconds * 1000;
  }

  /**
   * Records a member's first press on question `round` of a session in their chat; a press on a closed or
   * foreign question, past the deadline or on a choice that does not exist is `closed`, a second press `repeat`.
   */
  async answer(req: ChatRequest, sessionId: number, round: number, choice: number): Promise<AnswerOutcome> {
    const now = nowMs(this.ctx);
    return this.ctx.store.transaction(async (): Promise<AnswerOutcome> => {
      const session = await this.repo.session(sessionId);
      if (!session || session.status !== 'active' || session.current !== round) return { kind: 'closed' };
      if (session.address.platform !== req.platform || session.address.chatId !== req.chatId) return { kind: 'closed' };
      if (now >= this.deadline(session)) return { kind: 'closed' };
      const q = session.questions[round];
      if (!q || choice < 0 || choice >= q.choices.length) return { kind: 'closed' };
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
        topics: q.topic ? [q.topic] : (this.ctx.base.fact(q.factId)?.topics ?? []),
        answeredAt: now,
      });
      return added ? { kind: 'recorded', session, question: q } : { kind: 'repeat' };
    });
  }

  /**
   * Closes question `round` of a session and opens the next one or ends the session (`stop`, or it was the
   * last), in one transaction; undefined when that question was already closed (a late timer, a second
   * /next), so a round is revealed once. Misses are queued for review. Whether the session is a group's or one
   * player's is the session's own (stored), whoever or whatever closes the round. `note` heads the message.
   */
  async close(sessionId: number, round: number, stop: boolean, note?: string): Promise<Step | undefined> {
    const now = nowMs(this.ctx);
    return this.ctx.store.transaction(async (): Promise<Step | undefined> => {
      const session = await this.repo.session(sessionId);
      if (!session || session.status !== 'active' || session.current !== round) return undefined;
      const last = stop || round + 1 >= session.questions.length;
      // Conditional on the round: of two instances closing the same round, one moves it, the other gets false.
      const moved = last ? await this.repo.end(sessionId, round, now) : await this.repo.advance(sessionId, round, now);
      if (!moved) return undefined;
      const answers = await this.repo.answers(sessionId, round);
      for (const a of answers) if (!a.correct) await this.reviews.queueMiss(a, now);
      const reveal = this.revealText(session, round, answers);
      const after: StudySession = { ...session, current: last ? round : round + 1, roundOpenedAt: now, status: last ? 'ended' : 'active' };
      const head = note ? `${note}\n\n${reveal}` : reveal;
      if (last) {
        // Every question up to this one was asked, answered or not.
        const end = this.leaderboards.sessionEnd(after, await this.repo.answers(sessionId), round + 1);
        return { session: after, reply: { lang: session.lang, buttons: [], ...end, text: `${head}\n\n${end.text}` }, ended: true };
      }
      const q = this.questionReply(after, round + 1);
      return { session: after, reply: { ...q, text: `${head}\n\n${q.text}` }, ended: false };
    });
  }

  /** Question `round` of a session with its choices as buttons. */
  questionReply(session: StudySession, round: number): ChatReply {
    const q = session.questions[round];
    const lang = session.lang;
    if (!q) throw new Error(`study session ${session.id} has no question ${round}`);
    const head = this.t(lang, 'study-question', { n: round + 1, total: session.questions.length });
    const buttons: Button[][] = q.choices.map((label, i) => [{ label, data: `${this.prefix}${ANSWER_ACTION}:${session.id}:${round}:${i}` }]);
    return { lang, text: `${head}\n${q.text}`, buttons, openQuestion: true };
  }

  private revealText(session: StudySession, round: number, answers: readonly StudyAnswer[]): string {
    const q = session.questions[round];
    if (!q) return '';
    const lang = session.lang;
    const r = revealQuestion(this.ctx.base, this.ctx.i18n, q);
    const lines = [this.t(lang, 'study-reveal', { answer: r.answer }), r.explanation, r.citation];
    // Alone there is no "how many got it right" to tell (not even "0 of 0" when the time ran out).
    if (session.chatKind === 'private') {
      const only = answers[0];
      if (answers.length === 1 && only) lines.unshift(this.t(lang, only.correct ? 'study-you-right' : 'study-you-wrong'));
    } else lines.push(this.t(lang, 'study-right-count', { right: answers.filter((a) => a.correct).length, answered: answers.length }));
    return lines.filter(Boolean).join('\n');
  }
}
