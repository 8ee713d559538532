import type { FactBase } from '../facts/fact-base.js';
import type { Fact, Lang } from '../facts/schema.js';
import { I18n } from '../i18n/i18n.js';
import { citationLine } from '../facts/citation-line.js';
import { formatCalendarDate, formatDateValue, formatFactDate } from '../text/dates.js';
import { firstSentence } from '../text/sentences.js';
import { detectLang, normalize } from '../text/normalize.js';
import { analyze } from './analyzer.js';
import { dateMatches, findDates, ON_THIS_DAY, WHAT_HAPPENED, type DateQuery } from './date-query.js';
import { questionType, type QuestionType } from './question-type.js';
import { SearchIndex, type IndexedQuestion } from './search-index.js';
import type { ResolveOptions, ResolvedAnswer, Suggestion } from './types.js';

/** Tunable thresholds of the resolver; the defaults are measured on the evaluation sets (`npm run eval`). */
export interface ResolverTuning {
  /** Longest question taken, in characters; longer input is declined. */
  maxQuestionLength: number;
  /** A best score at or above this is answered (if clearly ahead of the next fact). */
  answerScore: number;
  /** A best score at or above this (but below `answerScore`) is a best guess with choices. */
  unsureScore: number;
  /** How far ahead of the runner-up the best fact must be to be answered outright. */
  margin: number;
  /** Lowest fuse.js similarity at which a misspelled word is read as a known one. */
  typoSimilarity: number;
  /** Least share of a when/who/where/how-many question the answering fact must explain. */
  attributeCoverage: number;
  /** Score lost by a fact about another person or place than the one asked about. */
  entityPenalty: number;
}

export const DEFAULT_TUNING: ResolverTuning = {
  maxQuestionLength: 1000,
  answerScore: 0.85,
  unsureScore: 0.33,
  margin: 0.12,
  typoSimilarity: 0.72,
  attributeCoverage: 0.5,
  entityPenalty: 0.15,
};

const ATTRIBUTE_QUESTIONS: ReadonlySet<QuestionType> = new Set(['when', 'who', 'where', 'howmany']);

/** A query word resolved against the index: its own key and, for a rare or unknown word, likely corrections. */
interface QuerySlot {
  word: string;
  /** The word's own matching key, known to the index or not. */
  key: string;
  alternatives: { key: string; factor: number }[];
  /** How much it counts: the IDF of its rarest reading (an unknown word counts fully and matches nothing). */
  weight: number;
  /** Whether any fact knows one of its readings. */
  known: boolean;
}

interface Scored {
  fact: Fact;
  score: number;
  coverage: number;
  bestQuestion?: IndexedQuestion;
  questionSimilarity: number;
}

const FOLLOW_UP = /^(?:and|so|also|then|а|и|ну|ал|енді)(?![\p{L}])|(?<![\p{L}])(?:it|he|she|they|them|this|that|its|his|him|their|он|она|оно|они|его|её|ее|их|это|этот|эта|ол|оны|оның|бұл|бұны|мұны)(?![\p{L}])/u;

/**
 * Answers questions about the fact base: finds the fact a question asks for, phrases the answer for the
 * question type, cites the source, and declines what the source does not say.
 * Pure: no I/O, no clock (the asker's date comes in through {@link ResolveOptions.today}).
 */
export class Resolver {
  readonly index: SearchIndex;
  private readonly i18n: I18n;
  /** Per-question accumulators reused by every query (zeroed after use); the resolver is single-threaded. */
  private readonly scratch: { sharedW: Float64Array; sharedIdf: Float64Array };

  constructor(
    readonly base: FactBase,
    private readonly tuning: ResolverTuning = DEFAULT_TUNING,
    i18n?: I18n,
  ) {
    this.index = new SearchIndex(base);
    this.scratch = { sharedW: new Float64Array(this.index.questions.length), sharedIdf: new Float64Array(this.index.questions.length) };
    this.i18n = i18n ?? new I18n();
  }

  /** Resolves one question; never throws for any input string. */
  resolve(question: string, options: ResolveOptions = {}): ResolvedAnswer {
    const raw = typeof question === 'string' ? question : '';
    const trimmed = raw.trim();
    // Mentions (@everyone, @here, @user) are addressing, not words of the question: they must not match anything.
    const normalized = normalize(trimmed.slice(0, this.tuning.maxQuestionLength + 1)).replace(/(^|\s)@[\p{L}\p{N}_]+/gu, ' ');
    const lang: Lang = options.lang ?? detectLang(normalized) ?? options.fallbackLang ?? 'en';
    const qtype = questionType(normalized);

    if (!trimmed) return this.decline(lang, qtype, this.i18n.t(lang, 'unknown-empty'));
    if (trimmed.length > this.tuning.maxQuestionLength)
      return this.decline(lang, qtype, this.i18n.t(lang, 'unknown-too-long', { length: trimmed.length }));

    const dates = findDates(normalized);
    if (options.today && ON_THIS_DAY.test(normalized))
      return this.calendar([{ month: options.today.month, day: options.today.day }], lang, qtype);

    const slots = this.querySlots(normalized, lang);
    const content = slots.filter((k) => !isDateWord(k.alternatives[0]?.key ?? k.word));
    if (dates.length > 0 && (WHAT_HAPPENED.test(normalized) || content.length <= 1))
      return this.calendar(dates, lang, qtype);
    if (!slots.some((k) => k.known)) return this.decline(lang, qtype, this.unknownText(lang));

    const ranked = this.rank(slots, qtype, dates, normalized, options);
    const best = qtype === 'when' ? this.mostPrecise(ranked) : ranked[0];
    if (!best || best.score < this.tuning.unsureScore) return this.decline(lang, qtype, this.unknownText(lang), best?.score);

    const gap = this.askedGap(best.fact, slots, qtype);
    if (gap !== undefined) return this.gapReply(best, gap, lang, qtype);
    if (!answersType(qtype, best.fact)) return this.decline(lang, qtype, this.unknownText(lang), best.score);
    // A "when", "who", "where" or "how many" asks for one attribute of one thing: if the best fact leaves much
    // of the question unexplained, it is about something else, and its date or number would be a wrong answer.
    if (ATTRIBUTE_QUESTIONS.has(qtype) && best.coverage < this.tuning.attributeCoverage)
      return this.decline(lang, qtype, this.unknownText(lang), best.score);
    // Nor can it when the question is about a person or place the fact does not involve at all: the number
    // of people living in Russia is not Kazakhstan's population.
    // Background entities (the country and president most facts are about) say nothing of the subject.
    const asked = [...this.askedEntities(slots)].filter((e) => !this.isBackground(e, slots));
    if (ATTRIBUTE_QUESTIONS.has(qtype) && asked.length > 0 && !asked.some((e) => best.fact.entities.includes(e)))
      return this.decline(lang, qtype, this.unknownText(lang), best.score);


    // A runner-up matters only if it would give a different answer: a related fact, or one with the
    // same date for a "when" question, does not make the answer doubtful.
    const second = ranked.find((r) => r.fact.id !== best.fact.id && !this.agree(r.fact, best.fact, qtype));
    const clear = !second || best.score - second.score >= this.tuning.margin;
    if (best.score >= this.tuning.answerScore && clear) return this.answer(best, lang, qtype);
    return this.unsure(best, ranked, lang, qtype);
  }

  /**
   * Resolves the question words into slots. A word the fact base knows is its own key; a rare or unknown
   * word also gets the closest known spellings (fuse.js), so "cort" can be "court" or "core", whichever
   * the matching fact has.
   */
  private querySlots(normalized: string, lang: Lang): QuerySlot[] {
    const slots = new Map<string, QuerySlot>();
    for (const term of analyze(normalized, lang)) {
      if (slots.has(term.word)) continue;
      const df = this.index.df(term.key);
      const alternatives: { key: string; factor: number }[] = df > 0 ? [{ key: term.key, factor: 1 }] : [];
      if (df <= 2)
        for (const fix of this.index.corrections(term.word))
          if (fix.similarity >= this.tuning.typoSimilarity && fix.key !== term.key && !alternatives.some((a) => a.key === fix.key))
            alternatives.push({ key: fix.key, factor: fix.similarity });
      // Synonyms from data/synonyms.json: "office" also reads as "post", a little more weakly.
      for (const base of [...alternatives]) {
        for (const syn of this.index.synonymKeys.get(base.key) ?? this.index.synonymKeys.get(term.key) ?? [])
          if (this.index.df(syn) > 0 && !alternatives.some((a) => a.key === syn)) alternatives.push({ key: syn, factor: base.factor * SYNONYM_FACTOR });
      }
      if (alternatives.length === 0)
        for (const syn of this.index.synonymKeys.get(term.key) ?? [])
          if (this.index.df(syn) > 0 && !alternatives.some((a) => a.key === syn)) alternatives.push({ key: syn, factor: SYNONYM_FACTOR });
      // A known word weighs its own IDF; an unknown one that of its rarest reading (or the highest IDF).
      const weight =
        df > 0 || alternatives.length === 0 ? this.index.idf(term.key) : Math.max(...alternatives.map((a) => this.index.idf(a.key)));
      slots.set(term.word, { word: term.word, key: term.key, alternatives, weight, known: alternatives.length > 0 });
    }
    return [...slots.values()];
  }

  private rank(slots: QuerySlot[], qtype: QuestionType, dates: DateQuery[], normalized: string, options: ResolveOptions): Scored[] {
    const total = slots.reduce((sum, k) => sum + k.weight, 0);
    // Coverage: the share of the question's weight that a fact explains, each slot by its best reading.
    const coverage = new Map<string, number>();
    for (const slot of slots) {
      const best = new Map<string, number>();
      for (const alt of slot.alternatives)
        for (const [factId, fieldWeight] of this.index.postings.get(alt.key) ?? []) {
          const m = fieldWeight * alt.factor;
          if (m > (best.get(factId) ?? 0)) best.set(factId, m);
        }
      for (const [factId, m] of best) coverage.set(factId, (coverage.get(factId) ?? 0) + (slot.weight * m) / total);
    }
    // Weighted Jaccard similarity with each alternate question that shares a word with the query.
    const queryWeight = new Map<string, number>();
    for (const slot of slots) for (const alt of slot.alternatives) queryWeight.set(alt.key, Math.max(queryWeight.get(alt.key) ?? 0, slot.weight * alt.factor));
    // Shared weight per touched question, accumulated from the postings of the query's keys: the
    // similarity is shared / (query weight + the question's own weight not shared).
    // Scratch arrays indexed by question: a common word touches hundreds of questions, and objects per
    // question would make every query feed the garbage collector.
    const { sharedW, sharedIdf } = this.scratch;
    const touched: number[] = [];
    for (const [key, w] of queryWeight) {
      const idf = this.index.idf(key);
      for (const q of this.index.questionPostings.get(key) ?? []) {
        if (sharedW[q.index] === 0) touched.push(q.index);
        sharedW[q.index] = (sharedW[q.index] ?? 0) + w;
        sharedIdf[q.index] = (sharedIdf[q.index] ?? 0) + idf;
      }
    }
    const bestQuestion = new Map<string, { q: IndexedQuestion; sim: number }>();
    for (const i of touched) {
      const q = this.index.questions[i];
      if (q) {
        const sim = (sharedW[i] ?? 0) / (total + Math.max(0, q.weight - (sharedIdf[i] ?? 0)));
        const prev = bestQuestion.get(q.factId);
        if (!prev || sim > prev.sim) bestQuestion.set(q.factId, { q, sim });
      }
      sharedW[i] = 0;
      sharedIdf[i] = 0;
    }

    const neighbourhood = this.followUpNeighbourhood(normalized, options);
    const asked = this.askedEntities(slots);
    // Numbers the user wrote in digits; spelled-out ones are often phrasing ("name two things").
    const numbers = [...new Set(normalized.match(/(?<![\p{L}\p{N}])\d+(?![\p{L}\p{N}])/gu) ?? [])];
    const scored: Scored[] = [];
    for (const [factId, cov] of coverage) {
      const fact = this.base.fact(factId);
      if (!fact) continue;
      const bq = bestQuestion.get(factId);
      let score = W_COVERAGE * cov + (1 - W_COVERAGE) * (bq?.sim ?? 0);
      if (dates.length > 0 && fact.date) score += dates.some((d) => dateMatches(fact.date?.value ?? '', d)) ? 0.12 : -0.05;
      score += typeFit(qtype, fact, this.index.questionTypes.get(fact.id));
      score += neighbourhood.get(factId) ?? 0;
      score -= this.entityMismatch(asked, fact);
      score -= this.numberMismatch(numbers, factId);
      scored.push({ fact, score, coverage: cov, bestQuestion: bq?.q, questionSimilarity: bq?.sim ?? 0 });
    }
    return scored.sort((a, b) => b.score - a.score);
  }

  /**
   * A penalty for each number of the question that the fact never mentions: "Part 2" is not "Part 1",
   * "in 2019" is not an event of 2022.
   */
  private numberMismatch(numbers: string[], factId: string): number {
    let penalty = 0;
    for (const n of numbers) if (!this.index.postings.get(n)?.has(factId)) penalty += 0.1;
    return Math.min(penalty, 0.2);
  }

  /** Whether an entity named in the question is one most facts are about (its name is in half of them or more). */
  private isBackground(entityId: string, slots: QuerySlot[]): boolean {
    return slots.some(
      (s) => this.index.entityKeys.get(s.key)?.has(entityId) && this.index.df(s.key) >= this.index.factCount * 0.5,
    );
  }

  /** The people and places a question names. */
  private askedEntities(slots: QuerySlot[]): Set<string> {
    const out = new Set<string>();
    for (const slot of slots) for (const id of this.index.entityKeys.get(slot.key) ?? []) out.add(id);
    return out;
  }

  /**
   * A penalty when the question names a person or place the fact is not about while the fact is about
   * another of the same kind ("how many people live in Russia?" is not answered by Kazakhstan's population).
   */
  private entityMismatch(asked: Set<string>, fact: Fact): number {
    let penalty = 0;
    for (const id of asked) {
      if (fact.entities.includes(id)) continue;
      const kind = this.base.entity(id)?.kind;
      const rival = fact.entities.some((e) => !asked.has(e) && this.base.entity(e)?.kind === kind);
      penalty = Math.max(penalty, rival ? this.tuning.entityPenalty : MISSING_ENTITY_PENALTY);
    }
    return penalty;
  }

  /** For a follow-up question, a score bonus for facts near the previous answer. */
  private followUpNeighbourhood(normalized: string, options: ResolveOptions): Map<string, number> {
    const bonus = new Map<string, number>();
    const previous = (options.context?.factIds ?? []).map((id) => this.base.fact(id)).filter((f): f is Fact => !!f);
    if (previous.length === 0 || !FOLLOW_UP.test(normalized)) return bonus;
    for (const prev of previous) {
      const entities = new Set(prev.entities);
      for (const f of this.base.facts) {
        if (f.id === prev.id) continue;
        let b = 0;
        if (prev.related.includes(f.id) || f.related.includes(prev.id)) b = 0.2;
        else if (f.entities.some((e) => entities.has(e)) && f.topics.some((t) => prev.topics.includes(t))) b = 0.1;
        if (b > (bonus.get(f.id) ?? 0)) bonus.set(f.id, b);
      }
    }
    return bonus;
  }

  /**
   * For a "when" question, two near-equal facts about the same event may date it differently ("2022" and
   * "5 June 2022"): the most precise date is the better answer.
   */
  private mostPrecise(ranked: Scored[]): Scored | undefined {
    const top = ranked[0];
    if (!top?.fact.date) return top;
    const order = { day: 4, month: 3, season: 2, year: 1, vague: 0 } as const;
    // Rank by precision first, then by whether the fact is one people ask "when" about (the event itself,
    // not one of its consequences that shares its date).
    const rankOf = (r: Scored) => order[r.fact.date?.precision ?? 'vague'] * 2 + (this.index.questionTypes.get(r.fact.id)?.has('when') ? 1 : 0);
    let best = top;
    for (const r of ranked.slice(1, 5)) {
      if (top.score - r.score > 0.2 || !r.fact.date || !this.agree(r.fact, top.fact, 'when')) continue;
      if (rankOf(r) > rankOf(best)) best = r;
    }
    // The facts agree on the date, so the question is as well explained as by the top one.
    return best === top ? top : { ...best, coverage: Math.max(best.coverage, top.coverage), score: Math.max(best.score, top.score) };
  }

  /** The index of the fact's gap the question asks about, if any. */
  private askedGap(fact: Fact, slots: QuerySlot[], qtype: QuestionType): number | undefined {
    const gaps = fact.gaps ?? [];
    const keys = this.index.gapKeys.get(fact.id) ?? [];
    // A "when" about a dated fact is answered by its date, whatever detail words come with it.
    const answeredByDate = qtype === 'when' && fact.date !== undefined && fact.date.precision !== 'vague';
    for (let i = 0; i < gaps.length; i++) {
      if (gaps[i]?.types.includes(qtype)) return i;
      if (answeredByDate) continue;
      const words = keys[i];
      if (words && slots.some((s) => words.has(s.key) || words.has(s.word))) return i;
    }
    return undefined;
  }

  /** An honest decline that says what is missing and what the source does say. */
  private gapReply(best: Scored, gapIndex: number, lang: Lang, qtype: QuestionType): ResolvedAnswer {
    const gap = best.fact.gaps?.[gapIndex];
    const text = this.i18n.t(lang, 'gap', { about: gap?.about[lang] ?? '', answer: best.fact.answer[lang] });
    return { ...this.reply('answered', best.fact, text, lang, qtype, best.score, [], this.relatedOf(best.fact, lang)), status: 'unknown' };
  }

  private agree(a: Fact, b: Fact, qtype: QuestionType): boolean {
    if (this.areRelated(a, b)) return true;
    // Dates agree when one contains the other ("2022" and "2022-06-05").
    if (qtype === 'when' && a.date && b.date && (a.date.value.startsWith(b.date.value) || b.date.value.startsWith(a.date.value))) return true;
    return a.short.en.toLowerCase() === b.short.en.toLowerCase();
  }

  private areRelated(a: Fact, b: Fact): boolean {
    return a.related.includes(b.id) || b.related.includes(a.id);
  }

  /** Phrases the answer for the question type: the direct answer (date, number, name, yes/no) first. */
  private answer(best: Scored, lang: Lang, qtype: QuestionType): ResolvedAnswer {
    return this.reply('answered', best.fact, this.phrase(best, lang, qtype), lang, qtype, best.score, [], this.relatedOf(best.fact, lang));
  }

  /** A fact's answer phrased for the question type: yes/no, the date, the number or the name first. */
  private phrase(best: Scored, lang: Lang, qtype: QuestionType): string {
    const fact = best.fact;
    const text = fact.answer[lang];
    const yesno = best.bestQuestion?.yesno;
    if (qtype === 'yesno' && yesno && best.questionSimilarity >= 0.45) return `${this.i18n.t(lang, yesno)} ${text}`;
    if (qtype === 'when' && fact.date && !firstSentence(text).includes(formatFactDate(fact.date, lang)) && !containsShort(text, fact.short[lang]))
      return `${capitalize(formatFactDate(fact.date, lang))}. ${text}`;
    if ((qtype === 'howmany' || qtype === 'who' || qtype === 'when') && !containsShort(text, fact.short[lang]))
      return `${capitalize(fact.short[lang])}. ${text}`;
    return text;
  }

  private unsure(best: Scored, ranked: Scored[], lang: Lang, qtype: QuestionType): ResolvedAnswer {
    const others = ranked.filter((r) => r.fact.id !== best.fact.id).slice(0, 2);
    const suggestions = [best, ...others].map((r) => this.suggestion(r.fact, lang));
    // Each choice shows its short answer too, so the reader may not even need to press it.
    const lines = others.map((r) => `• ${this.suggestion(r.fact, lang).question} (${r.fact.short[lang]})`);
    // The best guess comes first, phrased like an answer; the doubt and the other choices follow, as many
    // as fit the reply's length budget (the buttons still offer them all).
    const head = this.phrase(best, lang, qtype);
    const budget = REPLY_BUDGET - this.citationLineOf(best.fact, lang).length - 2;
    while (lines.length > 0 && head.length + this.i18n.t(lang, 'did-you-mean').length + lines.join('\n').length + 3 > budget) lines.pop();
    const text = lines.length
      ? `${head}\n\n${this.i18n.t(lang, 'did-you-mean')}\n${lines.join('\n')}`
      : `${head}\n${this.i18n.t(lang, 'unsure-note')}`;
    return this.reply('unsure', best.fact, text, lang, qtype, best.score, suggestions, []);
  }

  private reply(
    status: 'answered' | 'unsure',
    fact: Fact,
    answer: string,
    lang: Lang,
    qtype: QuestionType,
    confidence: number,
    suggestions: Suggestion[],
    related: Suggestion[],
    factIds: string[] = [fact.id],
  ): ResolvedAnswer {
    const citation = this.base.citation(fact);
    const citationLine = this.citationLineOf(fact, lang);
    return {
      status,
      text: `${answer}\n\n${citationLine}`,
      answer,
      citationLine,
      lang,
      questionType: qtype,
      factIds,
      confidence: round(confidence),
      suggestions,
      related,
      citation,
    };
  }

  private citationLineOf(fact: Fact, lang: Lang): string {
    return citationLine(this.base, this.i18n, fact, lang);
  }

  /** "What happened on …": every fact dated within the asked dates, in date order. */
  private calendar(dates: DateQuery[], lang: Lang, qtype: QuestionType): ResolvedAnswer {
    const facts = this.base.facts
      .filter((f) => f.date && dates.some((d) => dateMatches(f.date?.value ?? '', d)))
      .sort((a, b) => (a.date?.value ?? '').localeCompare(b.date?.value ?? '') || kindOrder(a) - kindOrder(b));
    const when = dates.map((d) => formatCalendarDate(d, lang)).join(', ');
    const first = facts[0];
    if (!first) {
      const text = `${this.i18n.t(lang, 'calendar-none', { when })}`;
      return { ...this.decline(lang, qtype, text), answer: text, text };
    }
    // One line per event (its date and title), as many as fit the reply; the rest become buttons.
    const intro = this.i18n.t(lang, 'calendar-intro', { when });
    const budget = REPLY_BUDGET - this.citationLineOf(first, lang).length - intro.length - 3;
    const lines: string[] = [];
    const listed: Fact[] = [];
    for (const f of facts) {
      // Two facts about one event (the round table, and when it took place) make one line.
      if (listed.some((l) => this.areRelated(l, f) && l.date?.value === f.date?.value)) continue;
      const line = `• ${formatFactDate(f.date!, lang)}: ${f.title[lang]}`;
      if (lines.join('\n').length + line.length + 1 > budget) break;
      lines.push(line);
      listed.push(f);
    }
    const shown = listed.length ? listed : facts.slice(0, 1);
    const text = `${intro}\n${lines.join('\n')}`;
    const related = facts.filter((f) => !shown.includes(f)).slice(0, 3).map((f) => this.suggestion(f, lang));
    return this.reply('answered', first, text, lang, qtype, 1, [], related, shown.map((f) => f.id));
  }

  private decline(lang: Lang, qtype: QuestionType, message: string, confidence = 0): ResolvedAnswer {
    const suggestions = this.examples(lang);
    const answer = `${message}\n${this.i18n.t(lang, 'try-asking')}\n${suggestions.map((s) => `• ${s.question}`).join('\n')}`;
    return {
      status: 'unknown',
      text: answer,
      answer,
      citationLine: '',
      lang,
      questionType: qtype,
      factIds: [],
      confidence: round(confidence),
      suggestions,
      related: [],
    };
  }

  private unknownText(lang: Lang): string {
    const doc = this.base.documents[0];
    return this.i18n.t(lang, 'unknown', { title: doc?.title ?? '', date: formatDateValue(doc?.date ?? '', lang) });
  }

  /** A few example questions: the first fact of the first topics, so the choice is stable. */
  examples(lang: Lang, count = 3): Suggestion[] {
    const out: Suggestion[] = [];
    for (const topic of this.base.topics) {
      const fact = this.base.facts.find((f) => f.topics[0] === topic.id && f.date);
      if (fact) out.push(this.suggestion(fact, lang));
      if (out.length >= count) break;
    }
    return out;
  }

  /** A fact as a question to offer, in a language. */
  suggestion(fact: Fact, lang: Lang): Suggestion {
    return { factId: fact.id, question: fact.questions[lang][0] ?? fact.title[lang] };
  }

  private relatedOf(fact: Fact, lang: Lang): Suggestion[] {
    return fact.related
      .map((id) => this.base.fact(id))
      .filter((f): f is Fact => !!f)
      .slice(0, 3)
      .map((f) => this.suggestion(f, lang));
  }

  /**
   * The facts that best match a text, each as one of its questions in `lang`: the question that matched
   * best when it is in that language, else the fact's first. For autocomplete and suggestions.
   */
  search(text: string, lang: Lang, limit = 10): Suggestion[] {
    const normalized = normalize(text.slice(0, this.tuning.maxQuestionLength));
    const slots = this.querySlots(normalized, detectLang(normalized) ?? lang);
    if (!slots.some((k) => k.known)) return [];
    return this.rank(slots, questionType(normalized), [], normalized, {})
      .slice(0, limit)
      .map((r) => ({
        factId: r.fact.id,
        question: r.bestQuestion && r.bestQuestion.lang === lang && !r.bestQuestion.yesno ? r.bestQuestion.text : this.suggestion(r.fact, lang).question,
      }));
  }

  /** Answers a fact directly (a pressed "did you mean" button). */
  answerFact(factId: string, lang: Lang): ResolvedAnswer | undefined {
    const fact = this.base.fact(factId);
    if (!fact) return undefined;
    return this.reply('answered', fact, fact.answer[lang], lang, 'what', 1, [], this.relatedOf(fact, lang));
  }
}

/** Score lost by a fact that does not involve a person or place the question names (and names no rival). */
const MISSING_ENTITY_PENALTY = 0.1;

/** How much a synonym's match counts against the word itself. */
const SYNONYM_FACTOR = 0.85;

/** Longest reply, citation included, that reads as a chat message rather than a page. */
const REPLY_BUDGET = 600;

/** How much the share of the question a fact explains counts, against the similarity to its best alternate question. */
const W_COVERAGE = 0.5;

/**
 * A small push towards facts that answer the kind of question asked: a fact whose own alternate questions
 * include this kind ("why…", "when…") fits; a "when" needs a date and a "how many" a number.
 */
function typeFit(qtype: QuestionType, fact: Fact, factTypes: ReadonlySet<QuestionType> | undefined): number {
  if (qtype === 'when' && !fact.date) return -0.08;
  // For "when", the most precise date is the best answer.
  if (qtype === 'when') return { day: 0.06, month: 0.04, year: 0.02, season: 0.02, vague: 0.01 }[fact.date?.precision ?? 'vague'];
  if (qtype === 'howmany' && !/\d/.test(fact.short.en) && fact.kind !== 'figure') return -0.08;
  if (qtype === 'what' || qtype === 'yesno' || qtype === 'list') return 0;
  return factTypes?.has(qtype) ? 0.05 : -0.02;
}

const DATE_IN_TEXT =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(?:19|20)\d\d\b/g;
const NUMBERISH = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|half|third|quarter|dozens?|hundreds?|thousands?|millions?|year|day|month|week|majority|most|all|none)\b/i;

/**
 * Whether a fact can answer this kind of question at all: a "how many" needs a number (or a quantity word)
 * in its short answer, a "when" needs a date. Otherwise the source does not say, whatever the words share.
 */
function answersType(qtype: QuestionType, fact: Fact): boolean {
  if (qtype === 'howmany') {
    // A date is not a quantity: "February 11, 2022" does not answer "how many".
    const quantity = (t: string) => NUMBERISH.test(t.replace(DATE_IN_TEXT, ' '));
    return quantity(fact.short.en) || quantity(fact.answer.en.split(/[.!?]/)[0] ?? '');
  }
  if (qtype === 'when') return !!fact.date || /\d{4}|before|after|day|week|month|year|spring|summer|autumn|winter/i.test(fact.short.en);
  return true;
}

const DATE_WORD = /^(?:\d{1,4}|januar|februar|march|april|may|june|juli|august|septemb|octob|novemb|decemb|январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр|қаңта|ақпан|наурыз|науры|сәуір|мамыр|маусы|шілде|тамыз|қыркү|қазан|қараш|желто)$/u;
function isDateWord(key: string): boolean {
  return DATE_WORD.test(key);
}


/** Whether the first sentence already says the short answer (its digits, or its words). */
function containsShort(text: string, short: string): boolean {
  const first = firstSentence(text).toLowerCase();
  const digits = short.match(/\d+/g);
  if (digits) return digits.every((d) => first.includes(d));
  return first.includes(short.toLowerCase().replace(/[.]$/, ''));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A confidence for output: clamped to 0..1 and rounded. */
function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}

/** Events before statements when several facts share a date. */
function kindOrder(f: Fact): number {
  return f.kind === 'event' ? 0 : 1;
}
