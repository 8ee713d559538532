import Fuse from 'fuse.js';
import type { FactBase } from '../facts/fact-base.js';
import { LANGS, type Fact, type Lang } from '../facts/schema.js';
import { analyze, keysOf, type Term } from './analyzer.js';
import { questionType, type QuestionType } from './question-type.js';
import { normalize } from '../text/normalize.js';

/** How strongly a field ties a word to a fact: the ways people ask count most, the answer's wording less. */
const FIELD_WEIGHT = { question: 1, alias: 1, title: 0.85, short: 0.7, answer: 0.55 } as const;

/**
 * Words are grouped for fuzzy search by their first two letters and their length: typing errors rarely hit
 * the start of a word, and small groups keep a correction well under a millisecond.
 */
function bucketOf(word: string, length = word.length): string {
  return `${word.slice(0, 2)}${length}`;
}

/** One alternate question of a fact, ready for similarity scoring. */
export interface IndexedQuestion {
  /** Position in {@link SearchIndex.questions}. */
  index: number;
  factId: string;
  lang: Lang;
  text: string;
  keys: Set<string>;
  /** For yes/no questions: the answer the fact gives. */
  yesno?: 'yes' | 'no';
  /** Sum of the IDF of its keys (set once the index is complete). */
  weight: number;
}

/**
 * The resolver's search structures, built once from the fact base: per-fact term weights with an
 * inverted index, document frequencies, every alternate question, and a fuzzy vocabulary for misspellings.
 */
export class SearchIndex {
  /** key -> (fact id -> field weight) */
  readonly postings = new Map<string, Map<string, number>>();
  /** key -> questions containing it */
  readonly questionPostings = new Map<string, IndexedQuestion[]>();
  readonly questions: IndexedQuestion[] = [];
  /** Every word of the fact base -> its key, for checking whether a query word is known. */
  readonly vocabulary = new Map<string, string>();
  private readonly fuzzyByInitial = new Map<string, Fuse<string>>();
  private readonly wordsByInitial = new Map<string, string[]>();
  readonly factCount: number;
  private readonly entityTermCache = new Map<string, Term[]>();
  private readonly idfByKey = new Map<string, number>();
  /** key -> the keys of its synonyms. */
  readonly synonymKeys = new Map<string, Set<string>>();
  /** key of a person's or place's name -> entity ids, to notice a question about someone else. */
  readonly entityKeys = new Map<string, Set<string>>();
  /** fact id -> for each of its gaps, the keys of the words that ask for it. */
  readonly gapKeys = new Map<string, Set<string>[]>();
  /** fact id -> the kinds of question its alternate questions are (when, who, why…). */
  readonly questionTypes = new Map<string, Set<QuestionType>>();

  constructor(readonly base: FactBase) {
    this.factCount = base.facts.length;
    for (const e of base.entities) {
      if (e.kind !== 'person' && e.kind !== 'place') continue;
      // Only the distinctive last word of a name: "Vladimir Putin" -> "putin".
      for (const name of [...LANGS.map((l) => e.name[l]), ...e.aliases]) {
        const last = analyze(name).at(-1);
        if (!last || last.key.length < 4) continue;
        let ids = this.entityKeys.get(last.key);
        if (!ids) this.entityKeys.set(last.key, (ids = new Set()));
        ids.add(e.id);
      }
    }
    for (const fact of base.facts) this.addFact(fact);
    for (const group of base.synonyms) {
      const keys = group.flatMap((w) => analyze(w).map((t) => t.key));
      for (const k of keys) {
        let set = this.synonymKeys.get(k);
        if (!set) this.synonymKeys.set(k, (set = new Set()));
        for (const other of keys) if (other !== k) set.add(other);
      }
    }
    // IDF is final only now that every fact is in; questions' weights and the IDF table follow from it.
    for (const key of this.postings.keys()) this.idfByKey.set(key, this.computeIdf(key));
    for (const q of this.questions) for (const k of q.keys) q.weight += this.idf(k);

  }

  private addFact(fact: Fact): void {
    const add = (terms: readonly Term[], weight: number) => {
      for (const t of terms) {
        this.learnWord(t.word, t.key);
        let perFact = this.postings.get(t.key);
        if (!perFact) this.postings.set(t.key, (perFact = new Map<string, number>()));
        if ((perFact.get(fact.id) ?? 0) < weight) perFact.set(fact.id, weight);
      }
    };
    for (const lang of LANGS) {
      // Each text is analysed once: its terms feed both the fact's postings and its question entry.
      for (const q of fact.questions[lang]) {
        const terms = analyze(q, lang);
        add(terms, FIELD_WEIGHT.question);
        this.addQuestion(fact.id, lang, q, terms);
      }
      for (const yn of fact.yesno?.[lang] ?? []) {
        const terms = analyze(yn.q, lang);
        add(terms, FIELD_WEIGHT.question);
        this.addQuestion(fact.id, lang, yn.q, terms, yn.a);
      }
      add(analyze(fact.title[lang], lang), FIELD_WEIGHT.title);
      add(analyze(fact.short[lang], lang), FIELD_WEIGHT.short);
      add(analyze(fact.answer[lang], lang), FIELD_WEIGHT.answer);
    }
    for (const alias of fact.aliases) add(analyze(alias), FIELD_WEIGHT.alias);
    // Gap keywords are not added to the postings: they must not draw a question to the fact, only tell,
    // once the fact is found, that the question asks what the source leaves unsaid.
    this.gapKeys.set(fact.id, (fact.gaps ?? []).map((g) => new Set(g.keywords.flatMap((k) => keysOf(k)))));
    for (const id of fact.entities) add(this.entityTerms(id), FIELD_WEIGHT.alias);
  }

  /** An entity's names and aliases as terms, analysed once however many facts name the entity. */
  private entityTerms(id: string): Term[] {
    let terms = this.entityTermCache.get(id);
    if (terms) return terms;
    const entity = this.base.entity(id);
    terms = entity ? [...LANGS.flatMap((l) => analyze(entity.name[l], l)), ...entity.aliases.flatMap((a) => analyze(a))] : [];
    this.entityTermCache.set(id, terms);
    return terms;
  }

  private addQuestion(factId: string, lang: Lang, text: string, terms: readonly Term[], yesno?: 'yes' | 'no'): void {
    const q: IndexedQuestion = { index: this.questions.length, factId, lang, text, keys: new Set(terms.map((t) => t.key)), yesno, weight: 0 };
    let types = this.questionTypes.get(factId);
    if (!types) this.questionTypes.set(factId, (types = new Set()));
    types.add(questionType(normalize(text)));
    this.questions.push(q);
    for (const k of q.keys) {
      let list = this.questionPostings.get(k);
      if (!list) this.questionPostings.set(k, (list = []));
      list.push(q);
    }
  }

  private learnWord(word: string, key: string): void {
    if (this.vocabulary.has(word)) return;
    this.vocabulary.set(word, key);
    if (word.length < 4 || /\d/.test(word)) return;
    const initial = bucketOf(word);
    let list = this.wordsByInitial.get(initial);
    if (!list) this.wordsByInitial.set(initial, (list = []));
    list.push(word);
  }

  /** The fuse.js index of one bucket (first letter and length), built on first use. */
  private fuzzyFor(bucket: string): Fuse<string> | undefined {
    let fuse = this.fuzzyByInitial.get(bucket);
    if (fuse) return fuse;
    const words = this.wordsByInitial.get(bucket);
    if (!words) return undefined;
    fuse = new Fuse(words, { includeScore: true, threshold: 0.34, distance: 20, minMatchCharLength: 3 });
    this.fuzzyByInitial.set(bucket, fuse);
    return fuse;
  }

  /** Number of facts a key occurs in. */
  df(key: string): number {
    return this.postings.get(key)?.size ?? 0;
  }

  /** Inverse document frequency; a key no fact has gets the highest weight, so it pulls coverage down. */
  idf(key: string): number {
    return this.idfByKey.get(key) ?? this.computeIdf(key);
  }

  private computeIdf(key: string): number {
    return Math.log(1 + this.factCount / (this.df(key) + 0.5));
  }

  /**
   * The known words closest to a misspelled one (fuse.js over the words that start alike and have nearly
   * the same length), each with a similarity in (0, 1].
   */
  corrections(word: string, limit = 3): { word: string; key: string; similarity: number }[] {
    if (word.length < 4 || /\d/.test(word)) return [];
    const hits: { item: string; score: number }[] = [];
    // A typo changes the length by at most a letter: search the buckets of nearby lengths only.
    for (let len = word.length - 1; len <= word.length + 1; len++) {
      const fuse = this.fuzzyFor(bucketOf(word, len));
      for (const h of fuse?.search(word, { limit }) ?? []) hits.push({ item: h.item, score: h.score ?? 1 });
    }
    const out: { word: string; key: string; similarity: number }[] = [];
    for (const hit of hits.sort((a, b) => a.score - b.score).slice(0, limit)) {
      const key = this.vocabulary.get(hit.item);
      if (key && hit.item !== word) out.push({ word: hit.item, key, similarity: 1 - hit.score });
    }
    return out;
  }
}
