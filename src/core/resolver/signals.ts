import type { Fact } from '../facts/schema.js';
import { monthNames } from '../text/months.js';
import { dateMatches } from './date-query.js';
import type { QuestionAnalysis } from './question-analysis.js';
import { FIELD_WEIGHT, type IndexedQuestion, type SearchIndex } from './search-index.js';
import { strongest } from './strongest.js';

/**
 * The named signals that score a fact as the answer to a question. Each is a number, mostly in 0..1; the
 * model (model.ts) weighs them. `npm run ask -- --explain "…"` prints them for the best facts.
 */
export const SIGNAL_NAMES = [
  /** Share of the question's weight (IDF) that the fact's text explains, each word by its best reading. */
  'coverage',
  /** Weighted Jaccard similarity to the closest of the fact's alternate questions. */
  'similarity',
  /** The fact can answer this kind of question (a date for "when", a number for "how many", a reason for "why"). */
  'typeFit',
  /** The fact cannot answer this kind of question at all ("when" without a date, "how many" without a number). */
  'typeMismatch',
  /** Share of the people, places and events the question names (the country and its president aside) that the fact involves. */
  'entityMatch',
  /** The question names someone or something the fact does not involve. */
  'entityMissing',
  /** …and the fact involves another of the same kind (Moscow asked, Kazakhstan told). */
  'entityRival',
  /** The question gives a date and the fact's date falls within it. */
  'dateMatch',
  /** The question gives a date and the fact's date contradicts it. */
  'dateConflict',
  /** Share of the numbers the question writes (up to two) that the fact never mentions. */
  'numberMissing',
  /** The question names the person whose statement the fact reports. */
  'speakerMatch',
  /** The question names the event, speech or meeting the fact belongs to. */
  'eventMatch',
  /** A follow-up ("and who proposed it?") and the fact is close to the previous answer. */
  'followUp',
  /** A "how many" whose words never name what the fact's number counts (school buildings, not pupil places). */
  'unitMissing',
  /** The question names the entity the fact is first about (Kosherbayev for "who is Kosherbayev"). */
  'primaryEntity',
  /** A "why" and the fact is a reason given for one of the facts the question's words point to. */
  'explainsMatch',
  /** Similarity minus the best similarity of the other facts (negative for all but the closest). */
  'similarityLead',
  /** Coverage minus the best coverage of the other facts. */
  'coverageLead',
  /** Share of the question's weight carried by words the fact base does not know (same for every fact). */
  'unknownShare',
  /** The question names something the fact base does not know ("Uzbekistan"): same for every fact. */
  'unknownName',
] as const;

/** One signal's name. */
export type SignalName = (typeof SIGNAL_NAMES)[number];
/** A fact's signals for one question. */
export type Signals = Record<SignalName, number>;

/** A fact scored for a question. */
export interface Candidate {
  fact: Fact;
  signals: Signals;
  /** The model's log-odds that the fact answers the question. */
  score: number;
  /** The same as a probability. */
  probability: number;
  /** The alternate question that matched best. */
  bestQuestion?: IndexedQuestion;
}

/** What the ranking needs besides the question: the previous answer's neighbourhood for follow-ups. */
export interface RankContext {
  /** fact id -> closeness to the previous answer (0..1). */
  followUp: ReadonlyMap<string, number>;
}

/** How many facts, best explaining the question first, get the full set of signals. */
const MAX_CANDIDATES = 40;

/**
 * Per-question accumulators reused by every query, indexed by alternate question or by fact number, and
 * zeroed after use (the resolver is single-threaded, and a question's scoring ends before any other starts).
 */
export class SimilarityScratch {
  readonly shared: Float64Array;
  readonly sharedIdf: Float64Array;
  /** fact -> the coverage summed so far. */
  readonly coverage: Float64Array;
  /** fact -> the best reading of the current word (coverage), then the best similarity of its questions. */
  readonly best: Float64Array;
  /** fact -> the index of its most similar question. */
  readonly bestQuestion: Int32Array;
  /** fact -> 1 once met (by the coverage, then by the similarities). */
  readonly covered: Uint8Array;
  // Lists a query fills and reads back, reused rather than grown again for every question (a common word
  // touches thousands of questions).
  /** The questions the query's keys touch, each once (similarities). */
  readonly touchedQuestions: Int32Array;
  /** The facts one word touches (coverage). */
  readonly touchedFacts: Int32Array;
  /** The facts met, in the order met (coverage, then similarities). */
  readonly metFacts: Int32Array;
  constructor(questions: number, facts: number) {
    this.shared = new Float64Array(questions);
    this.sharedIdf = new Float64Array(questions);
    this.coverage = new Float64Array(facts);
    this.best = new Float64Array(facts);
    this.bestQuestion = new Int32Array(facts);
    this.covered = new Uint8Array(facts);
    this.touchedQuestions = new Int32Array(questions);
    this.touchedFacts = new Int32Array(facts);
    this.metFacts = new Int32Array(facts);
  }
}

/**
 * Computes every signal for every fact that shares a word with the question. Facts that share nothing
 * are not candidates.
 */
export function computeSignals(
  q: QuestionAnalysis,
  index: SearchIndex,
  scratch: SimilarityScratch,
  context: RankContext,
): Candidate[] {
  const total = q.totalWeight || 1;
  const coverage = factCoverage(q, index, scratch, total);
  // Each fact's most similar question, in the scratch by fact number until the signals are computed.
  const similar = similarities(q, index, scratch, total);
  const { best: similarity, bestQuestion, covered: hasSimilar } = scratch;
  try {
    const named = [...q.entities.keys()].filter((id) => !index.background.has(id));
    const numbers = q.numbers.slice(0, 2);
    const out: Candidate[] = [];
    // Only the facts that explain the question best can win: the rest are left out before the finer signals.
    const pool = strongest(coverage, ([f, cov]) => cov + similarity[f]!, MAX_CANDIDATES);
    for (const [f, cov] of pool) {
      const fact = index.base.facts[f]!;
      const factId = fact.id;
      const involved = index.involved.get(factId) ?? new Set<string>();
      let missing = 0;
      let rival = 0;
      let matched = 0;
      for (const id of named) {
        if (involved.has(id)) {
          matched += 1;
          continue;
        }
        const weight = q.entities.get(id)?.descriptor ? 0.5 : 1;
        missing = Math.max(missing, weight);
        const kind = index.base.entity(id)?.kind;
        for (const e of involved)
          if (!q.entities.has(e) && index.base.entity(e)?.kind === kind) {
            rival = Math.max(rival, weight);
            break;
          }
      }
      const dated = q.dates.length > 0 && fact.date !== undefined;
      const dateMatch = dated && q.dates.some((d) => dateMatches(fact.date?.value ?? '', d));
      const fit = typeFit(q, fact, index);
      out.push({
        fact,
        bestQuestion: hasSimilar[f] === 1 ? index.questions[bestQuestion[f]!] : undefined,
        score: 0,
        probability: 0,
        signals: {
          coverage: cov,
          // 0 for a fact none of whose questions shares a word with this one (zeroed since the last question).
          similarity: similarity[f]!,
          typeFit: fit > 0 ? fit : 0,
          typeMismatch: fit < 0 ? 1 : 0,
          entityMatch: named.length > 0 ? matched / named.length : 0,
          entityMissing: missing,
          entityRival: rival,
          dateMatch: dateMatch ? 1 : 0,
          dateConflict: dated && !dateMatch ? 1 : 0,
          numberMissing: numbers.length > 0 ? numbers.filter((n) => !index.has(n, factId)).length / numbers.length : 0,
          speakerMatch: fact.speaker && q.entities.has(fact.speaker) ? 1 : 0,
          eventMatch: fact.event && q.entities.has(fact.event) ? 1 : 0,
          followUp: context.followUp.get(factId) ?? 0,
          unitMissing: unitMissing(q, fact, index),
          primaryEntity: fact.entities[0] !== undefined && named.includes(fact.entities[0]) ? 1 : 0,
          explainsMatch: 0,
          similarityLead: 0,
          coverageLead: 0,
          unknownShare: q.unknownShare,
          unknownName: q.unknownName ? 1 : 0,
        },
      });
    }
    addRelativeSignals(out, q);
    return out;
  } finally {
    // The similarities are zeroed for the next question even if scoring this one threw.
    for (let m = 0; m < similar; m++) {
      const f = scratch.metFacts[m]!;
      similarity[f] = 0;
      hasSimilar[f] = 0;
    }
  }
}

/**
 * Coverage: for each fact, the share of the question's weight that its text explains, each word by its best
 * reading (a phrase alias the question contains counts as the fact's own words). In the order the facts are
 * first met; accumulated in the scratch arrays by fact number, since a common word touches most facts.
 */
function factCoverage(q: QuestionAnalysis, index: SearchIndex, scratch: SimilarityScratch, total: number): [number, number][] {
  const { coverage, best, covered, touchedFacts: touched, metFacts: met } = scratch;
  let metCount = 0;
  let touchedCount = 0;
  const phrases = [...index.phrasesMatched(q.keys)].map(([factId, keys]) => [index.factNumber.get(factId) ?? -1, keys] as const);
  // A fact is touched once per word: its best reading rises from 0 at most once before the word is added.
  const raise = (f: number, m: number) => {
    if (m <= best[f]!) return;
    if (best[f] === 0) touched[touchedCount++] = f;
    best[f] = m;
  };
  for (const word of q.words) {
    touchedCount = 0;
    for (const r of word.readings) {
      const list = index.postingLists.get(r.key);
      if (list) for (let i = 0; i < list.length; i += 2) raise(list[i]!, list[i + 1]! * r.factor);
    }
    for (const [f, keys] of phrases) if (f >= 0) for (const r of word.readings) if (keys.has(r.key)) raise(f, FIELD_WEIGHT.alias * r.factor);
    for (let t = 0; t < touchedCount; t++) {
      const f = touched[t]!;
      if (covered[f] === 0) {
        covered[f] = 1;
        met[metCount++] = f;
      }
      coverage[f]! += (word.weight * best[f]!) / total;
      best[f] = 0;
    }
  }
  const out = new Array<[number, number]>(metCount);
  for (let m = 0; m < metCount; m++) {
    const f = met[m]!;
    out[m] = [f, coverage[f]!];
    coverage[f] = 0;
    covered[f] = 0;
  }
  return out;
}

/**
 * Signals that compare a fact with the others: its lead in similarity and coverage, and for a "why"
 * whether it gives the reason for one of the facts the question is most about.
 */
function addRelativeSignals(out: Candidate[], q: QuestionAnalysis): void {
  const top2 = (key: 'similarity' | 'coverage') => {
    let first = 0;
    let second = 0;
    for (const c of out) {
      const v = c.signals[key];
      if (v > first) [first, second] = [v, first];
      else if (v > second) second = v;
    }
    return { first, second };
  };
  const sim = top2('similarity');
  const cov = top2('coverage');
  for (const c of out) {
    c.signals.similarityLead = c.signals.similarity - (c.signals.similarity >= sim.first ? sim.second : sim.first);
    c.signals.coverageLead = c.signals.coverage - (c.signals.coverage >= cov.first ? cov.second : cov.first);
  }
  if (q.type !== 'why') return;
  const about = new Set(
    [...out]
      .filter((c) => c.fact.kind !== 'cause')
      .sort((a, b) => b.signals.coverage + b.signals.similarity - (a.signals.coverage + a.signals.similarity))
      .slice(0, 3)
      .map((c) => c.fact.id),
  );
  for (const c of out) if (c.fact.explains?.some((id) => about.has(id))) c.signals.explainsMatch = 1;
}

/**
 * 1 when a "how many" counts something else than the fact's typed number: the word it counts ("how many
 * *people*", "сколько *человек*", "қанша *адам*") names another unit, or no word of the question names the
 * fact's unit at all.
 */
function unitMissing(q: QuestionAnalysis, fact: Fact, index: SearchIndex): number {
  if (q.type !== 'howmany' || fact.value?.type !== 'number') return 0;
  const unit = fact.value.unit;
  if (q.countedUnits.length > 0) return q.countedUnits.includes(unit) ? 0 : 1;
  if (unit === 'percent' && q.normalized.includes('%')) return 0;
  if (unit === 'usd-per-month' && q.normalized.includes('$')) return 0;
  const keys = index.unitKeys.get(unit);
  if (!keys) return 0;
  return q.words.some((w) => keys.has(w.key) || w.readings.some((r) => keys.has(r.key))) ? 0 : 1;
}

/**
 * For each fact, its alternate question most similar to the query: weighted Jaccard, the shared weight
 * over the query's weight plus the question's own weight not shared. Accumulated in scratch arrays indexed
 * by question, since a common word touches hundreds of questions. Leaves, by fact number, the similarity in
 * `best`, the question in `bestQuestion` and 1 in `covered` for each fact met, those facts in `metFacts`, and
 * returns how many there are: the caller reads them, then zeroes `best` and `covered` again.
 */
function similarities(q: QuestionAnalysis, index: SearchIndex, scratch: SimilarityScratch, total: number): number {
  const queryWeight = new Map<string, number>();
  for (const w of q.words) for (const r of w.readings) queryWeight.set(r.key, Math.max(queryWeight.get(r.key) ?? 0, w.weight * r.factor));
  const { shared, sharedIdf, best, bestQuestion, covered, touchedQuestions: touched, metFacts: met } = scratch;
  let touchedCount = 0;
  for (const [key, w] of queryWeight) {
    const list = index.questionPostings.get(key);
    if (!list) continue;
    const idf = index.idf(key);
    for (let p = 0; p < list.length; p++) {
      const i = list[p]!;
      // Every key's IDF is positive, so a question is listed once, when first touched.
      if (sharedIdf[i] === 0) touched[touchedCount++] = i;
      shared[i]! += w;
      sharedIdf[i]! += idf;
    }
  }
  // The best question of each fact, by fact number (`best`, `covered` and `met` are free again after the coverage).
  let metCount = 0;
  const { questionFact, questionWeight } = index;
  for (let t = 0; t < touchedCount; t++) {
    const i = touched[t]!;
    const sim = shared[i]! / (total + Math.max(0, questionWeight[i]! - sharedIdf[i]!));
    shared[i] = 0;
    sharedIdf[i] = 0;
    const f = questionFact[i]!;
    if (f < 0) continue;
    if (covered[f] === 0) {
      covered[f] = 1;
      met[metCount++] = f;
    } else if (!(sim > best[f]!)) continue;
    best[f] = sim;
    bestQuestion[f] = i;
  }
  return metCount;
}

const QUANTITY = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|half|third|quarter|dozens?|hundreds?|thousands?|millions?|majority|most|single|once)\b/i;
const SPAN = /\b(?:day|week|month|year)s?\b/i;
const EN_MONTH = monthNames('en').join('|');
const DATE_IN_TEXT = new RegExp(`\\b(?:${EN_MONTH})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}\\s+(?:${EN_MONTH})\\b|\\b(?:19|20)\\d\\d\\b`, 'g');

/**
 * Whether a fact states a quantity: a typed number or list, or a number in its short answer that is not a
 * date; for a question about a length of time, also a span in words ("the day before", "a year").
 */
export function statesQuantity(fact: Fact, duration = false): boolean {
  if (fact.value?.type === 'number' || fact.value?.type === 'list') return true;
  const short = fact.short.en.replace(DATE_IN_TEXT, ' ');
  return QUANTITY.test(short) || (duration && SPAN.test(short));
}

/** Whether a "how many" counts the items of the fact's list: the counted words are among the fact's own words. */
export function countsList(q: QuestionAnalysis, fact: Fact, index: SearchIndex): boolean {
  return q.countedKeys.some((k) => index.has(k, fact.id));
}

/**
 * +1 when the fact is of the kind the question asks for, −1 when it cannot answer it at all, 0 when the
 * question type says nothing (what, yes/no).
 */
function typeFit(q: QuestionAnalysis, fact: Fact, index: SearchIndex): number {
  switch (q.type) {
    case 'when':
      if (!fact.date) return -1;
      return fact.date.precision === 'day' || fact.date.precision === 'month' ? 1 : 0.5;
    case 'howmany':
      // A list answers "how many" only when it lists what is counted ("how many principles").
      if (fact.value?.type === 'list') return countsList(q, fact, index) ? 1 : -1;
      return statesQuantity(fact, q.asksDuration) ? 1 : -1;
    case 'why':
      return fact.kind === 'cause' || (fact.explains?.length ?? 0) > 0 ? 1 : 0;
    case 'who':
      return fact.kind === 'person' || fact.value?.type === 'entity' || index.questionTypes.get(fact.id)?.has('who') ? 1 : 0;
    case 'where':
      return index.questionTypes.get(fact.id)?.has('where') || [...(index.involved.get(fact.id) ?? [])].some((e) => index.base.entity(e)?.kind === 'place' && !index.background.has(e))
        ? 1
        : 0;
    case 'list':
      return fact.value?.type === 'list' ? 1 : 0;
    default:
      return 0;
  }
}
