import Fuse from 'fuse.js';
import type { FactBase } from '../facts/fact-base.js';
import { LANGS, type Entity, type Fact, type Lang } from '../facts/schema.js';
import { foldKazakh } from '../text/kazakh-script.js';
import { analyze, keysOf, type Term } from './analyzer.js';
import { questionType, type QuestionType } from './question-type.js';
import { normalize } from '../text/normalize.js';

/**
 * How strongly a field ties a word to a fact: the ways people ask count most, the answer's wording less;
 * the names and descriptions of the fact's people, places and event in between.
 */
export const FIELD_WEIGHT = {
  question: 1,
  alias: 1,
  entity: 0.9,
  event: 0.85,
  title: 0.85,
  descriptor: 0.75,
  short: 0.7,
  answer: 0.55,
} as const;

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
 * Everything the index computes from the fact base, as plain JSON-able data (see {@link SearchIndex.snapshot}).
 * Bump {@link INDEX_FORMAT} when its shape or the way it is computed changes.
 */
export interface IndexSnapshot {
  /** key -> `[fact number, field weight, …]` (see {@link SearchIndex.postingLists}). */
  postings: [string, number[]][];
  /** The keys of each alternate question, in the order of {@link askedQuestions} over the facts. */
  questions: string[][];
  keysByLang: Record<Lang, string[]>;
  vocabulary: [string, string][];
  synonymKeys: [string, string[]][];
  entityNames: [string, EntityName[]][];
  gapKeys: [string, string[][]][];
  questionTypes: [string, QuestionType[]][];
  involved: [string, string[]][];
  unitKeys: [string, string[]][];
  entityGapKeys: [string, string[][]][];
  contrastKeys: { a: string[]; b: string[] }[];
  phraseAliases: [string, { factId: string; keys: string[] }[]][];
  phraseKeys: string[];
  answerKeys: [string, string[]][];
}

/** The version of {@link IndexSnapshot}'s format. */
export const INDEX_FORMAT = 2;

/** A way of naming an entity: the keys that must all appear in a question for it to name the entity. */
interface EntityName {
  entityId: string;
  keys: string[];
  /** A description ("the ambassador") rather than a name. */
  descriptor: boolean;
}

/** A fact's alternate questions, and its yes/no questions with their answers, language by language: the index's questions, in their order. */
function askedQuestions(fact: Fact): { lang: Lang; text: string; yesno?: 'yes' | 'no' }[] {
  return LANGS.flatMap((lang) => [...fact.questions[lang].map((text) => ({ lang, text })), ...(fact.yesno?.[lang] ?? []).map((yn) => ({ lang, text: yn.q, yesno: yn.a }))]);
}

/**
 * The resolver's search structures, built once from the fact base: per-fact term weights with an inverted
 * index, document frequencies, every alternate question, how each entity is named, and a fuzzy vocabulary
 * for misspellings. Kazakh words are indexed through their folded form (see foldKazakh), so questions typed
 * without Kazakh letters or in Latin script find them.
 */
export class SearchIndex {
  /**
   * key -> the facts whose texts have it, with the weight of the field it is in (the highest), as a flat list
   * `[fact number, field weight, …]`, a fact's number being its place in `base.facts`. Scoring reads it for
   * every word of every question into arrays indexed by fact (signals.ts); a flat list of numbers is also
   * what the artefact restores with the least work.
   */
  readonly postingLists = new Map<string, number[]>();
  /** fact id -> its number (its place in `base.facts`). */
  readonly factNumber = new Map<string, number>();
  /** key -> the indexes (in {@link questions}) of the questions containing it */
  readonly questionPostings = new Map<string, number[]>();
  readonly questions: IndexedQuestion[] = [];
  /** question index (in {@link questions}) -> the number of its fact, -1 for none: read for every question a query touches. */
  readonly questionFact: Int32Array;
  /** question index -> its weight (the IDF of its keys, summed): a read-only copy of each question's `weight`, kept in one typed array for the scoring loop. */
  readonly questionWeight: Float64Array;
  /** Keys each language's texts use, to tell which reading of a word the fact base knows. */
  readonly keysByLang: Record<Lang, Set<string>> = { en: new Set(), ru: new Set(), kk: new Set() };
  private readonly vocabulary = new Map<string, string>();
  private readonly fuzzyByBucket = new Map<string, Fuse<string>>();
  private readonly wordsByBucket = new Map<string, string[]>();
  readonly factCount: number;
  private readonly entityTermCache = new Map<string, Term[]>();
  private readonly idfByKey = new Map<string, number>();
  /** key -> the keys of its synonyms. */
  readonly synonymKeys = new Map<string, Set<string>>();
  /** first key of a name -> the names that start with it. */
  private readonly entityNames = new Map<string, EntityName[]>();
  /** fact id -> for each of its gaps, the keys of the words that ask for it. */
  readonly gapKeys = new Map<string, Set<string>[]>();
  /** fact id -> the kinds of question its alternate questions are (when, who, why…). */
  readonly questionTypes = new Map<string, Set<QuestionType>>();
  /** fact id -> every entity it involves: its entities, speaker, event and value entity. */
  readonly involved = new Map<string, Set<string>>();
  /** Entities named in at least half of the facts (the country, its president): naming them tells little. */
  readonly background = new Set<string>();
  /** unit of a typed number -> the keys of the words that name what it counts (data/units.json). */
  readonly unitKeys = new Map<string, Set<string>>();
  /** entity id -> its gaps (details the source never gives about it), each with the keys of its keywords. */
  readonly entityGapKeys = new Map<string, { gap: NonNullable<Entity['gaps']>[number]; keys: Set<string> }[]>();
  /** Each pair of contradicting word groups (data/contrasts.json) as keys. */
  readonly contrastKeys: { a: Set<string>; b: Set<string> }[] = [];
  /** first key of a phrase alias -> the facts it points at, with all its keys. */
  readonly phraseAliases = new Map<string, { factId: string; keys: string[] }[]>();
  /** Every key that occurs in a phrase alias. */
  readonly phraseKeys = new Set<string>();
  /** fact id -> the keys of its answer in every language (what it says, as opposed to how it is asked). */
  readonly answerKeys = new Map<string, Set<string>>();

  constructor(
    readonly base: FactBase,
    /** A snapshot of this index taken on the same data (see {@link snapshot}): restored instead of built. */
    snapshot?: IndexSnapshot,
  ) {
    this.factCount = base.facts.length;
    base.facts.forEach((f, i) => this.factNumber.set(f.id, i));
    if (snapshot) this.restore(snapshot);
    else this.build();
    // Derived from the above either way: IDF, the questions' weights, their postings, the background.
    for (const key of this.postingLists.keys()) this.idfByKey.set(key, this.computeIdf(key));
    for (const q of this.questions) {
      for (const k of q.keys) {
        q.weight += this.idf(k);
        let list = this.questionPostings.get(k);
        if (!list) this.questionPostings.set(k, (list = []));
        list.push(q.index);
      }
    }
    this.questionFact = Int32Array.from(this.questions, (q) => this.factNumber.get(q.factId) ?? -1);
    this.questionWeight = Float64Array.from(this.questions, (q) => q.weight);
    const counts = new Map<string, number>();
    for (const ids of this.involved.values()) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, n] of counts) if (n >= this.factCount * 0.5) this.background.add(id);
  }

  /** Builds every structure from the fact base (the costly part: every text analysed in every language). */
  private build(): void {
    const base = this.base;
    /** key -> (fact number -> the highest field weight), turned into the flat lists at the end. */
    const postings = new Map<string, Map<number, number>>();
    for (const e of base.entities) {
      this.addEntityNames(e);
      const gaps = (e.gaps ?? []).map((gap) => ({ gap, keys: new Set(gap.keywords.flatMap((k) => [k.toLowerCase(), ...LANGS.flatMap((l) => keysOf(k, l))])) }));
      if (gaps.length) this.entityGapKeys.set(e.id, gaps);
    }
    this.dropAmbiguousNames();
    for (const pair of base.contrasts) {
      const keys = (side: typeof pair.a) => new Set(LANGS.flatMap((l) => side[l].flatMap((w) => keysOf(w, l))));
      const a = keys(pair.a);
      const b = keys(pair.b);
      // A key on both sides (Kazakh roots cut short: "мерзімінде" / "мерзімінен") tells nothing.
      for (const k of [...a])
        if (b.has(k)) {
          a.delete(k);
          b.delete(k);
        }
      this.contrastKeys.push({ a, b });
    }
    for (const [unit, words] of Object.entries(base.units))
      this.unitKeys.set(unit, new Set(LANGS.flatMap((l) => words[l].flatMap((w) => keysOf(w, l)))));
    for (const fact of base.facts) this.addFact(fact, postings);
    for (const [key, perFact] of postings) this.postingLists.set(key, [...perFact].flat());
    for (const group of base.synonyms) {
      const keys = [...new Set(group.flatMap((w) => LANGS.flatMap((l) => analyze(w, l).map((t) => t.key))))];
      for (const k of keys) {
        let set = this.synonymKeys.get(k);
        if (!set) this.synonymKeys.set(k, (set = new Set()));
        for (const other of keys) if (other !== k) set.add(other);
      }
    }
  }

  /** Everything {@link build} computes, as plain data: saved once per data version and restored at start. */
  snapshot(): IndexSnapshot {
    const sets = <K>(m: Map<K, Set<string>>) => [...m].map(([k, v]) => [k, [...v]] as [K, string[]]);
    return {
      postings: [...this.postingLists],
      questions: this.questions.map((q) => [...q.keys]),
      keysByLang: { en: [...this.keysByLang.en], ru: [...this.keysByLang.ru], kk: [...this.keysByLang.kk] },
      vocabulary: [...this.vocabulary],
      synonymKeys: sets(this.synonymKeys),
      entityNames: [...this.entityNames],
      gapKeys: [...this.gapKeys].map(([k, v]) => [k, v.map((s) => [...s])]),
      questionTypes: [...this.questionTypes].map(([k, v]) => [k, [...v]]),
      involved: sets(this.involved),
      unitKeys: sets(this.unitKeys),
      entityGapKeys: [...this.entityGapKeys].map(([k, v]) => [k, v.map((g) => [...g.keys])]),
      contrastKeys: this.contrastKeys.map((c) => ({ a: [...c.a], b: [...c.b] })),
      phraseAliases: [...this.phraseAliases],
      phraseKeys: [...this.phraseKeys],
      answerKeys: sets(this.answerKeys),
    };
  }

  private restore(s: IndexSnapshot): void {
    for (const [k, list] of s.postings) this.postingLists.set(k, list);
    // The questions' texts come from the fact base (the same data, as the artefact's fingerprint says), their keys from the snapshot.
    const keys = s.questions[Symbol.iterator]();
    for (const fact of this.base.facts)
      for (const q of askedQuestions(fact)) {
        const k = keys.next();
        if (k.done) throw new Error('index snapshot: fewer questions than the fact base asks');
        this.addQuestion(fact.id, q.lang, q.text, new Set(k.value), q.yesno);
      }
    if (!keys.next().done) throw new Error('index snapshot: more questions than the fact base asks');
    for (const l of LANGS) for (const k of s.keysByLang[l]) this.keysByLang[l].add(k);
    for (const [word, key] of s.vocabulary) this.remember(word, key);
    for (const [k, v] of s.synonymKeys) this.synonymKeys.set(k, new Set(v));
    for (const [k, v] of s.entityNames) this.entityNames.set(k, v);
    for (const [k, v] of s.gapKeys) this.gapKeys.set(k, v.map((x) => new Set(x)));
    for (const [k, v] of s.questionTypes) this.questionTypes.set(k, new Set(v));
    for (const [k, v] of s.involved) this.involved.set(k, new Set(v));
    for (const [k, v] of s.unitKeys) this.unitKeys.set(k, new Set(v));
    for (const [id, v] of s.entityGapKeys) {
      const gaps = this.base.entity(id)?.gaps ?? [];
      this.entityGapKeys.set(
        id,
        v.flatMap((keys, i) => (gaps[i] ? [{ gap: gaps[i], keys: new Set(keys) }] : [])),
      );
    }
    for (const c of s.contrastKeys) this.contrastKeys.push({ a: new Set(c.a), b: new Set(c.b) });
    for (const [k, v] of s.phraseAliases) this.phraseAliases.set(k, v);
    for (const k of s.phraseKeys) this.phraseKeys.add(k);
    for (const [k, v] of s.answerKeys) this.answerKeys.set(k, new Set(v));
  }

  private addEntityNames(e: Entity): void {
    const add = (text: string, lang: Lang | undefined, descriptor: boolean) => {
      const langs = lang ? [lang] : LANGS;
      for (const l of langs) {
        const keys = [...new Set(analyze(text, l).map((t) => t.key))];
        if (keys.length === 0 || keys.join('').length < 3) continue;
        const first = keys[0] ?? '';
        let list = this.entityNames.get(first);
        if (!list) this.entityNames.set(first, (list = []));
        if (!list.some((n) => n.entityId === e.id && n.keys.join(' ') === keys.join(' '))) list.push({ entityId: e.id, keys, descriptor });
      }
    };
    for (const l of LANGS) add(e.name[l], l, false);
    for (const a of e.aliases) add(a, undefined, false);
    // A person is also named by the distinctive last word of the name alone ("Putin", "Кошербаев").
    if (e.kind === 'person') for (const l of LANGS) add(e.name[l].split(/\s+/).at(-1) ?? '', l, false);
    for (const l of LANGS) for (const d of e.descriptors?.[l] ?? []) add(d, l, true);
  }

  /**
   * A name that reads the same as another entity's ("Just Kazakhstan" once stop words go is "Kazakhstan")
   * names neither.
   */
  private dropAmbiguousNames(): void {
    const owners = new Map<string, Set<string>>();
    for (const list of this.entityNames.values())
      for (const n of list) {
        const sig = [...n.keys].sort().join(' ');
        owners.set(sig, (owners.get(sig) ?? new Set()).add(n.entityId));
      }
    for (const [first, list] of this.entityNames)
      this.entityNames.set(
        first,
        list.filter((n) => (owners.get([...n.keys].sort().join(' '))?.size ?? 0) <= 1),
      );
  }

  /**
   * The entities a question names, by name or by description: every key of one of an entity's names must
   * be among the question's keys.
   */
  entitiesNamed(questionKeys: ReadonlySet<string>): Map<string, { descriptor: boolean; keys: string[] }> {
    const out = new Map<string, { descriptor: boolean; keys: string[] }>();
    for (const key of questionKeys)
      for (const name of this.entityNames.get(key) ?? [])
        if (name.keys.every((k) => questionKeys.has(k))) {
          const prev = out.get(name.entityId);
          if (!prev || (prev.descriptor && !name.descriptor)) out.set(name.entityId, { descriptor: name.descriptor, keys: name.keys });
        }
    // A name inside a longer name is not named on its own: "Russia" in "Russia 24" names the channel only.
    for (const [id, named] of out)
      for (const [otherId, other] of out)
        if (otherId !== id && other.keys.length > named.keys.length && named.keys.every((k) => other.keys.includes(k))) {
          out.delete(id);
          break;
        }
    return out;
  }

  /** Whether `key` is a word of one of the entity's names or descriptions. */
  namesEntity(key: string, entityId: string): boolean {
    return (this.entityNames.get(key) ?? []).some((n) => n.entityId === entityId);
  }

  private addFact(fact: Fact, postings: Map<string, Map<number, number>>): void {
    const number = this.factNumber.get(fact.id) ?? -1;
    const add = (terms: readonly Term[], weight: number, lang?: Lang) => {
      for (const t of terms) {
        this.learnWord(t.word, t.key, lang);
        let perFact = postings.get(t.key);
        if (!perFact) postings.set(t.key, (perFact = new Map<number, number>()));
        if ((perFact.get(number) ?? 0) < weight) perFact.set(number, weight);
      }
    };
    // Each question is analysed once: its terms feed both the fact's postings and its question entry.
    for (const q of askedQuestions(fact)) {
      const terms = analyze(q.text, q.lang);
      add(terms, FIELD_WEIGHT.question, q.lang);
      this.addQuestion(fact.id, q.lang, q.text, new Set(terms.map((t) => t.key)), q.yesno);
      let types = this.questionTypes.get(fact.id);
      if (!types) this.questionTypes.set(fact.id, (types = new Set()));
      types.add(questionType(normalize(q.text)));
    }
    for (const lang of LANGS) {
      add(analyze(fact.title[lang], lang), FIELD_WEIGHT.title, lang);
      add(analyze(fact.short[lang], lang), FIELD_WEIGHT.short, lang);
      const answerTerms = analyze(fact.answer[lang], lang);
      add(answerTerms, FIELD_WEIGHT.answer, lang);
      const keys = this.answerKeys.get(fact.id) ?? new Set<string>();
      for (const t of answerTerms) keys.add(t.key);
      this.answerKeys.set(fact.id, keys);
      if (fact.value?.type === 'list') for (const item of fact.value.items[lang]) add(analyze(item, lang), FIELD_WEIGHT.short, lang);
    }
    // A one-word alias points at the fact on its own; a phrase ("capital punishment") only when the question
    // has all of its words: a single shared word ("capital") is not enough.
    for (const alias of fact.aliases)
      for (const l of LANGS) {
        const terms = analyze(alias, l);
        const keys = [...new Set(terms.map((t) => t.key))];
        if (keys.length <= 1) add(terms, FIELD_WEIGHT.alias);
        else {
          for (const t of terms) {
            this.learnWord(t.word, t.key);
            this.phraseKeys.add(t.key);
          }
          const list = this.phraseAliases.get(keys[0] ?? '') ?? [];
          if (!list.some((p) => p.factId === fact.id && p.keys.join(' ') === keys.join(' '))) list.push({ factId: fact.id, keys });
          this.phraseAliases.set(keys[0] ?? '', list);
        }
      }
    // Gap keywords are not added to the postings: they must not draw a question to the fact, only tell,
    // once the fact is found, that the question asks what the source leaves unsaid.
    this.gapKeys.set(
      fact.id,
      (fact.gaps ?? []).map((g) => new Set(g.keywords.flatMap((k) => LANGS.flatMap((l) => keysOf(k, l))))),
    );
    const involved = new Set(fact.entities);
    for (const id of [fact.speaker, fact.event, fact.value?.type === 'entity' ? fact.value.entity : undefined]) if (id) involved.add(id);
    this.involved.set(fact.id, involved);
    for (const id of fact.entities) add(this.entityTerms(id, false), FIELD_WEIGHT.entity);
    if (fact.speaker && !fact.entities.includes(fact.speaker)) add(this.entityTerms(fact.speaker, false), FIELD_WEIGHT.entity);
    if (fact.event) add(this.entityTerms(fact.event, false), FIELD_WEIGHT.event);
    for (const id of involved) add(this.entityTerms(id, true), FIELD_WEIGHT.descriptor);
  }

  /** An entity's names and aliases (or its descriptors) as terms, analysed once however many facts name it. */
  private entityTerms(id: string, descriptors: boolean): Term[] {
    const cacheKey = `${descriptors ? 'd' : 'n'}:${id}`;
    let terms = this.entityTermCache.get(cacheKey);
    if (terms) return terms;
    const entity = this.base.entity(id);
    terms = !entity
      ? []
      : descriptors
        ? LANGS.flatMap((l) => (entity.descriptors?.[l] ?? []).flatMap((d) => analyze(d, l)))
        : [...LANGS.flatMap((l) => analyze(entity.name[l], l)), ...entity.aliases.flatMap((a) => LANGS.flatMap((l) => analyze(a, l)))];
    this.entityTermCache.set(cacheKey, terms);
    return terms;
  }

  private addQuestion(factId: string, lang: Lang, text: string, keys: Set<string>, yesno?: 'yes' | 'no'): void {
    this.questions.push({ index: this.questions.length, factId, lang, text, keys, yesno, weight: 0 });
  }

  /** Remembers a word of the fact base (Kazakh in its folded form) for language votes and spelling corrections. */
  private learnWord(word: string, key: string, lang?: Lang): void {
    if (lang) this.keysByLang[lang].add(key);
    this.remember(lang === 'kk' ? foldKazakh(word) : word, key);
  }

  /** Adds a word (as the fuzzy search compares it) to the vocabulary and its bucket. */
  private remember(surface: string, key: string): void {
    if (this.vocabulary.has(surface)) return;
    this.vocabulary.set(surface, key);
    if (surface.length < 4 || /\d/.test(surface)) return;
    const bucket = bucketOf(surface);
    let list = this.wordsByBucket.get(bucket);
    if (!list) this.wordsByBucket.set(bucket, (list = []));
    list.push(surface);
  }

  /** The fuse.js index of one bucket (first letters and length), built on first use. */
  private fuzzyFor(bucket: string): Fuse<string> | undefined {
    let fuse = this.fuzzyByBucket.get(bucket);
    if (fuse) return fuse;
    const words = this.wordsByBucket.get(bucket);
    if (!words) return undefined;
    fuse = new Fuse(words, { includeScore: true, threshold: 0.34, distance: 20, minMatchCharLength: 3 });
    this.fuzzyByBucket.set(bucket, fuse);
    return fuse;
  }

  /** Number of facts a key occurs in (phrase aliases aside). */
  df(key: string): number {
    return (this.postingLists.get(key)?.length ?? 0) / 2;
  }

  /** Whether a text of the fact has the key (its title, answer, questions, aliases, entities…). */
  has(key: string, factId: string): boolean {
    const list = this.postingLists.get(key);
    const number = this.factNumber.get(factId);
    if (!list || number === undefined) return false;
    for (let i = 0; i < list.length; i += 2) if (list[i] === number) return true;
    return false;
  }

  /** Whether the fact base knows a key at all: in a fact's text or in a phrase alias. */
  knows(key: string): boolean {
    return this.df(key) > 0 || this.phraseKeys.has(key);
  }

  /** The facts whose phrase aliases a question's keys contain whole, each with the keys that matched. */
  phrasesMatched(questionKeys: ReadonlySet<string>): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const key of questionKeys)
      for (const p of this.phraseAliases.get(key) ?? [])
        if (p.keys.every((k) => questionKeys.has(k))) {
          const set = out.get(p.factId) ?? new Set<string>();
          for (const k of p.keys) set.add(k);
          out.set(p.factId, set);
        }
    return out;
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
   * the same length), each with a similarity in (0, 1]. Kazakh words are compared in their folded form.
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
