/**
 * Quiz questions as a session asks them: an item of the quiz bank (data/quiz) in one language, its four
 * choices shuffled, and everything the reveal needs, so a stored session shows the same after a restart even
 * if the bank has changed since.
 */
import { z } from 'zod';
import type { FactBase } from '../facts/fact-base.js';
import { citationLine } from '../facts/citation-line.js';
import { LANGS, type Lang } from '../facts/schema.js';
import type { I18n } from '../i18n/i18n.js';
import type { QuizItem } from './quiz-bank-schema.js';
import { shuffled, type RandomSource } from './random.js';

/**
 * One question, ready to show, as stored with its session. Parsed with zod when it comes back from the
 * database; sessions stored before the bank (generated questions) have no item, difficulty, topic or
 * explanation, and their kind is the generator's ("when", "howmany"…), so those fields are optional or open.
 */
export const quizQuestionSchema = z.object({
  /** The bank item asked (absent in sessions stored before the bank). */
  itemId: z.string().optional(),
  /** The fact the item tests: the reveal cites it. */
  factId: z.string().min(1),
  /** The item's kind (date, person, number…). */
  kind: z.string().min(1),
  difficulty: z.number().int().optional(),
  topic: z.string().optional(),
  lang: z.enum(LANGS),
  /** The question as asked. */
  text: z.string().min(1),
  /** Button labels, in the order shown. */
  choices: z.array(z.string().min(1)).min(2),
  /** Index of the right choice. */
  correct: z.number().int().nonnegative(),
  /** What the reveal teaches beyond the answer. */
  explanation: z.string().optional(),
}).refine((q) => q.correct < q.choices.length, { message: 'correct must index a choice', path: ['correct'] });
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

/** A session's questions as they come back from the database. */
export const storedQuestionsSchema = z.array(quizQuestionSchema);

/** What is shown after a question closes. */
export interface QuizReveal {
  answer: string;
  explanation: string;
  /** The one-line citation of the item's fact (empty if that fact has left the fact base). */
  citation: string;
}

/** An item asked in a language: its answer and distractors shuffled by `rng`. */
export function askItem(item: QuizItem, lang: Lang, rng: RandomSource): QuizQuestion {
  const text = item[lang];
  const choices = shuffled(rng, [text.answer, ...text.distractors]);
  return {
    itemId: item.id,
    factId: item.fact,
    kind: item.kind,
    difficulty: item.difficulty,
    topic: item.topic,
    lang,
    text: text.question,
    choices,
    correct: choices.indexOf(text.answer),
    explanation: text.explanation,
  };
}

/** The right answer, the explanation and the citation of a question. */
export function revealQuestion(base: FactBase, i18n: I18n, q: QuizQuestion): QuizReveal {
  const fact = base.fact(q.factId);
  return {
    answer: q.choices[q.correct] ?? '',
    explanation: q.explanation ?? '',
    citation: fact ? citationLine(base, i18n, fact, q.lang) : '',
  };
}
