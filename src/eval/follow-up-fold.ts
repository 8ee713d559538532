import type { FactBase } from '../core/facts/fact-base.js';
import type { Fact, Lang } from '../core/facts/schema.js';
import { keysOf } from '../core/resolver/analyzer.js';
import { analyzeQuestion } from '../core/resolver/question-analysis.js';
import { refersBack } from '../core/resolver/resolver.js';
import { SearchIndex } from '../core/resolver/search-index.js';
import { normalize } from '../core/text/normalize.js';
import { hash, type CvFold, type CvQuery } from './cross-validation.js';

/**
 * Follow-up folds: conversations made from the fact base by a rule, for fitting the `followUp` signal.
 * For each question fold (its alternate questions held out of the index), each held-out question of a fact
 * B that names B's event, or an entity B shares with a fact A of the same event or `related` to it, is
 * asked with that name replaced by a pronoun ("Кто открыл круглый стол?" → "Кто открыл это?"), after A as
 * the previous answer (the chat service's context: the previous answer's first fact). Only the context
 * says what the pronoun means, so the right answer is B, or a fact that gives B's answer (`isRight`).
 *
 * Two kinds of question keep the signal honest, each asked after an unrelated previous answer (a fact of
 * another event, not related, sharing no entity): the held-out questions that happen to have a referring
 * word ("What did Tokayev signal about *his* reform programme?"), whose answer is not near the previous
 * one, so that the weight does not learn to pull every such question towards it; and the original of
 * every rewritten question, which names what it asks about and has no need of a context.
 */
export function followUpFolds(questionFolds: readonly CvFold[]): (CvFold & { index: SearchIndex })[] {
  return questionFolds.map((fold) => {
    fold.index ??= new SearchIndex(fold.base);
    const index = fold.index;
    const queries: CvQuery[] = [];
    for (const q of fold.queries) {
      const b = q.gold;
      const turn = hash(`${b.id}|${q.text}`);
      const unrelated = pick(fold.base.facts.filter((f) => !near(f, b) && !f.topics.includes('article')), turn);
      if (unrelated && refersBack(normalize(q.text))) queries.push({ ...q, fold: 'followup', context: { factIds: [unrelated.id] } });
      const a = pick(fold.base.facts.filter((f) => f.id !== b.id && close(f, b)), turn);
      const rewritten = a && referBack(q.text, q.lang, shared(a, b, index), fold.base, index);
      if (!a || !rewritten) continue;
      queries.push({ ...q, text: rewritten, fold: 'followup', context: { factIds: [a.id] } });
      if (unrelated && !refersBack(normalize(q.text))) queries.push({ ...q, fold: 'followup', context: { factIds: [unrelated.id] } });
    }
    return { base: fold.base, index, queries };
  });
}

/** The pronoun that stands for a named person or thing, per language. */
const PRONOUN: Record<'person' | 'thing', Record<Lang, string>> = {
  person: { en: 'he', ru: 'он', kk: 'ол' },
  thing: { en: 'it', ru: 'это', kk: 'бұл' },
};

/** Facts a follow-up can go from one to the other: one event, or `related` either way. */
function close(a: Fact, b: Fact): boolean {
  return (a.event !== undefined && a.event === b.event) || a.related.includes(b.id) || b.related.includes(a.id);
}

/** Facts that have anything to do with each other (close, or sharing an entity). */
function near(a: Fact, b: Fact): boolean {
  return a.id === b.id || close(a, b) || a.entities.some((e) => b.entities.includes(e));
}

/** The entities the previous answer A and the fact B are both about (B's event first), the background aside. */
function shared(a: Fact, b: Fact, index: SearchIndex): string[] {
  const of = (f: Fact) => new Set([...f.entities, ...(f.event ? [f.event] : []), ...(f.speaker ? [f.speaker] : [])]);
  const inA = of(a);
  return [...of(b)].filter((id) => inA.has(id) && !index.background.has(id)).sort((x, y) => Number(y === b.event) - Number(x === b.event));
}

/**
 * The question with the words that name one of `ids` replaced by a pronoun (the first such entity the
 * question names), or undefined when it names none of them, when the rewrite still names it, or when
 * nothing the fact base knows is left to ask about.
 */
function referBack(question: string, lang: Lang, ids: readonly string[], base: FactBase, index: SearchIndex): string | undefined {
  if (!/\?\s*$/u.test(question)) return undefined;
  const named = analyzeQuestion(question, index, lang).entities;
  const id = ids.find((e) => named.has(e));
  const keys = new Set(id ? (named.get(id)?.keys ?? []) : []);
  if (!id || keys.size === 0) return undefined;
  const pronoun = PRONOUN[base.entity(id)?.kind === 'person' ? 'person' : 'thing'][lang];
  // Runs of words whose keys all name the entity (stop words inside a run belong to it) become one pronoun.
  const words = [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)];
  const naming = words.map((m) => {
    const k = keysOf(m[0], lang);
    return k.length === 0 ? undefined : k.every((x) => keys.has(x));
  });
  let out = '';
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    if (naming[i] !== true) continue;
    let j = i;
    while (j + 1 < words.length && naming[j + 1] !== false) j++;
    while (naming[j] !== true) j--;
    const start = words[i]?.index ?? 0;
    const last = words[j];
    out += `${question.slice(at, start)}${pronoun}`;
    at = (last?.index ?? 0) + (last?.[0].length ?? 0);
    i = j;
  }
  if (at === 0) return undefined;
  // "at the round table" → "at it", not "at the it".
  const text = `${out}${question.slice(at)}`.replace(new RegExp(`(?<![\\p{L}])(?:the|a|an)\\s+(${pronoun})(?![\\p{L}])`, 'giu'), '$1');
  const asked = analyzeQuestion(text, index, lang);
  if (asked.entities.has(id) || !asked.words.some((w) => w.known && !/^\d+$/.test(w.word))) return undefined;
  return text;
}

/** One of the facts, the same on every run. */
function pick(facts: readonly Fact[], turn: number): Fact | undefined {
  return facts[turn % Math.max(1, facts.length)];
}
