/**
 * The review of the question log (`npm run questions:review`): similar questions grouped by the resolver's
 * own analysis, ordered by how many people asked, each with a verdict for a maintainer to check. Pure: the
 * entries come in, groups come out; nothing is written to data/.
 */
import type { Lang } from '../facts/schema.js';
import type { Explanation, Resolver } from '../resolver/resolver.js';
import type { QueryWord } from '../resolver/question-analysis.js';
import { sameAnswer } from '../resolver/decision.js';
import type { Candidate } from '../resolver/signals.js';
import { MASKS } from './mask.js';
import type { LoggedQuestion, LoggedStatus } from './question-log.js';

/** Where a gap goes: a fact's `gaps` or an entity's. */
export type GapTarget = { fact: string } | { entity: string };

/** A gap the source leaves, proposed for a maintainer to word in three languages. */
export interface GapProposal {
  target: GapTarget;
  /** The question's words that ask for what the source does not give. */
  keywords: string[];
}

/**
 * What the review thinks happened, for a maintainer to check:
 * - `missed`: a fact answers it, the bot did not find it; add the question to that fact's questions.
 * - `silent`: the source does not say; with `gap`, a gap to add; with `existing`, the bot already says so;
 *   with neither, the question is off the source's topics and the decline is right.
 * - `answered-now`: the bot answers it now (the data changed since it was asked).
 */
export type Verdict =
  | {
      kind: 'missed';
      factId: string;
      question: string;
      /** The fact already has a question this close: adding one changes nothing, the model's doubt is elsewhere. */
      alreadyAsked?: boolean;
    }
  | { kind: 'silent'; gap?: GapProposal; existing?: { target: GapTarget; about: string } }
  | { kind: 'answered-now'; factId: string; score: number };

/** One group of similar questions. */
export interface QuestionGroup {
  lang: Lang;
  /** Entities the questions name (background ones included). */
  entities: string[];
  entries: LoggedQuestion[];
  /** Distinct askers (each member counts once per day: the hash's salt changes daily). */
  askers: number;
  /** Up to a few distinct texts, the most asked first. */
  examples: { text: string; askers: number }[];
  statuses: Record<LoggedStatus, number>;
  /** The fact the bot leaned to most often when they were asked, and its mean score then. */
  leaned?: { factId: string; score: number };
  /** What the bot does with the group's first example now. */
  now: { status: Explanation['answer']['status']; factId?: string; score: number };
  verdict: Verdict;
}

/** Least weighted share of two questions' words in common for them to be one group. */
const SAME_GROUP = 0.5;
/** A reading this trusted is the word itself, in another of the bot's languages, or a synonym; below, a guessed correction. */
const FIRM_READING = 0.85;
/** A fact explains a question when its text covers this share of the question's weight… */
const MISSED_COVERAGE = 0.75;
/** …and the question is close to one of its questions, or the fact likely; or the bot offered it as its guess. */
const MISSED_SIMILARITY = 0.5;
const MISSED_PROBABILITY = 0.5;
/** An answer marked wrong is missed by a fact this much less close to the question at most. */
const RIVAL_MARGIN = 0.3;
/** Similarity to one of the fact's questions from which the question is as good as one of them already. */
const ALREADY_ASKED = 0.95;
/** Share of weight in words the fact base does not know (or only guesses at) above which the source is silent. */
const DOUBT_SHARE = 0.25;
/** A fact is what a question asks about (though not the detail it wants) from this coverage on. */
const ABOUT_COVERAGE = 0.6;
/** Examples shown per group. */
const EXAMPLES = 3;

/** A logged question with the resolver's reading of it. */
interface Read {
  entry: LoggedQuestion;
  explanation: Explanation;
  words: { word: QueryWord; keys: Set<string> }[];
  entities: string[];
  normalized: string;
}

/** Groups the entries and gives each group its verdict, the most asked first. */
export function reviewQuestions(entries: readonly LoggedQuestion[], resolver: Resolver): QuestionGroup[] {
  // Each distinct wording is read once (logs repeat themselves), then joins the first group it resembles.
  const groups: Read[][] = [];
  const seen = new Map<string, { read: Read; home: Read[] }>();
  for (const entry of entries) {
    const key = `${entry.lang}\u0000${entry.text}`;
    const known = seen.get(key);
    if (known) {
      known.home.push({ ...known.read, entry });
      continue;
    }
    const r = read(entry, resolver);
    let home = groups.find((g) => sameGroup(g[0]!, r));
    if (!home) groups.push((home = []));
    seen.set(key, { read: r, home });
    home.push(r);
  }
  return groups.map((g) => summarize(g, resolver)).sort((a, b) => b.askers - a.askers || b.entries.length - a.entries.length || a.entries[0]!.at - b.entries[0]!.at);
}

function read(entry: LoggedQuestion, resolver: Resolver): Read {
  const explanation = resolver.explain(entry.text, { fallbackLang: entry.lang });
  const a = explanation.analysis;
  return {
    entry,
    explanation,
    words: a.words.map((word) => ({ word, keys: new Set([word.key, ...word.readings.filter((r) => r.factor >= FIRM_READING).map((r) => r.key)]) })),
    entities: [...a.entities.keys()].sort(),
    normalized: a.normalized.replace(/[^\p{L}\p{N}]+/gu, ' ').trim(),
  };
}

/** Same language, same entities, and most of their words (by weight) in common; or the same text. */
function sameGroup(a: Read, b: Read): boolean {
  if (a.entry.lang !== b.entry.lang) return false;
  if (a.normalized === b.normalized) return true;
  if (a.entities.join() !== b.entities.join()) return false;
  const shared = (x: Read, y: Read) => x.words.filter((w) => y.words.some((v) => [...w.keys].some((k) => v.keys.has(k)))).reduce((s, w) => s + w.word.weight, 0);
  const total = [...a.words, ...b.words].reduce((s, w) => s + w.word.weight, 0);
  return total > 0 && (shared(a, b) + shared(b, a)) / total >= SAME_GROUP;
}

function summarize(group: Read[], resolver: Resolver): QuestionGroup {
  const entries = group.map((r) => r.entry);
  const byText = new Map<string, Set<string>>();
  for (const e of entries) byText.set(e.text, (byText.get(e.text) ?? new Set()).add(e.asker));
  const examples = [...byText].map(([text, askers]) => ({ text, askers: askers.size })).sort((a, b) => b.askers - a.askers);
  const statuses: Record<LoggedStatus, number> = { unknown: 0, unsure: 0, wrong: 0 };
  for (const e of entries) statuses[e.status] += 1;
  const leaned = mostLeanedTo(entries);
  // The verdict reads the most asked wording (its first entry).
  const anchor = group.find((r) => r.entry.text === examples[0]?.text) ?? group[0]!;
  const answer = anchor.explanation.answer;
  return {
    lang: anchor.entry.lang,
    entities: anchor.entities,
    entries,
    askers: new Set(entries.map((e) => e.asker)).size,
    examples: examples.slice(0, EXAMPLES),
    statuses,
    ...(leaned ? { leaned } : {}),
    now: { status: answer.status, ...(answer.factIds[0] ? { factId: answer.factIds[0] } : {}), score: probabilityOf(anchor.explanation, answer.factIds[0]) },
    verdict: verdictOf(anchor, statuses.wrong * 2 > entries.length ? leaned?.factId : undefined, resolver),
  };
}

function mostLeanedTo(entries: LoggedQuestion[]): { factId: string; score: number } | undefined {
  const scores = new Map<string, number[]>();
  for (const e of entries) if (e.factId) scores.set(e.factId, [...(scores.get(e.factId) ?? []), e.score]);
  const [factId, list] = [...scores].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  return factId && list ? { factId, score: Math.round((list.reduce((s, x) => s + x, 0) / list.length) * 1000) / 1000 } : undefined;
}

function probabilityOf(e: Explanation, factId: string | undefined): number {
  const p = e.candidates.find((c) => c.fact.id === factId)?.probability ?? e.decision?.best?.probability ?? e.answer.confidence;
  return Math.round(p * 1000) / 1000;
}

/**
 * The verdict on a group from its anchor question. `wrongFact`: the answer members marked "Not what I asked"
 * (when most of the group are such marks), which is then ruled out as the answer.
 */
function verdictOf(anchor: Read, wrongFact: string | undefined, resolver: Resolver): Verdict {
  const e = anchor.explanation;
  const answer = e.answer;
  const question = anchor.entry.text;
  const nowFact = answer.factIds[0];
  if (answer.status === 'answered' && nowFact && nowFact !== wrongFact) return { kind: 'answered-now', factId: nowFact, score: probabilityOf(e, nowFact) };
  if (!wrongFact) {
    const existing = declinedGap(e, resolver);
    if (existing) return { kind: 'silent', existing };
  }
  const doubt = doubtShare(anchor);
  const marked = wrongFact ? resolver.base.fact(wrongFact) : undefined;
  const markedSimilarity = e.candidates.find((c) => c.fact.id === wrongFact)?.signals.similarity ?? 0;
  // Another answer to what was marked wrong: not one that says the same, and nearly as close to the question.
  const candidates = marked
    ? e.candidates.filter(
        (c) => c.fact.id !== marked.id && !sameAnswer(c.fact, marked, e.analysis.type) && c.signals.similarity >= Math.max(MISSED_SIMILARITY, markedSimilarity - RIVAL_MARGIN),
      )
    : e.candidates;
  // The fact the bot offered as its guess, else its best candidate.
  const leaning = (!wrongFact && answer.status === 'unsure' ? candidates.find((c) => c.fact.id === nowFact) : undefined) ?? candidates[0];
  if (leaning && !e.analysis.unknownName && doubt <= DOUBT_SHARE && explains(leaning, !wrongFact && answer.status === 'unsure'))
    return { kind: 'missed', factId: leaning.fact.id, question, ...(leaning.signals.similarity >= ALREADY_ASKED ? { alreadyAsked: true } : {}) };
  // What the question is about: the answer marked wrong, or a fact whose text explains most of its words
  // (firmly: a guessed correction does not count), else an entity it names.
  const about = wrongFact ?? (leaning && firmCoverage(anchor, resolver, leaning.fact.id) >= ABOUT_COVERAGE ? leaning.fact.id : undefined);
  const entity = about ? undefined : [...e.analysis.entities].find(([, named]) => !named.descriptor)?.[0];
  const keywords = askedWords(anchor, resolver, about, entity);
  if (keywords.length === 0 || (!about && !entity)) return { kind: 'silent' };
  return { kind: 'silent', gap: { target: about ? { fact: about } : { entity: entity! }, keywords } };
}

/** Whether a candidate answers the question: it covers the question's words and is close or likely (or was the bot's own guess). */
function explains(c: Candidate, guessed: boolean): boolean {
  const s = c.signals;
  if (s.coverage < MISSED_COVERAGE || s.typeMismatch > 0 || s.entityMissing > 0) return false;
  return guessed || s.similarity >= MISSED_SIMILARITY || c.probability >= MISSED_PROBABILITY;
}

/** Share of the question's weight in words the fact base does not know or knows only as a guessed correction. */
function doubtShare(r: Read): number {
  const total = r.words.reduce((s, w) => s + w.word.weight, 0);
  if (total === 0) return 1;
  const doubtful = r.words.filter((w) => !w.word.known || !w.word.readings.some((x) => x.factor >= FIRM_READING)).reduce((s, w) => s + w.word.weight, 0);
  return doubtful / total;
}

/** Share of the question's weight in words the fact's texts use (by a firm reading). */
function firmCoverage(r: Read, resolver: Resolver, factId: string): number {
  const total = r.words.reduce((s, w) => s + w.word.weight, 0);
  return total > 0 ? r.words.filter((w) => explainedBy(resolver, factId, w.word)).reduce((s, w) => s + w.word.weight, 0) / total : 0;
}

/** Whether any text of the fact (answer, questions, title, aliases…) has the word, by a firm reading. */
function explainedBy(resolver: Resolver, factId: string, w: QueryWord): boolean {
  return [w.key, ...w.readings.filter((r) => r.factor >= FIRM_READING).map((r) => r.key)].some((k) => resolver.index.has(k, factId));
}

/**
 * The words that ask for what is missing: those no text of the fact uses and the entity's name does not say,
 * masked parts and numbers aside. A word of the fact's own questions never becomes a gap keyword: the bot
 * would then decline those questions.
 */
function askedWords(r: Read, resolver: Resolver, factId: string | undefined, entity: string | undefined): string[] {
  const masks = new Set(Object.values(MASKS).map((m) => m.replace(/[^\p{L}]/gu, '')));
  return r.words
    .map((w) => w.word)
    .filter((w) => !/^\d+$/.test(w.word) && !masks.has(w.word))
    .filter((w) => !(factId && explainedBy(resolver, factId, w)))
    .filter((w) => !(entity && resolver.index.entitiesNamed(new Set(w.readings.map((x) => x.key))).has(entity)))
    .map((w) => w.word);
}

/** The gap the bot's reply declined with, if it did: one of its fact's gaps or of a named entity's. */
function declinedGap(e: Explanation, resolver: Resolver): { target: GapTarget; about: string } | undefined {
  const answer = e.answer;
  if (answer.status !== 'unknown') return undefined;
  const base = resolver.base;
  const fact = answer.factIds[0] ? base.fact(answer.factIds[0]) : undefined;
  for (const gap of fact?.gaps ?? []) if (answer.answer.includes(gap.about[answer.lang])) return { target: { fact: fact!.id }, about: gap.about[answer.lang] };
  for (const id of e.analysis.entities.keys())
    for (const gap of base.entity(id)?.gaps ?? []) if (answer.answer.includes(gap.about[answer.lang])) return { target: { entity: id }, about: gap.about[answer.lang] };
  return undefined;
}
