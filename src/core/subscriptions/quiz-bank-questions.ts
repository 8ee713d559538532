/**
 * Questions of the day from the quiz bank (data/quiz): authored four-choice items in every language. Only items
 * that read well on any day of any year are asked: none that counts time from the article ("this year").
 */
import type { FactBase } from '../facts/fact-base.js';
import { LANGS, type Lang } from '../facts/schema.js';
import { seededRandom, shuffled } from '../study/random.js';
import type { QuizItem } from '../study/quiz-bank-schema.js';
import { countsTimeFromTheArticle } from './post-text.js';
import { pickInOrder, stableHash, stableOrder, type DailyQuestion, type QuestionOfTheDay } from './question-of-the-day.js';

/** What {@link askedInOrder} computed, by fact base. */
const orderOf = new WeakMap<FactBase, { order: readonly QuizItem[]; byId: ReadonlyMap<string, QuizItem> }>();

/**
 * The bank's items that read well on any date, in the order they are asked, computed once per fact base (a fact
 * base never changes): every core built on it (each test builds several) would otherwise read the whole bank
 * through the relative-time pattern again.
 */
function askedInOrder(base: FactBase): { order: readonly QuizItem[]; byId: ReadonlyMap<string, QuizItem> } {
  const known = orderOf.get(base);
  if (known) return known;
  const usable = base.quiz.filter((item) => LANGS.every((l) => !countsTimeFromTheArticle(`${item[l].question} ${item[l].explanation}`)));
  const tables = { order: stableOrder(usable, (item) => item.id, 'question-of-the-day'), byId: new Map(usable.map((item) => [item.id, item])) };
  orderOf.set(base, tables);
  return tables;
}

/** The quiz bank's items as questions of the day: the item id is the bank's. */
export class QuizBankQuestions implements QuestionOfTheDay {
  private readonly order: readonly QuizItem[];
  private readonly byId: ReadonlyMap<string, QuizItem>;

  constructor(base: FactBase) {
    ({ order: this.order, byId: this.byId } = askedInOrder(base));
  }

  /** How many questions there are (each is asked once before any repeats). */
  get size(): number {
    return this.order.length;
  }

  pick(date: string, avoid: ReadonlySet<string>): string | undefined {
    // An item draws on its own fact and on the facts it names in `also`: a post telling any of them gives it away.
    return pickInOrder(this.order, date, (item) => avoid.has(item.fact) || (item.also ?? []).some((f) => avoid.has(f)))?.id;
  }

  item(id: string, lang: Lang): DailyQuestion | undefined {
    const item = this.byId.get(id);
    if (!item) return undefined;
    const text = item[lang];
    // Shuffled by the item alone: the same order in every language, so a press means the same choice in each.
    const order = shuffled(seededRandom(stableHash(item.id)), [0, 1, 2, 3]);
    const labels = [text.answer, ...text.distractors];
    return {
      id,
      factId: item.fact,
      ...(item.also ? { also: item.also } : {}),
      question: text.question,
      choices: order.map((i) => labels[i] ?? ''),
      correct: order.indexOf(0),
      explanation: text.explanation,
    };
  }
}
