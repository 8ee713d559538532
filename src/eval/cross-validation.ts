import { FactBase, type FactBaseData } from '../core/facts/fact-base.js';
import { LANGS, type Fact, type Lang } from '../core/facts/schema.js';
import { conflicts, sameAnswer } from '../core/resolver/decision.js';
import type { ResolverModel } from '../core/resolver/model.js';
import { Resolver, type Explanation } from '../core/resolver/resolver.js';
import { SearchIndex } from '../core/resolver/search-index.js';
import type { ConversationContext } from '../core/resolver/types.js';

/**
 * Cross-validation over the fact base's own questions, to measure (and fit on) questions the index has not
 * seen. Two kinds of fold:
 * - question folds: a fold's alternate questions are removed from the index and asked; the right answer is
 *   their fact (or a fact that gives the same answer);
 * - fact folds: a fold's facts are removed whole and their questions asked; the right reply is to decline,
 *   unless another fact gives the same answer. These are the near misses a real user asks: the fact base
 *   knows the subject but not that detail.
 * A third kind, the follow-up folds (follow-up-fold.ts), asks held-out questions after a previous answer.
 */

/** One held-out question. */
export interface CvQuery {
  text: string;
  lang: Lang;
  gold: Fact;
  /** Other facts whose answer is as right (a quiz item's `also`). */
  alsoRight?: readonly string[];
  fold: 'question' | 'fact' | 'quiz' | 'counterfactual' | 'followup';
  /** The previous answer, passed as the chat service passes it (follow-up folds only). */
  context?: ConversationContext;
}

/** A fold: the reduced fact base to build a resolver on, and the questions held out of it. */
export interface CvFold {
  base: FactBase;
  queries: CvQuery[];
  /** The fold's search index, built on first use and kept for every model tried on the fold. */
  index?: SearchIndex;
}

/** A stable hash of a string (FNV-1a), so folds are the same on every run. */
export function hash(s: string): number {
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

/**
 * The quiz bank's questions (data/quiz), asked of the whole fact base: written by other people than the
 * alternate questions, so the index has never seen them; their item's fact (and its `also`) is the answer.
 */
export function quizFold(data: FactBaseData): CvFold {
  const base = new FactBase(data);
  const queries: CvQuery[] = [];
  for (const item of data.quiz ?? []) {
    const gold = base.fact(item.fact);
    if (!gold) continue;
    for (const lang of LANGS) queries.push({ text: item[lang].question, lang, gold, alsoRight: item.also ?? [], fold: 'quiz' });
  }
  return { base, queries };
}

/**
 * Names of people and countries the source never mentions, per language, to put in place of the fact
 * base's own in counterfactual questions.
 */
const FOREIGN: Record<'person' | 'place', Record<Lang, string[]>> = {
  person: { en: ['Lukashenko', 'Mirziyoyev', 'Erdogan'], ru: ['Лукашенко', 'Мирзиёев', 'Эрдоган'], kk: ['Лукашенко', 'Мирзиёев', 'Ердоған'] },
  place: { en: ['Uzbekistan', 'Kyrgyzstan', 'Belarus'], ru: ['Узбекистан', 'Киргизия', 'Беларусь'], kk: ['Өзбекстан', 'Қырғызстан', 'Беларусь'] },
};

/**
 * Counterfactual near misses: the fact base's own questions with a person or country the source talks
 * about replaced by one it never mentions ("Did Uzbekistan join the sanctions?"), or with a year moved
 * away from the fact's ("What did Tokayev announce in September 2024?"). The source cannot answer them:
 * they should be declined. At most `perLang` per fact and language.
 */
export function counterfactualFold(data: FactBaseData, perLang = 2): CvFold {
  const base = new FactBase(data);
  const queries: CvQuery[] = [];
  let turn = 0;
  for (const f of data.facts) {
    if (f.topics.includes('article')) continue;
    for (const lang of LANGS) {
      let made = 0;
      for (const q of f.questions[lang]) {
        if (made >= perLang) break;
        const variant = swapEntity(q, lang, f, base, turn) ?? shiftYear(q, f);
        if (!variant) continue;
        turn += 1;
        made += 1;
        queries.push({ text: variant, lang, gold: f, fold: 'counterfactual' });
      }
    }
  }
  return { base, queries };
}

function swapEntity(q: string, lang: Lang, f: Fact, base: FactBase, turn: number): string | undefined {
  for (const id of f.entities) {
    const e = base.entity(id);
    if (!e || (e.kind !== 'person' && e.kind !== 'place')) continue;
    const names = [e.name[lang], ...e.aliases, e.name[lang].split(/\s+/).at(-1) ?? ''].filter((n) => n.length >= 4);
    for (const name of names.sort((a, b) => b.length - a.length)) {
      const re = new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
      if (!re.test(q)) continue;
      const pool = FOREIGN[e.kind][lang];
      return q.replace(re, pool[turn % pool.length] ?? '');
    }
  }
  return undefined;
}

function shiftYear(q: string, f: Fact): string | undefined {
  if (!f.date || !/(?<!\d)20(?:19|21|22|23)(?!\d)/.test(q)) return undefined;
  return q.replace(/(?<!\d)20(19|21|22|23)(?!\d)/, (_, y: string) => `20${Number(y) + 3}`);
}

/** How a reply to a held-out question is graded. */
export interface CvOutcome {
  query: CvQuery;
  explanation: Explanation;
  /** The reply's facts include one that gives the gold fact's answer. */
  right: boolean;
  /** The reply should have been a decline (a fact-fold question with no fact giving its answer left). */
  shouldDecline: boolean;
  /** A near miss whose event has other facts left: whether declining is right cannot be told. */
  ambiguous: boolean;
}

/**
 * Whether a fact answers a held-out question: its own fact, one the item names as also right, or one that
 * does not conflict with it (the same answer, or for an open question the same event told from another
 * side: see `conflicts` in src/core/resolver/decision.ts, the rule the decision itself follows).
 */
export function isRight(f: Fact, query: CvQuery, type: Parameters<typeof sameAnswer>[2]): boolean {
  return f.id === query.gold.id || (query.alsoRight ?? []).includes(f.id) || !conflicts(f, query.gold, type);
}

/** Asks every held-out question of the folds with resolvers built on the reduced bases. */
export function runFolds(folds: CvFold[], model?: ResolverModel): CvOutcome[] {
  const out: CvOutcome[] = [];
  for (const fold of folds) {
    fold.index ??= new SearchIndex(fold.base);
    const resolver = new Resolver(fold.base, model, undefined, fold.index);
    for (const query of fold.queries) {
      const explanation = resolver.explain(query.text, query.context ? { context: query.context } : {});
      const type = explanation.analysis.type;
      const answerable = query.fold !== 'counterfactual' && fold.base.facts.some((f) => f.id === query.gold.id || sameAnswer(f, query.gold, type));
      const facts = explanation.answer.factIds.map((id) => fold.base.fact(id)).filter((f): f is Fact => !!f);
      const right = answerable && explanation.answer.status !== 'unknown' && facts.some((f) => isRight(f, query, type));
      // A near miss (a removed fact's question) is a clean decline only when no fact of its event is left:
      // a sibling of the same event may well answer it in other words, and nobody can tell without reading.
      const sibling = query.fold === 'fact' && fold.base.facts.some((f) => f.event !== undefined && f.event === query.gold.event);
      out.push({ query, explanation, right, shouldDecline: !answerable, ambiguous: sibling && !answerable });
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
