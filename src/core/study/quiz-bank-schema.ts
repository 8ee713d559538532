/**
 * The quiz bank's format: authored multiple-choice items in `data/quiz/<section>.json`, each testing one fact
 * in English, Russian and Kazakh. The format is fixed (see data/README.md, "The quiz bank"); what makes an item
 * good beyond its shape is checked by test/study/quiz-bank.test.ts.
 */
import { z } from 'zod';

/** What an item's four choices are. */
export const QUIZ_KINDS = ['date', 'person', 'number', 'place', 'measure', 'cause', 'statement'] as const;
export const quizKind = z.enum(QUIZ_KINDS);
export type QuizKind = z.infer<typeof quizKind>;

/** Longest choice label: Telegram shows about this much of a button, Discord allows 80. */
export const MAX_CHOICE_LENGTH = 64;

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const choice = nonEmpty.max(MAX_CHOICE_LENGTH, `a choice is at most ${MAX_CHOICE_LENGTH} characters (a button label)`);

/** One item in one language: the question, the right answer, three wrong ones and what the reveal teaches. */
export const quizItemTextSchema = z
  .object({
    question: nonEmpty.regex(/\?$/, 'a question ends with "?"'),
    answer: choice,
    distractors: z.array(choice).length(3, 'exactly three distractors'),
    explanation: nonEmpty,
  })
  .strict();
export type QuizItemText = z.infer<typeof quizItemTextSchema>;

/** One item of the bank. */
export const quizItemSchema = z
  .object({
    /** Kebab-case, unique across the bank, prefixed by a section tag (`dc-`, `mu-`, `gj-`, `nc-`, `ss-`). */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    /** The fact the item tests (data/facts): its locator is the item's citation. */
    fact: nonEmpty,
    /** Other facts the question or explanation draws on. */
    also: z.array(nonEmpty).optional(),
    kind: quizKind,
    /** 1: a central fact anyone who read the article remembers; 3: a detail. */
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** A topic id from data/topics.json, never `article`. */
    topic: nonEmpty,
    en: quizItemTextSchema,
    ru: quizItemTextSchema,
    kk: quizItemTextSchema,
  })
  .strict();
export type QuizItem = z.infer<typeof quizItemSchema>;

/** A file under data/quiz/. */
export const quizBankFileSchema = z.object({ items: z.array(quizItemSchema) }).strict();

/** The topic no item may have: questions about the source article itself are not worth asking. */
export const EXCLUDED_TOPIC = 'article';
