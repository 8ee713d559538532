import { FactBase, type FactBaseData } from '../core/facts/fact-base.js';
import { LANGS, type Fact, type Lang } from '../core/facts/schema.js';
import { sameAnswer } from '../core/resolver/decision.js';
import type { ResolverModel } from '../core/resolver/model.js';
import { Resolver, type Explanation } from '../core/resolver/resolver.js';
import { SearchIndex } from '../core/resolver/search-index.js';

/**
 * Cross-validation over the fact base's own questions, to measure (and fit on) questions the index has not
 * seen. Two kinds of fold:
 * - question folds: a fold's alternate questions are removed from the index and asked; the right answer is
 *   their fact (or a fact that gives the same answer);
 * - fact folds: a fold's facts are removed whole and their questions asked; the right reply is to decline,
 *   unless another fact gives the same answer. These are the near misses a real user asks: the fact base
 *   knows the subject but not that detail.
 */

/** One held-out question. */
export interface CvQuery {
  text: string;
  lang: Lang;
  gold: Fact;
  fold: 'question' | 'fact';
}

/** A fold: the reduced fact base to build a resolver on, and the questions held out of it. */
export interface CvFold {
  base: FactBase;
  queries: CvQuery[];
  /** The fold's search index, built on first use and kept for every model tried on the fold. */
  index?: SearchIndex;
}

/** A stable hash of a string (FNV-1a), so folds are the same on every run. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Question folds: k folds of the alternate questions (yes/no questions stay in the index). */
export function questionFolds(data: FactBaseData, k: number): CvFold[] {
  return Array.from({ length: k }, (_, fold) => {
    const queries: CvQuery[] = [];
    const facts = data.facts.map((f) => {
      const questions = { en: [] as string[], ru: [] as string[], kk: [] as string[] };
      for (const lang of LANGS)
        for (const q of f.questions[lang]) {
          if (hash(`${f.id}|${q}`) % k === fold) queries.push({ text: q, lang, gold: f, fold: 'question' });
          else questions[lang].push(q);
        }
      return { ...f, questions };
    });
    return { base: new FactBase({ ...data, facts }), queries };
  });
}

/**
 * Fact folds: k folds of the facts (the article's own facts stay: questions about the source are not near
 * misses); at most `perLang` questions of each removed fact per language are asked.
 */
export function factFolds(data: FactBaseData, k: number, perLang = 3): CvFold[] {
  return Array.from({ length: k }, (_, fold) => {
    const held = (f: Fact) => !f.topics.includes('article') && hash(f.id) % k === fold;
    const queries: CvQuery[] = [];
    for (const f of data.facts.filter(held))
      for (const lang of LANGS) for (const q of f.questions[lang].slice(0, perLang)) queries.push({ text: q, lang, gold: f, fold: 'fact' });
    return { base: new FactBase({ ...data, facts: data.facts.filter((f) => !held(f)) }), queries };
  });
}

/** How a reply to a held-out question is graded. */
export interface CvOutcome {
  query: CvQuery;
  explanation: Explanation;
  /** The reply's facts include one that gives the gold fact's answer. */
  right: boolean;
  /** The reply should have been a decline (a fact-fold question with no fact giving its answer left). */
  shouldDecline: boolean;
}

/** Asks every held-out question of the folds with resolvers built on the reduced bases. */
export function runFolds(folds: CvFold[], model?: ResolverModel): CvOutcome[] {
  const out: CvOutcome[] = [];
  for (const fold of folds) {
    fold.index ??= new SearchIndex(fold.base);
    const resolver = new Resolver(fold.base, model, undefined, fold.index);
    for (const query of fold.queries) {
      const explanation = resolver.explain(query.text);
      const type = explanation.analysis.type;
      const answerable = fold.base.facts.some((f) => f.id === query.gold.id || sameAnswer(f, query.gold, type));
      const facts = explanation.answer.factIds.map((id) => fold.base.fact(id)).filter((f): f is Fact => !!f);
      const right = explanation.answer.status !== 'unknown' && facts.some((f) => f.id === query.gold.id || sameAnswer(f, query.gold, type));
      out.push({ query, explanation, right, shouldDecline: !answerable });
    }
  }
  return out;
}

/** The figures of a cross-validation run, in the terms of the development sets' grader. */
export interface CvReport {
  inScope: number;
  /** Share of in-scope questions answered confidently (status answered) and right. */
  confidentRight: number;
  answeredPrecision: number;
  declines: number;
  inScopeCount: number;
  declineCount: number;
}

/** Grades a run: in-scope questions by their facts, near misses by declining. */
export function cvReport(outcomes: CvOutcome[]): CvReport {
  const inScope = outcomes.filter((o) => !o.shouldDecline);
  const declines = outcomes.filter((o) => o.shouldDecline);
  const answered = outcomes.filter((o) => o.explanation.answer.status === 'answered');
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  return {
    inScope: ratio(inScope.filter((o) => o.right).length, inScope.length),
    confidentRight: ratio(inScope.filter((o) => o.right && o.explanation.answer.status === 'answered').length, inScope.length),
    answeredPrecision: ratio(answered.filter((o) => o.right).length, answered.length),
    declines: ratio(declines.filter((o) => o.explanation.answer.status === 'unknown').length, declines.length),
    inScopeCount: inScope.length,
    declineCount: declines.length,
  };
}
