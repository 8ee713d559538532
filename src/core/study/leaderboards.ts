/** Leaderboards: the one that ends a session (or one player's result), and the chat's `/top`. */
import { languageFor, type ChatReply, type ChatRequest } from '../chat/chat-service.js';
import type { Lang } from '../facts/schema.js';
import type { MessageId } from '../i18n/i18n.js';
import { ranked, scoresOf, weekStart, type RankedLine } from './ranking.js';
import { REVIEW_PAYLOAD } from './review.js';
import { nowMs, type StudyContext } from './study-context.js';
import type { StudyAnswer, StudySession } from './study-store.js';

/** The lines of a board shown in `/top`. */
const TOP_LINES = 10;

/** Writes leaderboards. */
export class Leaderboards {
  constructor(private readonly ctx: StudyContext) {}

  private t(lang: Lang, id: MessageId, args?: Record<string, string | number>): string {
    return this.ctx.i18n.t(lang, id, args);
  }

  /**
   * What ends a session after `asked` questions were asked (revealed). A group gets its leaderboard: everyone
   * who answered, each with their right answers out of the questions asked (one left unanswered counts), and,
   * when someone missed, a way into the private chat where the misses come back for review. One player gets
   * their result and, after a miss, a pointer to `/review`.
   */
  sessionEnd(session: StudySession, answers: readonly StudyAnswer[], asked: number): Pick<ChatReply, 'text' | 'privateChat'> {
    const lang = session.lang;
    const missed = answers.some((a) => !a.correct);
    if (session.chatKind === 'private') {
      const result = this.t(lang, 'study-result', { correct: answers.filter((a) => a.correct).length, total: asked });
      return { text: missed ? `${result}\n${this.t(lang, 'study-review-solo')}` : result };
    }
    const lines = scoresOf(answers);
    const board = lines.length === 0 ? this.t(lang, 'study-nobody') : lines.map((l) => this.scoreLine(l, lang, asked)).join('\n');
    const text = `${this.t(lang, 'study-leaderboard')}\n${board}`;
    if (!missed) return { text };
    return { text, privateChat: { payload: REVIEW_PAYLOAD, label: this.t(lang, 'study-review-button'), otherwise: this.t(lang, 'study-review-elsewhere') } };
  }

  /** `/top`: the chat's best this week and of all time, for the whole chat to read. */
  async top(req: ChatRequest, typed: string): Promise<ChatReply> {
    const lang = languageFor(req, 'chat', typed);
    const address = { platform: req.platform, chatId: req.chatId };
    const all = ranked(await this.ctx.store.study.scores(address)).slice(0, TOP_LINES);
    if (all.length === 0) return { lang, text: this.t(lang, 'study-top-empty'), buttons: [] };
    const week = ranked(await this.ctx.store.study.scores(address, weekStart(nowMs(this.ctx)))).slice(0, TOP_LINES);
    const list = (lines: RankedLine[]) => (lines.length ? lines.map((l) => this.scoreLine(l, lang, l.answered)).join('\n') : this.t(lang, 'study-nobody'));
    const text = [this.t(lang, 'study-top-title'), '', this.t(lang, 'study-top-week'), list(week), '', this.t(lang, 'study-top-all'), list(all)].join('\n');
    return { lang, text, buttons: [] };
  }

  /** `1. Alice — 2 of 5`: right answers out of `outOf`. */
  private scoreLine(l: RankedLine, lang: Lang, outOf: number): string {
    return `${l.rank}. ${l.userName ?? this.t(lang, 'study-someone')} — ${this.t(lang, 'study-points', { correct: l.correct, answered: outOf })}`;
  }
}
