import Fuse from 'fuse.js';
import type { FactBase } from '../facts/fact-base.js';
import { LANGS, type Fact, type Lang } from '../facts/schema.js';
import { analyze, keysOf } from './analyzer.js';
import { questionType, type QuestionType } from './question-type.js';
import { normalize } from '../text/normalize.js';

/** How strongly a field ties a word to a fact: the ways people ask count most, the answer's wording less. */
const FIELD_WEIGHT = { question: 1, alias: 1, title: 0.85, short: 0.7, answer: 0.55 } as const;

/** Words are grouped for fuzzy search by first letter and length: typing errors rarely hit the first letter. */
function bucketOf(word: string): string {
  return `${word[0]}${word.length}`;
}

/** One alternate question of a fact, ready for similarity scoring. */
export interface IndexedQuestion {
  factId: string;
  lang: Lang;
  text: string;
  keys: Set<string>;
  /** For yes/no questions: the answer the fact gives. */
  yesno?: 'yes' | 'no';
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

  }

  private addFact(fact: Fact): void {
    const add = (text: string, lang: Lang | undefined, weight: number) => {
      for (const t of analyze(text, lang)) {
        this.learnWord(t.word, t.key);
        let perFact = this.postings.get(t.key);
        if (!perFact) this.postings.set(t.key, (perFact = new Map<string, number>()));
        if ((perFact.get(fact.id) ?? 0) < weight) perFact.set(fact.id, weight);
      }
    };
    for (const lang of LANGS) {
      for (const q of fact.questions[lang]) {
        add(q, lang, FIELD_WEIGHT.question);
        this.addQuestion(fact.id, lang, q);
      }
      for (const yn of fact.yesno?.[lang] ?? []) {
        add(yn.q, lang, FIELD_WEIGHT.question);
        this.addQuestion(fact.id, lang, yn.q, yn.a);
      }
      add(fact.title[lang], lang, FIELD_WEIGHT.title);
      add(fact.short[lang], lang, FIELD_WEIGHT.short);
      add(fact.answer[lang], lang, FIELD_WEIGHT.answer);
    }
    for (const alias of fact.aliases) add(alias, undefined, FIELD_WEIGHT.alias);
    // Gap keywords are not added to the postings: they must not draw a question to the fact, only tell,
    // once the fact is found, that the question asks what the source leaves unsaid.
    this.gapKeys.set(fact.id, (fact.gaps ?? []).map((g) => new Set(g.keywords.flatMap((k) => keysOf(k)))));
    for (const id of fact.entities) {
      const entity = this.base.entity(id);
      if (!entity) continue;
      for (const lang of LANGS) add(entity.name[lang], lang, FIELD_WEIGHT.alias);
      for (const alias of entity.aliases) add(alias, undefined, FIELD_WEIGHT.alias);
    }
  }

  private addQuestion(factId: string, lang: Lang, text: string, yesno?: 'yes' | 'no'): void {
    const q: IndexedQuestion = { factId, lang, text, keys: new Set(keysOf(text, lang)), yesno };
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
    return Math.log(1 + this.factCount / (this.df(key) + 0.5));
  }

  /**
   * The known words closest to a misspelled one (fuse.js over words with the same first letter, since
   * typing errors rarely hit the first letter), each with a similarity in (0, 1].
   */
  corrections(word: string, limit = 3): { word: string; key: string; similarity: number }[] {
    if (word.length < 4 || /\d/.test(word)) return [];
    const hits: { item: string; score: number }[] = [];
    // A typo changes the length by at most a letter or two: search the buckets of nearby lengths only.
    for (let len = word.length - 2; len <= word.length + 2; len++) {
      const fuse = this.fuzzyFor(`${word[0]}${len}`);
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
