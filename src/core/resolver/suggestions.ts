import type { FactBase } from '../facts/fact-base.js';
import { LANGS, type Fact, type Lang } from '../facts/schema.js';
import { normalize, tokenize } from '../text/normalize.js';
import { datePrecision } from '../facts/date-precision.js';
import { sameAnswer } from './decision.js';
import { questionType, type QuestionType } from './question-type.js';
import type { SearchIndex } from './search-index.js';
import type { ResolvedAnswer, Suggestion } from './types.js';

/** Entities involved in at least this share of the facts (the country, its president) relate nothing. */
const GENERIC_SHARE = 0.2;
/** Two questions whose word sets overlap this much (Jaccard) ask the same thing in other words. */
const SAME_WORDING = 0.7;
/** A question as a button reads: a capital (or quote) first and a question mark last, not a keyword query. */
const WELL_FORMED = /^[\p{Lu}«"“].*\?$/u;

/** What suggestions must relate to: a question's best facts, and the events and telling entities of both. */
export interface Anchor {
  facts: ReadonlySet<string>;
  events: ReadonlySet<string>;
  entities: ReadonlySet<string>;
}

/** How to pick: how many, related to what, and next to which facts already on the screen. */
export interface PickOptions {
  limit: number;
  /** Only facts that share an event or a telling entity with it; any fact when absent. */
  anchor?: Anchor;
  /** What the user typed: of a fact's questions, those that share its words are offered first. */
  prefer?: string;
  /** Facts already on the screen (the answer itself): nothing that duplicates them. */
  shown?: readonly Fact[];
  /** At most one suggestion per event (choices that are different answers, not sides of one occasion). */
  onePerEvent?: boolean;
}

/**
 * The one rule for every question the bot offers (topic lists, "did you mean", a decline's suggestions,
 * related questions, examples): a question the bot answers well (asked as typed, with no context, it gets a
 * confident answer from that very fact), related to what was asked (a shared event or entity, not just a
 * word), and no duplicate of another on the same screen (the same fact, facts that give the same answer, or
 * the same question in other words).
 */
export class Suggestions {
  /** `factId:lang:question` -> whether the bot answers that question well with that fact. */
  private readonly checked = new Map<string, boolean>();
  /** True while a question is being checked: the check's own reply needs no checked suggestions. */
  private checking = false;
  /** Each offered question's type and words (see {@link reading}). */
  private readonly readings = new Map<string, { type: QuestionType; words: ReadonlySet<string> }>();
  /** Entities too common to relate two facts. */
  private readonly generic = new Set<string>();

  constructor(
    private readonly base: FactBase,
    private readonly index: SearchIndex,
    /** Resolves a question as a user would type it in `lang`, with no conversation context. */
    private readonly resolve: (question: string, lang: Lang) => ResolvedAnswer,
  ) {
    const counts = new Map<string, number>();
    for (const ids of index.involved.values()) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, n] of counts) if (n >= base.facts.length * GENERIC_SHARE) this.generic.add(id);
    for (const id of index.background) this.generic.add(id);
  }

  /** The fact's first well-formed question in `lang`, unchecked (for the guess a reply is about, which is not offered). */
  plain(fact: Fact, lang: Lang): Suggestion {
    const questions = fact.questions[lang];
    return { factId: fact.id, question: questions.find((q) => WELL_FORMED.test(q)) ?? questions[0] ?? fact.title[lang] };
  }

  /**
   * The fact as a question to offer in `lang`: a well-formed question of the fact that the bot answers well
   * (status `answered`, that fact first), or undefined when none does. The fact's questions are tried in
   * data order, or, given the words a user typed, those that share most of them first (a choice reads as
   * what was asked). Each question is checked once.
   */
  of(fact: Fact, lang: Lang, prefer?: string | ReadonlySet<string>): Suggestion | undefined {
    let questions = fact.questions[lang].filter((q) => WELL_FORMED.test(q));
    if (this.checking) return questions[0] !== undefined ? { factId: fact.id, question: questions[0] } : this.plain(fact, lang);
    if (prefer) {
      const typed = typeof prefer === 'string' ? new Set(tokenize(normalize(prefer))) : prefer;
      const overlap = (q: string) => [...this.reading(q).words].filter((w) => typed.has(w)).length;
      questions = questions.map((q, i) => ({ q, i, n: overlap(q) })).sort((a, b) => b.n - a.n || a.i - b.i).map((x) => x.q);
    }
    const question = questions.find((q) => this.answersWell(fact, q, lang));
    return question === undefined ? undefined : { factId: fact.id, question };
  }

  /**
   * Checks every question the bot could offer, at once (for the index artefact, so that a start does not pay
   * for the checks on its first questions): the keys of those it answers well, for {@link seed}.
   */
  checkAll(): string[] {
    const good: string[] = [];
    for (const fact of this.base.facts)
      for (const lang of LANGS)
        for (const q of fact.questions[lang]) if (WELL_FORMED.test(q) && this.answersWell(fact, q, lang)) good.push(checkKey(fact, lang, q));
    return good;
  }

  /**
   * Takes the result of an earlier {@link checkAll} on the same data and code: the questions listed answer
   * well, every other question that could be offered does not.
   */
  seed(answeredWell: readonly string[]): void {
    for (const fact of this.base.facts) for (const lang of LANGS) for (const q of fact.questions[lang]) this.checked.set(checkKey(fact, lang, q), false);
    for (const key of answeredWell) this.checked.set(key, true);
  }

  /**
   * An offered question's type and words, read once: questions come from the fact base, so the cache is
   * bounded by it (a `plain` fallback to a title adds at most one entry per fact and language).
   */
  private reading(question: string): { type: QuestionType; words: ReadonlySet<string> } {
    let r = this.readings.get(question);
    if (!r) {
      const n = normalize(question);
      r = { type: questionType(n), words: new Set(tokenize(n)) };
      this.readings.set(question, r);
    }
    return r;
  }

  /** Whether asking `question` (in `lang`, no context) gets a confident answer from the fact. */
  private answersWell(fact: Fact, question: string, lang: Lang): boolean {
    const key = checkKey(fact, lang, question);
    const known = this.checked.get(key);
    if (known !== undefined) return known;
    this.checking = true;
    try {
      const answer = this.resolve(question, lang);
      const ok = answer.status === 'answered' && answer.lang === lang && answer.factIds[0] === fact.id;
      this.checked.set(key, ok);
      return ok;
    } finally {
      this.checking = false;
    }
  }

  /** The events and telling entities of some facts and of the entities a question names. */
  anchor(facts: readonly Fact[], named: Iterable<string> = []): Anchor {
    const events = new Set<string>();
    const entities = new Set<string>();
    for (const f of facts) {
      if (f.event) events.add(f.event);
      for (const e of this.telling(f)) entities.add(e);
    }
    for (const e of named) if (!this.generic.has(e)) (this.base.entity(e)?.kind === 'event' ? events : entities).add(e);
    return { facts: new Set(facts.map((f) => f.id)), events, entities };
  }

  /** Whether an anchor has anything to relate to. */
  static isEmpty(anchor: Anchor): boolean {
    return anchor.facts.size === 0 && anchor.events.size === 0 && anchor.entities.size === 0;
  }

  /** Whether a fact is one of the anchor's, or shares an event or a telling entity with it. */
  relates(fact: Fact, anchor: Anchor): boolean {
    if (anchor.facts.has(fact.id)) return true;
    if (fact.event && (anchor.events.has(fact.event) || anchor.entities.has(fact.event))) return true;
    for (const e of this.telling(fact)) if (anchor.entities.has(e) || anchor.events.has(e)) return true;
    return false;
  }

  /**
   * Whether two offered questions duplicate each other: the same fact, facts that give the same answer to
   * questions of one kind, facts that tell one occurrence, or questions that say nearly the same words.
   */
  duplicates(a: Fact, qa: string, b: Fact, qb: string): boolean {
    if (a.id === b.id) return true;
    const ra = this.reading(qa);
    const rb = this.reading(qb);
    // The same answer to the same kind of question ("when", "who"…), or a list and one of its items; a "when"
    // and a "was it planned?" about one visit are two questions.
    const type = ra.type;
    if (sameAnswer(a, b, 'what') || (type === rb.type && sameAnswer(a, b, type))) return true;
    // Two facts that tell the same occurrence (events of one occasion whose dates agree): "the referendum
    // recalled, last year" and "the referendum of 5 June".
    if (a.kind === 'event' && b.kind === 'event' && sameAnswer(a, b, 'when')) return true;
    const wa = ra.words;
    const wb = rb.words;
    const shared = [...wa].filter((w) => wb.has(w)).length;
    return shared / (wa.size + wb.size - shared || 1) >= SAME_WORDING;
  }

  /**
   * Up to `limit` questions from the candidates, in their order: each one the bot answers well, related to
   * the anchor when there is one, and no duplicate of another picked or of the facts already shown.
   * Among facts that duplicate each other, the one with the more precise date is kept.
   */
  pick(candidates: Iterable<Fact>, lang: Lang, options: PickOptions): Suggestion[] {
    const picked: { fact: Fact; s: Suggestion }[] = [];
    // What the user typed, read once for all candidates.
    const typed = options.prefer ? new Set(tokenize(normalize(options.prefer))) : undefined;
    const shown = (options.shown ?? []).map((f) => ({ fact: f, s: this.plain(f, lang) }));
    for (const fact of candidates) {
      // Once full, only a more precise twin of a picked fact (same event) can still change the list.
      if (picked.length >= options.limit && !picked.some((p) => p.fact.event && p.fact.event === fact.event)) continue;
      if (options.anchor && !this.relates(fact, options.anchor)) continue;
      if (options.onePerEvent && fact.event && picked.some((p) => p.fact.event === fact.event)) continue;
      const s = this.of(fact, lang, typed);
      if (!s) continue;
      if (shown.some((o) => this.duplicates(o.fact, o.s.question, fact, s.question))) continue;
      const twins = picked.filter((p) => this.duplicates(p.fact, p.s.question, fact, s.question));
      if (twins.length === 0) {
        if (picked.length < options.limit) picked.push({ fact, s });
      } else if (twins.every((t) => datePrecision(fact) > datePrecision(t.fact))) {
        // It takes the place of the first of its twins, and the others go.
        const at = picked.indexOf(twins[0] as (typeof picked)[number]);
        picked.splice(at, 1, { fact, s });
        for (const t of twins.slice(1)) picked.splice(picked.indexOf(t), 1);
      }
    }
    return picked.map((p) => p.s);
  }

  /** The entities of a fact that tell what it is about (not the country or its president). */
  private telling(fact: Fact): string[] {
    return [...(this.index.involved.get(fact.id) ?? fact.entities)].filter((e) => !this.generic.has(e));
  }
}

/** The key of one check: a fact, a language and one of its questions. */
function checkKey(fact: Fact, lang: Lang, question: string): string {
  return `${fact.id}:${lang}:${question}`;
}
