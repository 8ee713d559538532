/**
 * Presses on the question of the day's buttons. Under a chat's post, a member's first press counts (in their
 * `/stats`) and is answered privately: in a group with a short confirmation only (the answer comes with the
 * next post, for everyone at once), in a private chat with the verdict at once. Under a preview, a press is
 * answered at once and not counted. "Show the answer" shows it privately; a choice after it no longer counts.
 */
import type { ChatReply, ChatRequest } from '../chat/chat-service.js';
import type { FactBase } from '../facts/fact-base.js';
import { citationLine } from '../facts/citation-line.js';
import { LANGS, type Lang } from '../facts/schema.js';
import type { I18n, MessageId } from '../i18n/i18n.js';
import type { Clock } from '../ports.js';
import type { Store } from '../store/store.js';
import { SAW_ANSWER } from './daily-answers.js';
import { DAILY_ACTION, type PostComposer } from './post-composer.js';
import type { QuestionRef } from './post-plan.js';
import type { DailyQuestion, QuestionOfTheDay } from './question-of-the-day.js';

/** The longest button notification every platform shows whole (the smallest platform limit is 200 characters). */
const TOAST_LIMIT = 200;
/** How many of a chat's newest posts are searched for the one a button came from. */
const POSTS_LOOKED_AT = 14;

/** Dependencies of {@link QuestionPresses}. */
export interface QuestionPressDeps {
  base: FactBase;
  i18n: I18n;
  composer: PostComposer;
  questions: QuestionOfTheDay;
  clock: Clock;
  /** Without a store, only previews' buttons work. */
  store?: Store;
}

/** A parsed button: which kind, the post's date, the language it was shown in, and the choice. */
interface Press {
  kind: 'choice' | 'show' | 'preview-choice' | 'preview-show';
  date: string;
  lang: Lang;
  choice?: number;
}

const KINDS: Record<string, Press['kind']> = {
  [DAILY_ACTION.choice]: 'choice',
  [DAILY_ACTION.show]: 'show',
  [DAILY_ACTION.previewChoice]: 'preview-choice',
  [DAILY_ACTION.previewShow]: 'preview-show',
};

/** Reads `d:c:20240605:kk:1` (and the other question buttons); undefined for anything else. */
export function parseQuestionButton(data: string): Press | undefined {
  const m = /^(d:[cspq]:)(\d{4})(\d{2})(\d{2}):([a-z]{2})(?::(\d{1,2}))?$/.exec(data);
  const kind = m ? KINDS[m[1]!] : undefined;
  if (!m || !kind || !LANGS.includes(m[5] as Lang)) return undefined;
  const withChoice = kind === 'choice' || kind === 'preview-choice';
  if (withChoice !== (m[6] !== undefined)) return undefined;
  return { kind, date: `${m[2]}-${m[3]}-${m[4]}`, lang: m[5] as Lang, ...(withChoice ? { choice: Number(m[6]) } : {}) };
}

/** Answers the question-of-the-day buttons. */
export class QuestionPresses {
  constructor(private readonly deps: QuestionPressDeps) {}

  /** The reply to a press; undefined when the button is not one of these or its question no longer exists. */
  async press(req: ChatRequest, data: string): Promise<ChatReply | undefined> {
    const press = parseQuestionButton(data);
    if (!press) return undefined;
    const preview = press.kind === 'preview-choice' || press.kind === 'preview-show';
    const ref = preview ? this.deps.composer.questionRef(press.date) : await this.postedQuestion(req, press.date);
    const item = ref && this.deps.questions.item(ref.id, press.lang);
    if (!ref || !item) return undefined;
    if (press.choice !== undefined && press.choice >= item.choices.length) return undefined;
    const lang = press.lang;
    if (press.kind === 'preview-show') return this.answer(req, item, lang, 'show');
    if (press.kind === 'preview-choice') return this.answer(req, item, lang, press.choice === item.correct ? 'right' : 'wrong');

    const store = this.deps.store!;
    const closed = await this.closed(req, press.date);
    const record = (choice: number) =>
      store.dailyAnswers.add({
        platform: req.platform,
        chatId: req.chatId,
        userId: req.userId,
        localDate: press.date,
        questionId: ref.id,
        factId: item.factId,
        choice,
        correct: choice === item.correct,
        topics: this.deps.base.fact(item.factId)?.topics ?? [],
        answeredAt: this.deps.clock.now().getTime(),
      });
    if (press.kind === 'show') {
      // Seen before choosing: a later choice must not count (a no-op when the member has answered already).
      if (!closed) await record(SAW_ANSWER);
      return this.answer(req, item, lang, 'show');
    }
    if (closed) return this.toast(lang, this.t(lang, 'daily-closed'));
    const choice = press.choice!;
    if (!(await record(choice))) {
      const before = await store.dailyAnswers.get(req.platform, req.userId, press.date);
      return this.toast(lang, this.t(lang, before?.choice === SAW_ANSWER ? 'daily-seen-answer' : 'daily-already-answered'));
    }
    // In a group the answer waits for the next post, so nobody learns it from a neighbour's press.
    if (req.chatKind === 'group') return this.toast(lang, this.t(lang, 'daily-recorded', { choice: item.choices[choice] ?? '' }));
    return this.answer(req, item, lang, choice === item.correct ? 'right' : 'wrong');
  }

  /** The question of the chat's post of `date`, if the chat got one. */
  private async postedQuestion(req: ChatRequest, date: string): Promise<QuestionRef | undefined> {
    const recent = (await this.deps.store?.subscriptions.recent({ platform: req.platform, chatId: req.chatId }, POSTS_LOOKED_AT)) ?? [];
    return recent.find((d) => d.localDate === date)?.plan.question;
  }

  /** Whether a later post went out in the chat: it revealed the answer, so presses no longer count. */
  private async closed(req: ChatRequest, date: string): Promise<boolean> {
    const recent = (await this.deps.store?.subscriptions.recent({ platform: req.platform, chatId: req.chatId }, POSTS_LOOKED_AT)) ?? [];
    return recent.some((d) => d.localDate > date && d.status === 'sent');
  }

  /**
   * The answer, shown only to the presser: a notification in a group (short, no citation), a message of its
   * own in a private chat.
   */
  private answer(req: ChatRequest, item: DailyQuestion, lang: Lang, verdict: 'right' | 'wrong' | 'show'): ChatReply {
    const answer = item.choices[item.correct] ?? '';
    const explanation = item.explanation;
    const text =
      verdict === 'right'
        ? this.t(lang, 'daily-right', { explanation })
        : verdict === 'wrong'
          ? this.t(lang, 'daily-wrong', { answer, explanation })
          : this.t(lang, 'daily-reveal-answer', { answer, explanation });
    if (req.chatKind === 'group') return this.toast(lang, text);
    const fact = this.deps.base.fact(item.factId);
    const citation = fact ? citationLine(this.deps.base, this.deps.i18n, fact, lang) : undefined;
    return { lang, text: verdict === 'show' ? `${item.question}\n${text}` : text, citation, buttons: [], personal: true };
  }

  private toast(lang: Lang, text: string): ChatReply {
    return { lang, text: clip(text, TOAST_LIMIT), buttons: [], toast: true, personal: true };
  }

  private t(lang: Lang, id: MessageId, args?: Record<string, string | number>): string {
    return this.deps.i18n.t(lang, id, args);
  }
}

/** Text cut to `max` characters at a word, ending with "…". */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
