import type { Citation } from '../facts/fact-base.js';
import type { Lang } from '../facts/schema.js';
import type { QuestionType } from './question-type.js';

/** How sure the resolver is: a direct answer, a best guess with choices, or an honest "I don't know". */
export type AnswerStatus = 'answered' | 'unsure' | 'unknown';

/** A question the user may ask next (a "did you mean" choice or a related follow-up). */
export interface Suggestion {
  factId: string;
  /** The question, in the reply's language. */
  question: string;
}

/** What the previous answer was about, so a follow-up ("and who proposed it?") can refer to it. */
export interface ConversationContext {
  factIds: string[];
}

/** Options of {@link Resolver.resolve}. */
export interface ResolveOptions {
  /** Reply in this language whatever the question's language. */
  lang?: Lang;
  /** The language to use when the question's own language cannot be told (a name, an acronym, emoji). */
  fallbackLang?: Lang;
  /** The previous answer's facts, for follow-up questions. */
  context?: ConversationContext;
  /** The asker's local date, for "what happened on this day". */
  today?: { year: number; month: number; day: number };
}

/** The resolver's typed reply. */
export interface ResolvedAnswer {
  status: AnswerStatus;
  /** The whole reply: the answer, then the citation line. */
  text: string;
  /** The reply without its citation line. */
  answer: string;
  /** The citation line, empty when nothing is cited. */
  citationLine: string;
  lang: Lang;
  questionType: QuestionType;
  /** Facts the reply is built from, best first. */
  factIds: string[];
  /** 0..1: how well the best fact matches the question. */
  confidence: number;
  /**
   * The reply before the list of its choices, and the heading that introduced them ("Or did you mean:",
   * "Try:"): a chat that shows the choices as buttons shows this text instead of `answer`, and points to them.
   */
  lead?: { text: string; intro: 'did-you-mean' | 'try-asking' };
  /** "Did you mean" choices (for `unsure`) or example questions (for `unknown`). */
  suggestions: Suggestion[];
  /** Questions worth asking next (for `answered`). */
  related: Suggestion[];
  citation?: Citation;
  /** The message was small talk (a greeting, thanks, goodbye), answered with what the bot can do. */
  smallTalk?: boolean;
}
