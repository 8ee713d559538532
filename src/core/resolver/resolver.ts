import type { FactBase } from '../facts/fact-base.js';
import { LANGS, type Fact, type Lang } from '../facts/schema.js';
import { citationLine } from '../facts/citation-line.js';
import { I18n } from '../i18n/i18n.js';
import { formatDateValue } from '../text/dates.js';
import { firstSentence } from '../text/sentences.js';
import { monthOf } from '../text/months.js';
import { normalize } from '../text/normalize.js';
import { calendarListing } from './calendar.js';
import { ON_THIS_DAY, WHAT_HAPPENED, type DateQuery } from './date-query.js';
import { decide, sameAnswer, type Decision } from './decision.js';
import { choiceProbabilities, DEFAULT_MODEL, scoreOf, type ResolverModel } from './model.js';
import { detectOperator, splitParts, type Operator } from './operators.js';
import { applyOperator } from './operator-answers.js';
import { Phrasing } from './phrasing.js';
import { analyzeQuestion, questionLang, stripMentions, type QueryWord, type QuestionAnalysis } from './question-analysis.js';
import type { QuestionType } from './question-type.js';
import { SearchIndex } from './search-index.js';
import { computeSignals, countsList, SimilarityScratch, type Candidate } from './signals.js';
import { smallTalkOf, type SmallTalk } from './small-talk.js';
import { Suggestions } from './suggestions.js';
import { topicMembers } from '../facts/topic-members.js';
import { datePrecision } from '../facts/date-precision.js';
import type { ResolveOptions, ResolvedAnswer, Suggestion } from './types.js';

/** Longest question taken, in characters; longer input is declined. */
const MAX_QUESTION_LENGTH = 1000;
/** Longest reply, citation included, that reads as a chat message rather than a page. */
const REPLY_BUDGET = 600;
/** Least similarity to one of a fact's yes/no questions for its yes or no to answer the question. */
const YES_NO_SIMILARITY = 0.45;

/** What `explain` shows: the analysis, the best candidates with their signals, and the decision. */
export interface Explanation {
  analysis: QuestionAnalysis;
  candidates: Candidate[];
  decision?: Decision;
  operator?: Operator;
  parts?: string[];
  smallTalk?: SmallTalk;
  answer: ResolvedAnswer;
}

/**
 * Answers questions about the fact base in four steps: understand the question (question-analysis.ts:
 * language, type, words, entities, dates; operators.ts: comparisons, durations, several parts), retrieve
 * and rank facts by named signals (signals.ts, weighed by model.ts), decide whether to answer, hedge or
 * decline (decision.ts), and word the reply (phrasing.ts). Pure: no I/O, no clock (the asker's date comes
 * in through {@link ResolveOptions.today}).
 */
export class Resolver {
  readonly index: SearchIndex;
  private readonly i18n: I18n;
  private readonly phrasing: Phrasing;
  private readonly scratch: SimilarityScratch;
  /** The rule for every question offered (answered well, related, no duplicates): see suggestions.ts. */
  readonly suggestions: Suggestions;

  constructor(
    readonly base: FactBase,
    private readonly model: ResolverModel = DEFAULT_MODEL,
    i18n?: I18n,
    /** A search index already built on `base` (cross-validation tries several models on one index). */
    index?: SearchIndex,
  ) {
    this.index = index ?? new SearchIndex(base);
    this.scratch = new SimilarityScratch(this.index.questions.length, this.index.factCount);
    this.i18n = i18n ?? new I18n();
    this.phrasing = new Phrasing(base, this.i18n);
    this.suggestions = new Suggestions(base, this.index, (question, lang) => this.resolve(question, { fallbackLang: lang }));
  }

  /** Resolves one question; never throws for any input string. */
  resolve(question: string, options: ResolveOptions = {}): ResolvedAnswer {
    return this.explain(question, options).answer;
  }

  /** Resolves a question and says how: the analysis, each candidate's signals, the decision. */
  explain(question: string, options: ResolveOptions = {}): Explanation {
    const raw = (typeof question === 'string' ? question : '').trim();
    const analysis = analyzeQuestion(raw.slice(0, MAX_QUESTION_LENGTH + 1), this.index, options.lang, options.fallbackLang);
    const lang = options.lang ?? analysis.lang;
    const done = (answer: ResolvedAnswer, extra: Partial<Explanation> = {}): Explanation => ({ analysis, candidates: [], answer, ...extra });

    if (!raw || !/[\p{L}\p{N}]/u.test(stripMentions(normalize(raw)))) return done(this.decline(lang, analysis.type, this.i18n.t(lang, 'unknown-empty')));
    if (raw.length > MAX_QUESTION_LENGTH) return done(this.decline(lang, analysis.type, this.i18n.t(lang, 'unknown-too-long', { length: raw.length })));
    const smallTalk = smallTalkOf(analysis.normalized);
    if (smallTalk) return done(this.smallTalk(smallTalk, lang), { smallTalk });

    if (options.today && ON_THIS_DAY.test(analysis.normalized))
      return done(this.calendar([{ month: options.today.month, day: options.today.day }], lang, analysis.type));

    const parts = splitParts(analysis.normalized, analysis.lang);
    if (parts.length > 1) return done(this.resolveParts(parts, options, lang), { parts });

    const operator = detectOperator(analysis.normalized, analysis.lang);
    if (operator) {
      const answer = applyOperator(operator, analysis, lang, this.operatorDeps(options));
      if (answer) return done(answer, { operator });
    }

    const contentWords = analysis.words.filter((w) => !/^\d+$/.test(w.word) && monthOf(w.word, analysis.lang) === undefined);
    // "What happened on …": the events of those dates; when none is dated so (an event only "after" the
    // date), the question is read like any other.
    if (analysis.dates.length > 0 && (WHAT_HAPPENED.test(analysis.normalized) || contentWords.length <= 1)) {
      const calendar = this.calendar(analysis.dates, lang, analysis.type);
      if (calendar.status !== 'unknown' || contentWords.length <= 1) return done(calendar);
    }
    if (!analysis.words.some((w) => w.known)) return done(this.decline(lang, analysis.type, this.unknownText(lang)));

    const candidates = this.rank(analysis, options);
    const decision = this.identityDecision(analysis, candidates) ?? this.decideOn(candidates, analysis.type);
    return { analysis, candidates: candidates.slice(0, 8), decision, answer: this.reply(decision, candidates, analysis, lang) };
  }

  /**
   * A question that asks nothing but who or what someone or something is ("Кобринский кім?", "What is
   * AENS?", "Who is the ambassador?"): every word names or describes one entity, and that entity's `identity` fact answers it. The reading is exact,
   * so the answer is given without choices, whatever share of the probability the entity's other facts took.
   */
  private identityDecision(analysis: QuestionAnalysis, candidates: Candidate[]): Decision | undefined {
    if ((analysis.type !== 'who' && analysis.type !== 'what') || analysis.entities.size !== 1) return undefined;
    const [id] = [...analysis.entities][0] ?? [];
    if (!id || analysis.words.length === 0) return undefined;
    if (!analysis.words.every((w) => this.index.namesEntity(w.key, id))) return undefined;
    // Nothing else may be asked: "What did Kobrinsky say?" names him too, but its verb is a stop word.
    const named = new Set(analysis.words.map((w) => w.word));
    if (!(analysis.normalized.match(/[\p{L}\p{N}]+/gu) ?? []).every((t) => named.has(t) || IDENTITY_WORDS.has(t))) return undefined;
    const identity = this.base.entity(id)?.identity;
    const best = candidates.find((c) => c.fact.id === identity);
    return best ? { status: 'answered', reason: 'confident', best, confidence: best.probability } : undefined;
  }

  /** Every candidate fact, best first, with its signals and the model's score. */
  rank(analysis: QuestionAnalysis, options: ResolveOptions = {}): Candidate[] {
    const followUp = this.followUpNeighbourhood(analysis.normalized, options);
    const scored = computeSignals(analysis, this.index, this.scratch, { followUp });
    for (const c of scored) c.score = scoreOf(c.signals, this.model);
    scored.sort((a, b) => b.score - a.score);
    const p = choiceProbabilities(scored.map((c) => c.score), this.model);
    scored.forEach((c, i) => (c.probability = p[i] ?? 0));
    return scored;
  }

  /**
   * The decision, then the fact that answers best among those that agree with the winner: for a "why",
   * the reason given for it; for a question about several items of a list, the whole list; for a "when",
   * the most precise date.
   */
  private decideOn(candidates: Candidate[], type: QuestionType): Decision {
    const decision = decide(candidates, type, this.model);
    const best = decision.best;
    if (!best || decision.status === 'unknown') return decision;
    const swap = (c: Candidate): Decision => ({ ...decision, best: { ...c, probability: best.probability, score: best.score } });
    if (type === 'why' && best.fact.kind !== 'cause' && !best.fact.explains?.length) {
      const reason = candidates.find((c) => c.fact.explains?.includes(best.fact.id));
      if (reason) return swap(reason);
    }
    // A question about two or more items of one list ("the death penalty and the Constitutional Court") is
    // answered by the list.
    const parent = candidates.find((c) => c.fact.value?.type === 'list' && c.fact.value.parts?.includes(best.fact.id));
    if (parent?.fact.value?.type === 'list') {
      const parts = new Set(parent.fact.value.parts);
      const asked = candidates.slice(0, 8).filter((c) => parts.has(c.fact.id) && c.signals.coverage >= best.signals.coverage * 0.5);
      if (asked.length >= 2 || parent.signals.coverage > best.signals.coverage + 0.05) return swap(parent);
    }
    if (type !== 'when' || !best.fact.date) return decision;
    const rankOf = (c: Candidate) => Math.max(0, datePrecision(c.fact)) * 2 + (c.fact.kind === 'event' ? 1 : 0);
    let precise = best;
    for (const c of candidates.slice(1, 6)) if (c.fact.date && sameAnswer(c.fact, best.fact, type) && rankOf(c) > rankOf(precise)) precise = c;
    return precise === best ? decision : swap(precise);
  }

  /** The reply for a decision: an answer, a best guess with choices, an honest gap, or a decline. */
  private reply(decision: Decision, ranked: Candidate[], analysis: QuestionAnalysis, lang: Lang): ResolvedAnswer {
    // A decline offers questions near what was asked, when anything was near, rather than the same three.
    const near = this.nearQuestions(ranked, analysis, lang);
    const entityGap = this.askedEntityGap(analysis, decision.best?.fact);
    if (entityGap) return this.decline(lang, analysis.type, this.i18n.t(lang, 'gap-entity', { about: entityGap.about[lang] }), 0, near);
    const best = decision.best;
    if (!best || decision.status === 'unknown') return this.decline(lang, analysis.type, this.unknownText(lang), best?.probability, near);
    if (this.aboutAnotherEntity(best.fact, analysis)) return this.decline(lang, analysis.type, this.unknownText(lang), best.probability, near);
    const gap = this.askedGap(best.fact, analysis);
    if (gap !== undefined) return this.gapReply(best, gap, lang, analysis);
    const text = this.answerText(best, analysis, lang, ranked);
    if (decision.status === 'answered') return this.reply_('answered', best.fact, text, lang, analysis.type, decision.confidence, [], this.relatedOf(best.fact, lang, analysis));
    return this.unsure(best, text, ranked, lang, analysis);
  }

  /**
   * The answer's text for the question, with yes or no first when the question is yes/no and the answer
   * tells which. A list question whose best fact is not a list gathers the other facts of its event that
   * match the question nearly as well ("what did Tokayev call unacceptable?": three statements of one speech).
   */
  private answerText(best: Candidate, analysis: QuestionAnalysis, lang: Lang, ranked: readonly Candidate[] = []): string {
    const text = this.phrasing.answer(best.fact, analysis.type, lang, this.polarity(best, analysis), countsList(analysis, best.fact, this.index));
    if (analysis.type !== 'list' || best.fact.value?.type === 'list' || !best.fact.event) return text;
    const more = ranked
      .filter(
        (c) =>
          c.fact.id !== best.fact.id &&
          c.fact.event === best.fact.event &&
          c.fact.kind === best.fact.kind &&
          c.fact.speaker === best.fact.speaker &&
          c.signals.coverage >= best.signals.coverage * 0.7,
      )
      .slice(0, 2)
      .map((c) => `• ${firstSentence(c.fact.answer[lang])}`);
    return more.length ? `${text}\n${more.join('\n')}` : text;
  }

  /**
   * Yes or no for a yes/no question: the answer of the fact's own yes/no question it matches closely, or
   * "no" when the question says one side of a contradiction (data/contrasts.json) and the fact only the
   * other ("created for the first time?" — it was re-established). Undefined when neither tells.
   */
  private polarity(best: Candidate, analysis: QuestionAnalysis): 'yes' | 'no' | undefined {
    if (analysis.type !== 'yesno') return undefined;
    if (best.bestQuestion?.yesno && best.signals.similarity >= YES_NO_SIMILARITY) return best.bestQuestion.yesno;
    const said = this.index.answerKeys.get(best.fact.id) ?? new Set<string>();
    const asked = new Set(analysis.words.map((w) => w.key));
    for (const { a, b } of this.index.contrastKeys)
      for (const [mine, theirs] of [[a, b], [b, a]] as const)
        if ([...asked].some((k) => mine.has(k)) && [...said].some((k) => theirs.has(k)) && ![...said].some((k) => mine.has(k))) return 'no';
    return undefined;
  }

  /**
   * Resolves each part of a question that asks several things; the reply answers each part in turn, or
   * says which part the source does not cover. A later part may refer back to an earlier one ("who is
   * Kobrinsky and what does he head?").
   */
  private resolveParts(parts: string[], options: ResolveOptions, lang: Lang): ResolvedAnswer {
    const answers: ResolvedAnswer[] = [];
    let context = options.context;
    for (const part of parts) {
      const a = this.explain(part, { ...options, lang, context }).answer;
      answers.push(a);
      if (a.factIds.length > 0) context = { factIds: a.factIds };
    }
    const answered = answers.filter((a) => a.status !== 'unknown');
    if (answered.length === 0) return answers[0] ?? this.decline(lang, 'what', this.unknownText(lang));
    const texts = answers.map((a, i) => (a.status === 'unknown' ? this.i18n.t(lang, 'part-not-covered', { part: parts[i] ?? '' }) : stripChoices(a.answer)));
    const facts = answered.flatMap((a) => a.factIds);
    const first = this.base.fact(facts[0] ?? '');
    const status = answers.every((a) => a.status === 'answered') ? 'answered' : 'unsure';
    const text = fitText(texts.join('\n\n'), REPLY_BUDGET - (first ? this.citationLineOf(first, lang).length + 2 : 0));
    if (!first) return this.decline(lang, 'what', this.unknownText(lang));
    return this.reply_(status, first, text, lang, 'what', Math.min(...answered.map((a) => a.confidence)), [], [], [...new Set(facts)]);
  }

  /** What operators need: a way to find the fact an argument names, and the wording of their replies. */
  private operatorDeps(options: ResolveOptions) {
    // Each argument is read again as the other's rival, and ranked twice when the question adds nothing to it:
    // within one question, each text is analysed and each analysis ranked once.
    const analyses = new Map<string, QuestionAnalysis>();
    const analyze = (text: string, lang: Lang): QuestionAnalysis => {
      const key = `${lang} ${text}`;
      let analysis = analyses.get(key);
      if (!analysis) analyses.set(key, (analysis = analyzeQuestion(text, this.index, lang)));
      return analysis;
    };
    const rankings = new Map<QuestionAnalysis, Candidate[]>();
    const rank = (analysis: QuestionAnalysis): Candidate[] => {
      let ranked = rankings.get(analysis);
      if (!ranked) rankings.set(analysis, (ranked = this.rank(analysis, options)));
      return ranked;
    };
    return {
      base: this.base,
      i18n: this.i18n,
      find: (arg: string, context: string, lang: Lang, other: string): Candidate | undefined => {
        // The argument names the thing ("Kazan"); the rest of the question says which of its facts ("which
        // city did Tokayev visit in February"). A fact must involve what the argument names and not what
        // the other argument names (a fact about both cannot order them), and explain at least half of the
        // argument's own words.
        const own = analyze(arg, lang);
        if (!own.words.some((w) => w.known)) return undefined;
        const named = [...own.entities.keys()].filter((e) => !this.index.background.has(e));
        const rivals = [...analyze(other, lang).entities.keys()].filter((e) => !this.index.background.has(e) && !named.includes(e));
        const ownCoverage = new Map(rank(own).map((c) => [c.fact.id, c.signals.coverage]));
        // An event the argument names is placed at its own date: a fact dated otherwise (the referendum
        // recalled "a year ago") tells it from another time.
        const eventDates = named.flatMap((e) => this.base.entity(e)?.date?.value ?? []);
        const atEventDate = (f: Fact) => eventDates.every((d) => !!f.date && (f.date.value.startsWith(d) || d.startsWith(f.date.value)));
        const ranked = rank(context ? analyze(`${arg} ${context}`, lang) : own);
        const eligible = ranked.filter(
          (c) =>
            c.fact.date !== undefined &&
            atEventDate(c.fact) &&
            (ownCoverage.get(c.fact.id) ?? 0) >= 0.5 &&
            named.every((e) => this.index.involved.get(c.fact.id)?.has(e)) &&
            !rivals.some((e) => this.index.involved.get(c.fact.id)?.has(e)),
        );
        // Of those, one dated as precisely as the event itself, when there is one ("the referendum" is its day).
        return eligible.find((c) => eventDates.every((d) => c.fact.date?.value.startsWith(d))) ?? eligible[0];
      },
      reply: (status: 'answered' | 'unsure', facts: Fact[], text: string, lang: Lang, confidence: number) =>
        this.reply_(status, facts[0]!, text, lang, 'what', confidence, [], [], facts.map((f) => f.id)),
      langOf: (text: string) => questionLang(normalize(text), this.index),
    };
  }

  /** Follow-ups: closeness to the previous answer's facts (0..1), only for a question that refers back. */
  private followUpNeighbourhood(normalized: string, options: ResolveOptions): Map<string, number> {
    const near = new Map<string, number>();
    const previous = (options.context?.factIds ?? []).map((id) => this.base.fact(id)).filter((f): f is Fact => !!f);
    if (previous.length === 0 || !refersBack(normalized)) return near;
    for (const prev of previous)
      for (const f of this.base.facts) {
        if (f.id === prev.id) continue;
        let b = 0;
        if (prev.related.includes(f.id) || f.related.includes(prev.id)) b = 1;
        else if (f.event && f.event === prev.event) b = 0.8;
        else if (f.entities.some((e) => prev.entities.includes(e)) && f.topics.some((t) => prev.topics.includes(t))) b = 0.4;
        if (b > (near.get(f.id) ?? 0)) near.set(f.id, b);
      }
    return near;
  }

  /**
   * The index of the fact's gap the question asks about, if any: a question type the gap names, or a word
   * of the question among the gap's keywords that the fact's answer never uses (a "when" about the CSTO
   * meeting is answered by its date; "when did Kazakhstan join the CSTO" asks what the source leaves out).
   */
  private askedGap(fact: Fact, analysis: QuestionAnalysis): number | undefined {
    const gaps = fact.gaps ?? [];
    const keys = this.index.gapKeys.get(fact.id) ?? [];
    for (let i = 0; i < gaps.length; i++) {
      if (gaps[i]?.types.includes(analysis.type)) return i;
      const words = keys[i];
      // The word itself asks for the detail, not a synonym or a correction of it ("commerce" does not ask
      // the volume of trade).
      const says = this.index.answerKeys.get(fact.id);
      if (words && analysis.words.some((w) => (words.has(w.word) || words.has(w.key)) && !says?.has(w.key))) return i;
    }
    return undefined;
  }

  /**
   * A detail the source never gives about an entity the question names (a person's birth year, when the
   * country became independent): a keyword of one of the entity's gaps, of one of its types when it names
   * any, that the best fact does not use itself.
   */
  private askedEntityGap(analysis: QuestionAnalysis, best: Fact | undefined): { about: Record<Lang, string> } | undefined {
    // A keyword the best fact itself uses asks about that fact: a word of its answer (by key), or a word of
    // the ways it is asked, as written. Only the written word counts there, since the key may join a homograph
    // (Kazakh "туған" is "born", and in "туыс-туғандары", an alternate question of the relatives ban, "relatives").
    const said = best ? this.index.answerKeys.get(best.id) : undefined;
    const asked = best ? questionWordsOf(best) : undefined;
    const explained = (w: QueryWord) => (said?.has(w.key) ?? false) || (asked?.has(w.word) ?? false);
    for (const [id, named] of analysis.entities) {
      if (named.descriptor) continue;
      for (const { gap, keys } of this.index.entityGapKeys.get(id) ?? []) {
        if (gap.types.length > 0 && !gap.types.includes(analysis.type)) continue;
        if (analysis.words.some((w) => (keys.has(w.key) || keys.has(w.word)) && !explained(w))) return gap;
      }
    }
    return undefined;
  }

  /**
   * Whether a question that asks for one attribute (when, who, where, how many) names a person or place the
   * best fact does not involve at all: Russia's population is not Kazakhstan's, whatever else matches.
   */
  private aboutAnotherEntity(fact: Fact, analysis: QuestionAnalysis): boolean {
    if (!['when', 'who', 'where', 'howmany'].includes(analysis.type)) return false;
    const involved = this.index.involved.get(fact.id) ?? new Set<string>();
    // Involved, or named in the fact's own words (its questions included): "in Moscow" is about the fact if it says Moscow.
    const mentions = (keys: string[]) => keys.every((k) => this.index.has(k, fact.id));
    return [...analysis.entities].some(([id, named]) => {
      const kind = this.base.entity(id)?.kind;
      return !named.descriptor && (kind === 'person' || kind === 'place') && !this.index.background.has(id) && !involved.has(id) && !mentions(named.keys);
    });
  }

  /** An honest decline that says what is missing and what the source does say. */
  private gapReply(best: Candidate, gapIndex: number, lang: Lang, analysis: QuestionAnalysis): ResolvedAnswer {
    const gap = best.fact.gaps?.[gapIndex];
    const text = this.i18n.t(lang, 'gap', { about: gap?.about[lang] ?? '', answer: best.fact.answer[lang] });
    return { ...this.reply_('answered', best.fact, text, lang, analysis.type, best.probability, [], this.relatedOf(best.fact, lang, analysis)), status: 'unknown' };
  }

  private unsure(best: Candidate, head: string, ranked: Candidate[], lang: Lang, analysis: QuestionAnalysis): ResolvedAnswer {
    const type = analysis.type;
    // Choices are other answers, not the same one again: one per event, none that agrees with the guess, each
    // about what was asked (the event or entities of the guess or a likely rival, or those the question names).
    // The likely rivals are what the question may mean: they and the guess anchor what else may be offered.
    const likely = ranked.filter((c) => c.probability >= this.model.thresholds.unsure / 2 && !sameAnswer(best.fact, c.fact, type)).map((c) => c.fact);
    const anchor = this.suggestions.anchor([best.fact, ...likely], analysis.entities.keys());
    const prefer = analysis.normalized;
    const others = this.suggestions.pick(likely, lang, { limit: 2, anchor, shown: [best.fact], onePerEvent: true, prefer });
    // With no likely rival, the other sides of the same thing: the facts next in line, then related ones.
    if (others.length < 2) {
      const next = [...ranked.slice(1, 6).map((c) => c.fact), ...best.fact.related.map((id) => this.base.fact(id)).filter((f): f is Fact => !!f)];
      const taken = others.map((s) => this.base.fact(s.factId)).filter((f): f is Fact => !!f);
      others.push(...this.suggestions.pick(next.filter((f) => !sameAnswer(best.fact, f, type)), lang, { limit: 2 - others.length, anchor, shown: [best.fact, ...taken], prefer }));
    }
    const suggestions = [this.suggestion(best.fact, lang), ...others];
    const lines = others.map((s) => `• ${s.question}`);
    const budget = REPLY_BUDGET - this.citationLineOf(best.fact, lang).length - 2;
    while (lines.length > 0 && head.length + this.i18n.t(lang, 'did-you-mean').length + lines.join('\n').length + 3 > budget) lines.pop();
    const text = lines.length ? `${head}\n\n${this.i18n.t(lang, 'did-you-mean')}\n${lines.join('\n')}` : `${head}\n${this.i18n.t(lang, 'unsure-note')}`;
    const reply = this.reply_('unsure', best.fact, text, lang, type, best.probability, suggestions, []);
    return lines.length ? { ...reply, lead: { text: head, intro: 'did-you-mean' } } : reply;
  }

  private reply_(
    status: 'answered' | 'unsure',
    fact: Fact,
    answer: string,
    lang: Lang,
    type: QuestionType,
    confidence: number,
    suggestions: Suggestion[],
    related: Suggestion[],
    factIds: string[] = [fact.id],
  ): ResolvedAnswer {
    const citationLine = this.citationLineOf(fact, lang);
    return {
      status,
      text: `${answer}\n\n${citationLine}`,
      answer,
      citationLine,
      lang,
      questionType: type,
      factIds,
      confidence: round(confidence),
      suggestions,
      related,
      citation: this.base.citation(fact),
    };
  }

  private citationLineOf(fact: Fact, lang: Lang): string {
    return citationLine(this.base, this.i18n, fact, lang);
  }

  /** "What happened on …": the events of the asked dates. */
  private calendar(dates: DateQuery[], lang: Lang, type: QuestionType): ResolvedAnswer {
    const first = this.base.facts.find(() => true);
    const probe = calendarListing(this.base, this.i18n, dates, lang, REPLY_BUDGET);
    const cited = probe.shown[0];
    if (!cited || !first) return { ...this.decline(lang, type, probe.text), answer: probe.text, text: probe.text };
    const listing = calendarListing(this.base, this.i18n, dates, lang, REPLY_BUDGET - this.citationLineOf(cited, lang).length - 2);
    const more = this.suggestions.pick(listing.more, lang, { limit: 3, shown: listing.shown });
    return this.reply_('answered', cited, listing.text, lang, type, 1, [], more, listing.shown.map((f) => f.id));
  }

  /** A friendly reply to a greeting, thanks, goodbye or "who are you", with what the bot can do. */
  private smallTalk(kind: SmallTalk, lang: Lang): ResolvedAnswer {
    const doc = this.base.documents[0];
    const text = this.i18n.t(lang, `smalltalk-${kind}`, { title: doc?.title ?? '', date: formatDateValue(doc?.date ?? '', lang) });
    const suggestions = kind === 'bye' ? [] : this.examples(lang);
    const answer = suggestions.length ? `${text}\n${this.i18n.t(lang, 'try-asking')}\n${suggestions.map((s) => `• ${s.question}`).join('\n')}` : text;
    const lead = suggestions.length ? { lead: { text, intro: 'try-asking' as const } } : {};
    return { status: 'unknown', text: answer, answer, citationLine: '', lang, questionType: 'what', factIds: [], confidence: 0, suggestions, related: [], smallTalk: true, ...lead };
  }

  /**
   * Up to three questions of the facts ranked best (one per event), if they matched at all and are about
   * what the question names: a shared word is not enough.
   */
  private nearQuestions(ranked: readonly Candidate[], analysis: QuestionAnalysis, lang: Lang): Suggestion[] {
    // A question that names nothing telling (only the country or its president) shares only words with
    // whatever matched it: the examples serve it better than questions about something else.
    const anchor = this.suggestions.anchor([], analysis.entities.keys());
    if (Suggestions.isEmpty(anchor)) return [];
    const matched = ranked.filter((c) => c.signals.coverage >= 0.3 && !c.fact.topics.includes('article')).map((c) => c.fact).slice(0, 12);
    return this.suggestions.pick(matched, lang, { limit: 3, anchor, onePerEvent: true, prefer: analysis.normalized });
  }

  private decline(lang: Lang, type: QuestionType, message: string, confidence = 0, near: Suggestion[] = []): ResolvedAnswer {
    const suggestions = near.length > 0 ? near : this.examples(lang);
    const answer = `${message}\n${this.i18n.t(lang, 'try-asking')}\n${suggestions.map((s) => `• ${s.question}`).join('\n')}`;
    const lead = suggestions.length ? { lead: { text: message, intro: 'try-asking' as const } } : {};
    return { status: 'unknown', text: answer, answer, citationLine: '', lang, questionType: type, factIds: [], confidence: round(confidence), suggestions, related: [], ...lead };
  }

  private unknownText(lang: Lang): string {
    const doc = this.base.documents[0];
    return this.i18n.t(lang, 'unknown', { title: doc?.title ?? '', date: formatDateValue(doc?.date ?? '', lang) });
  }

  /**
   * A few example questions: the first dated fact of each topic (the article's own facts aside) that the bot
   * answers well, so the choice is stable.
   */
  examples(lang: Lang, count = 3): Suggestion[] {
    const out: Suggestion[] = [];
    const shown: Fact[] = [];
    for (const topic of this.base.topics) {
      if (out.length >= count) break;
      if (topic.id === 'article') continue;
      const firsts = this.base.facts.filter((f) => f.topics[0] === topic.id && f.date && !f.topics.includes('article'));
      const [example] = this.suggestions.pick(firsts, lang, { limit: 1, shown });
      const fact = example && this.base.fact(example.factId);
      if (example && fact) {
        out.push(example);
        shown.push(fact);
      }
    }
    return out;
  }

  /**
   * The questions a topic lists (`/topics`): its facts by the topic's rule (topic-members.ts), one per event
   * in turn so that one occasion does not fill the list (the event itself first), each offered by the one
   * rule for suggestions.
   */
  topicQuestions(topicId: string, lang: Lang, limit = 8): Suggestion[] {
    const byEvent = new Map<string, Fact[]>();
    const members = topicMembers(this.base, topicId);
    for (const f of members) {
      const key = f.event ?? `fact:${f.id}`;
      const group = byEvent.get(key);
      if (group) group.push(f);
      else byEvent.set(key, [f]);
    }
    // Within an event, the facts that tell the event itself first, the most precisely dated first.
    const rank = (f: Fact) => (f.kind === 'event' ? 10 : 0) + datePrecision(f);
    const groups = [...byEvent.values()].map((g) => g.map((f, i) => ({ f, i })).sort((a, b) => rank(b.f) - rank(a.f) || a.i - b.i).map((x) => x.f));
    const ordered: Fact[] = [];
    for (let i = 0; ordered.length < members.length; i++) for (const g of groups) if (g[i]) ordered.push(g[i] as Fact);
    return this.suggestions.pick(ordered, lang, { limit });
  }

  /** A fact as a question, in a language: its first well-formed question (keyword queries aside), unchecked. */
  suggestion(fact: Fact, lang: Lang): Suggestion {
    return this.suggestions.plain(fact, lang);
  }

  /** The fact's related facts (data), as questions worth asking next: about the fact or what was asked. */
  private relatedOf(fact: Fact, lang: Lang, analysis?: QuestionAnalysis): Suggestion[] {
    const related = fact.related.map((id) => this.base.fact(id)).filter((f): f is Fact => !!f);
    const anchor = this.suggestions.anchor([fact], analysis?.entities.keys());
    return this.suggestions.pick(related, lang, { limit: 3, anchor, shown: [fact], prefer: analysis?.normalized });
  }

  /**
   * The facts that best match a text, each as one of its questions in `lang`: the question that matched
   * best when it is in that language, else the fact's first. For autocomplete and suggestions.
   */
  search(text: string, lang: Lang, limit = 10): Suggestion[] {
    const analysis = analyzeQuestion(text.slice(0, MAX_QUESTION_LENGTH), this.index, undefined, lang);
    if (!analysis.words.some((w) => w.known)) return [];
    const typed = normalize(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
    return this.rank(analysis)
      .slice(0, limit)
      .map((r) => {
        if (r.bestQuestion && r.bestQuestion.lang === lang && !r.bestQuestion.yesno) return { factId: r.fact.id, question: r.bestQuestion.text };
        // The fact's question in this language that shows most of what was typed (autocomplete reads as a continuation).
        const shown = r.fact.questions[lang].filter((q) => /^[\p{Lu}«"“].*\?$/u.test(q));
        const scoreOf = (q: string) => typed.filter((w) => normalize(q).includes(w)).length;
        const question = [...shown].sort((a, b) => scoreOf(b) - scoreOf(a))[0] ?? this.suggestion(r.fact, lang).question;
        return { factId: r.fact.id, question };
      });
  }

  /** Answers a fact directly (a pressed "did you mean" button). */
  answerFact(factId: string, lang: Lang): ResolvedAnswer | undefined {
    const fact = this.base.fact(factId);
    if (!fact) return undefined;
    return this.reply_('answered', fact, fact.answer[lang], lang, 'what', 1, [], this.relatedOf(fact, lang));
  }
}

/** The words besides a name that ask who or what it is ("who is", "кто такой", "деген кім", "дегеніміз не"). */
const IDENTITY_WORDS = new Set([
  'who', 'what', 'whos', 'whats', 'is', 'are', 'was', 's', 'the', 'a', 'an', 'this',
  'кто', 'что', 'такой', 'такая', 'такое', 'такие', 'это', 'есть',
  'кім', 'ким', 'не', 'деген', 'дегеніміз', 'дегенимиз', 'ол', 'бұл', 'бул',
]);

/** Words that refer back to the previous answer. */
const FOLLOW_UP =
  /^(?:and|so|also|then|а|и|ну|ал|енді)(?![\p{L}])|(?<![\p{L}])(?:it|he|she|they|them|this|that|its|his|him|their|он|она|оно|они|его|её|ее|их|это|этот|эта|ол|оны|оның|бұл|бұны|мұны)(?![\p{L}])/u;

/**
 * Whether a normalised question refers back to the previous answer (a pronoun, or a leading "and"): only
 * then does the previous answer's neighbourhood count. The fit's follow-up folds (src/eval/follow-up-fold.ts)
 * ask by the same rule.
 */
export function refersBack(normalized: string): boolean {
  return FOLLOW_UP.test(normalized);
}

/** An answer without its "or did you mean" choices (inside a reply of several parts). */
function stripChoices(text: string): string {
  return text.split(/\n\n/u)[0] ?? text;
}

/** Cuts a text to a budget at a sentence or line end. */
function fitText(text: string, budget: number): string {
  if (text.length <= budget) return text;
  const cut = text.slice(0, budget);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('\n'));
  return end > budget / 2 ? cut.slice(0, end + 1).trim() : `${cut.slice(0, budget - 1).trim()}…`;
}

/** A confidence for output: clamped to 0..1 and rounded. */
function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}

/** The words of a fact's alternate questions in every language, lower-cased as written (cached per fact). */
const questionWordCache = new WeakMap<Fact, Set<string>>();
function questionWordsOf(fact: Fact): Set<string> {
  let words = questionWordCache.get(fact);
  if (!words) {
    const texts = LANGS.flatMap((l) => fact.questions[l]);
    words = new Set(texts.flatMap((t) => normalize(t).match(/[\p{L}\p{N}]+/gu) ?? []));
    questionWordCache.set(fact, words);
  }
  return words;
}
