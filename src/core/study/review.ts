/**
 * Personal review: every question a member misses in a quiz (a group's or their own) is queued as a card,
 * and `/review` asks the due ones again in private, rescheduled by the answer (see review-cards.ts).
 */
import { languageFor, type ChatReply, type ChatRequest } from '../chat/chat-service.js';
import { LANGS, type Lang } from '../facts/schema.js';
import type { MessageId } from '../i18n/i18n.js';
import type { ChatAddress } from '../messenger.js';
import { askItem, revealQuestion, type QuizQuestion } from './quiz.js';
import { seededRandom } from './random.js';
import { readCard, scheduleCard } from './review-cards.js';
import type { QuizBank } from './session-composer.js';
import { nowMs, personalNote, type StudyContext } from './study-context.js';
import type { ReviewCard, StudyAnswer, StudyRepository } from './study-store.js';

/** The deep-link payload that opens the review in a private chat (`/start review`). */
export const REVIEW_PAYLOAD = 'review';
/** Button data of a review choice, after the feature's prefix: `r:<card>:<reps>:<lang>:<choice>`. */
const REVIEW_ACTION = 'r';

/** The review queue of each member, and `/review` to go through it. */
export class ReviewQueue {
  constructor(
    private readonly ctx: StudyContext,
    private readonly bank: QuizBank,
    /** The feature's button prefix, before {@link REVIEW_ACTION}. */
    private readonly prefix: string,
  ) {}

  private get repo(): StudyRepository {
    return this.ctx.store.study;
  }

  private t(lang: Lang, id: MessageId, args?: Record<string, string | number>): string {
    return this.ctx.i18n.t(lang, id, args);
  }

  /** Queues a missed answer: a new card due soon, or the member's card of that fact and kind brought forward. */
  async queueMiss(a: StudyAnswer, now: number): Promise<void> {
    const existing = await this.repo.reviewCard(a.address.platform, a.userId, a.factId, a.kind);
    await this.save(a.address.platform, a.userId, a.factId, a.kind, existing, false, now);
  }

  private async save(platform: ChatAddress['platform'], userId: string, factId: string, kind: string, existing: ReviewCard | undefined, right: boolean, now: number): Promise<void> {
    const card = existing ? readCard(existing.card) : undefined;
    if (existing && !card) this.ctx.logger.warn({ cardId: existing.id }, 'review card does not parse: it starts over');
    await this.repo.saveReviewCard({ platform, userId, factId, kind, ...scheduleCard(card, right, now) });
  }

  /**
   * `/review`: in a private chat, the next due question; in a group, a way into the private chat (a review is
   * one member's, and not every platform can show it to them alone in the group).
   */
  command(req: ChatRequest, typed: string): Promise<ChatReply> {
    const lang = languageFor(req, 'member', typed);
    if (req.chatKind === 'group') {
      return Promise.resolve({
        ...personalNote(lang, this.t(lang, 'study-review-private')),
        privateChat: { payload: REVIEW_PAYLOAD, label: this.t(lang, 'study-review-open'), otherwise: this.t(lang, 'study-review-dm') },
      });
    }
    return this.next(req, lang, '');
  }

  /** `/start review` (a way into the private chat from a group) opens the review there. */
  async startPayload(req: ChatRequest, payload: string): Promise<ChatReply | undefined> {
    return payload === REVIEW_PAYLOAD && req.chatKind === 'private' ? this.next(req, languageFor(req, 'member'), '') : undefined;
  }

  /** The next due review question, after `head` (the verdict on the previous one). */
  private async next(req: ChatRequest, lang: Lang, head: string): Promise<ChatReply> {
    const now = nowMs(this.ctx);
    const prefix = head ? `${head}\n\n` : '';
    for (let tries = 0; tries < 20; tries++) {
      const due = await this.repo.dueReviews(req.platform, req.userId, now, 50);
      const card = due[0];
      if (!card) break;
      const q = this.question(card, lang);
      if (!q) {
        // The fact left the fact base or no longer supports a question: drop the card.
        await this.repo.deleteReviewCard(card.id);
        continue;
      }
      const langIdx = LANGS.indexOf(lang);
      const buttons = q.choices.map((label, i) => [{ label, data: `${this.prefix}${REVIEW_ACTION}:${card.id}:${card.reps}:${langIdx}:${i}` }]);
      const title = this.t(lang, 'study-review-title', { due: due.length });
      return { lang, text: `${prefix}${title}\n${q.text}`, buttons, personal: true, openQuestion: true };
    }
    const next = await this.repo.nextReviewDue(req.platform, req.userId);
    const text =
      next === undefined
        ? this.t(lang, head ? 'study-review-done-empty' : 'study-review-empty')
        : this.t(lang, head ? 'study-review-done' : 'study-review-later', { when: this.inTime(next - now, lang) });
    return { lang, text: `${prefix}${text}`, buttons: [], personal: true };
  }

  /**
   * The card's question: an item of the card's fact, of its kind if the bank has one (cards stored before the
   * bank name the generator's kinds), taking turns by repetition; the same for the same card and repetition,
   * so a press checks what was shown. Undefined when the bank has no item for the fact.
   */
  question(card: ReviewCard, lang: Lang): QuizQuestion | undefined {
    if (!this.ctx.base.fact(card.factId)) return undefined;
    const items = this.bank.itemsOfFact(card.factId);
    const sameKind = items.filter((i) => i.kind === card.kind);
    const choices = sameKind.length > 0 ? sameKind : items;
    const item = choices[card.reps % Math.max(1, choices.length)];
    return item ? askItem(item, lang, seededRandom(card.id * 7919 + card.reps * 104729)) : undefined;
  }

  /** Handles a review button (`r:…` after the prefix); undefined when the data is not a review's. */
  async action(req: ChatRequest, parts: readonly string[]): Promise<ChatReply | undefined> {
    if (parts[0] !== REVIEW_ACTION) return undefined;
    return this.press(req, Number(parts[1]), Number(parts[2]), Number(parts[3]), Number(parts[4]));
  }

  private async press(req: ChatRequest, cardId: number, reps: number, langIdx: number, choice: number): Promise<ChatReply> {
    const lang = LANGS[langIdx] ?? languageFor(req, 'member');
    const now = nowMs(this.ctx);
    const result = await this.ctx.store.transaction(async () => {
      const card = await this.repo.reviewCardById(cardId);
      if (!card || card.platform !== req.platform || card.userId !== req.userId || card.reps !== reps) return undefined;
      const q = this.question(card, lang);
      if (!q) return undefined;
      const right = choice === q.correct;
      await this.save(card.platform, card.userId, card.factId, card.kind, card, right, now);
      return { q, right };
    });
    if (!result) return { lang, text: this.t(lang, 'study-review-stale'), buttons: [], toast: true, personal: true };
    const r = revealQuestion(this.ctx.base, this.ctx.i18n, result.q);
    const verdict = [this.t(lang, result.right ? 'study-you-right' : 'study-you-wrong'), this.t(lang, 'study-reveal', { answer: r.answer }), r.explanation, r.citation]
      .filter(Boolean)
      .join('\n');
    return this.next(req, lang, verdict);
  }

  private inTime(ms: number, lang: Lang): string {
    const minutes = Math.max(1, Math.ceil(ms / 60_000));
    if (minutes < 60) return this.t(lang, 'study-in-minutes', { n: minutes });
    const hours = Math.round(minutes / 60);
    if (hours < 48) return this.t(lang, 'study-in-hours', { n: hours });
    return this.t(lang, 'study-in-days', { n: Math.round(hours / 24) });
  }
}
