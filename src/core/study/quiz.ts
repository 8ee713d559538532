/**
 * The quiz engine: multiple-choice questions generated from the fact base, in English, Russian and Kazakh,
 * deterministic for a seed. Every question has its right answer among its choices, no two choices alike, and
 * distractors chosen so that none of them is also right.
 */
import type { FactBase } from '../facts/fact-base.js';
import type { Fact, Lang } from '../facts/schema.js';
import { citationLine } from '../facts/citation-line.js';
import type { I18n } from '../i18n/i18n.js';
import { firstSentence } from '../text/sentences.js';
import { formatCalendarDate, parseDateValue } from '../text/dates.js';
import { randomInt, seededRandom, shuffled, type RandomSource } from './random.js';

/** The kinds of question the engine asks. */
export const QUESTION_KINDS = ['when', 'who', 'howmany', 'what', 'truefalse'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** One question, ready to show. */
export interface QuizQuestion {
  kind: QuestionKind;
  factId: string;
  lang: Lang;
  /** The question as asked. */
  text: string;
  /** Button labels; at most {@link MAX_CHOICE_LENGTH} characters each. */
  choices: string[];
  /** Index of the right choice. */
  correct: number;
}

/** What is shown after a question closes. */
export interface QuizReveal {
  answer: string;
  /** The first sentence of the fact's answer. */
  explanation: string;
  citation: string;
}

/** Longest choice label: Telegram shows about this much of a button, Discord allows 80. */
export const MAX_CHOICE_LENGTH = 64;

const WHEN: Record<Lang, RegExp> = { en: /^when\b/i, ru: /^когда(?![\p{L}])/iu, kk: /қашан/iu };
const WHO: Record<Lang, RegExp> = { en: /^who\b/i, ru: /^кто(?![\p{L}])/iu, kk: /(?:^|[\s«"])кім(?:[\s?,.]|$)/iu };
const HOW_MANY: Record<Lang, RegExp> = {
  en: /^(how (many|much)|what (percentage|share|is the population))\b/i,
  ru: /^(сколько|какой процент|какова (доля|численность))(?![\p{L}])/iu,
  kk: /(қанша|неше|пайыз)/iu,
};
/** Questions that ask for something (not yes-or-no ones), by language. */
const WH: Record<Lang, RegExp> = {
  en: /^(what|which|who|whom|how|why|where)\b/i,
  ru: /^(что|чем|чего|какой|какая|какое|какие|каким|какую|каков|какова|каковы|кто|кого|кому|как|почему|зачем|где|куда|о ч[её]м|в ч[её]м|на ч[её]м|из-за чего)(?![\p{L}])/iu,
  kk: /^(?!.*(?:ма|ме|ба|бе|па|пе)\?$).+/iu,
};
/** A well-formed question: capitalised and ending with a question mark (the fact files also list typos people make). */
const WELL_FORMED = /^[\p{Lu}«"“].*\?$/u;
/** Kinds of fact whose `short` makes a good "what / which" choice. */
const WHAT_KINDS: ReadonlySet<Fact['kind']> = new Set(['measure', 'organization', 'term', 'place', 'document', 'cause']);
const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Generates questions from a fact base. */
export class QuizEngine {
  private readonly persons;

  constructor(
    private readonly base: FactBase,
    private readonly i18n: I18n,
  ) {
    this.persons = base.entities.filter((e) => e.kind === 'person');
  }

  /**
   * `count` questions (fewer when the topic has fewer), each about a different fact, kinds taking turns so
   * a session mixes dates, people, numbers, measures and true-or-false.
   */
  generate(options: { lang: Lang; count: number; topic?: string; seed: number }): QuizQuestion[] {
    const { lang, count } = options;
    const rng = seededRandom(options.seed);
    const facts = options.topic ? this.base.factsOfTopic(options.topic) : [...this.base.facts];
    const queues = new Map<QuestionKind, Fact[]>(QUESTION_KINDS.map((k) => [k, shuffled(rng, facts)]));
    const kinds = shuffled(rng, QUESTION_KINDS);
    const used = new Set<string>();
    const out: QuizQuestion[] = [];
    while (out.length < count) {
      let progressed = false;
      for (const kind of kinds) {
        if (out.length >= count) break;
        const queue = queues.get(kind) ?? [];
        while (queue.length > 0) {
          const fact = queue.shift()!;
          if (used.has(fact.id)) continue;
          const q = this.question(fact, kind, lang, rng);
          if (!q) continue;
          used.add(fact.id);
          out.push(q);
          progressed = true;
          break;
        }
      }
      if (!progressed) break;
    }
    return out;
  }

  /** The kinds of question a fact supports in a language. */
  kindsOf(fact: Fact, lang: Lang): QuestionKind[] {
    return QUESTION_KINDS.filter((k) => this.question(fact, k, lang, seededRandom(1)) !== undefined);
  }

  /** A question of one kind about one fact; undefined when the fact does not support that kind. */
  question(fact: Fact, kind: QuestionKind, lang: Lang, rng: RandomSource): QuizQuestion | undefined {
    switch (kind) {
      case 'when':
        return this.when(fact, lang, rng);
      case 'who':
        return this.who(fact, lang, rng);
      case 'howmany':
        return this.howMany(fact, lang, rng);
      case 'what':
        return this.what(fact, lang, rng);
      case 'truefalse':
        return this.trueFalse(fact, lang, rng);
    }
  }

  /** The right answer, a one-line explanation and the citation. */
  reveal(q: QuizQuestion): QuizReveal {
    const fact = this.base.fact(q.factId);
    const lang = q.lang;
    return {
      answer: q.choices[q.correct] ?? '',
      explanation: fact ? firstSentence(fact.answer[lang]) : '',
      citation: fact ? this.citationLine(fact, lang) : '',
    };
  }

  citationLine(fact: Fact, lang: Lang): string {
    return citationLine(this.base, this.i18n, fact, lang);
  }

  private when(fact: Fact, lang: Lang, rng: RandomSource): QuizQuestion | undefined {
    const precision = fact.date?.precision;
    if (!fact.date || (precision !== 'day' && precision !== 'month')) return undefined;
    const stem = this.stem(fact, lang, WHEN[lang]);
    if (!stem) return undefined;
    const own = parseDateValue(fact.date.value);
    if (mentionsMonth(stem, own.month ?? 0)) return undefined;
    const at = (p: { year: number; month?: number; day?: number }) => (precision === 'day' ? p : { year: p.year, month: p.month });
    const key = (p: { year: number; month?: number; day?: number }) => p.year * 10_000 + (p.month ?? 0) * 100 + (precision === 'day' ? (p.day ?? 0) : 0);
    const right = formatCalendarDate(at(own), lang);
    // Other dates of the period: facts dated at least as precisely, each label once, never the right one.
    const others = shuffled(
      rng,
      this.base.facts
        .filter((f) => f.id !== fact.id && f.date && (f.date.precision === 'day' || (precision === 'month' && f.date.precision === 'month')))
        .map((f) => parseDateValue(f.date!.value)),
    );
    // A thin period gets neighbouring months of the same date as well.
    const near = shuffled(
      rng,
      [-3, -2, -1, 1, 2, 3].map((shift) => {
        const total = own.year * 12 + (own.month ?? 1) - 1 + shift;
        return { year: Math.floor(total / 12), month: (total % 12) + 1, day: own.day };
      }),
    );
    const picked = new Map<string, number>([[right, key(own)]]);
    for (const p of [...others, ...near]) {
      if (picked.size === 4) break;
      const label = formatCalendarDate(at(p), lang);
      if (!picked.has(label)) picked.set(label, key(p));
    }
    const q = this.finish(fact, 'when', lang, stem, right, [...picked.keys()].slice(1), rng);
    if (!q) return undefined;
    // Dates read best in calendar order.
    const choices = [...picked.entries()].sort((a, b) => a[1] - b[1]).map(([label]) => label);
    return { ...q, choices, correct: choices.indexOf(right) };
  }

  /** The first well-formed question of a fact that matches `kind`. */
  private stem(fact: Fact, lang: Lang, kind: RegExp): string | undefined {
    return fact.questions[lang].find((q) => WELL_FORMED.test(q) && kind.test(q));
  }

  private who(fact: Fact, lang: Lang, rng: RandomSource): QuizQuestion | undefined {
    const stem = this.stem(fact, lang, WHO[lang]);
    if (!stem) return undefined;
    if (this.persons.some((p) => mentions(stem, p.name[lang]))) return undefined;
    // The short answer must be the person (a name, perhaps with a title or an apposition), not a sentence about them.
    const named = this.persons.filter((p) => mentions(fact.short[lang], p.name[lang]));
    if (named.length === 1 && !isName(fact.short[lang], named[0]!.name[lang])) return undefined;
    if (named.length !== 1) return undefined;
    const person = named[0]!;
    const distractors = shuffled(
      rng,
      this.persons.filter((p) => p.id !== person.id && !fact.entities.includes(p.id)),
    ).map((p) => p.name[lang]);
    if (distractors.length < 1) return undefined;
    return this.finish(fact, 'who', lang, stem, person.name[lang], distractors.slice(0, 3), rng);
  }

  private howMany(fact: Fact, lang: Lang, rng: RandomSource): QuizQuestion | undefined {
    const stem = fact.kind === 'figure' ? fact.questions[lang].find((q) => WELL_FORMED.test(q)) : this.stem(fact, lang, HOW_MANY[lang]);
    if (!stem) return undefined;
    const short = fact.short[lang];
    // Exactly one number that is not a year, and not part of a range, a decimal or an ordinal.
    const found = [...short.matchAll(/\d+/g)].filter((m) => !(m[0].length === 4 && Number(m[0]) >= 1900 && Number(m[0]) <= 2100));
    const match = found[0];
    if (found.length !== 1 || !match || match.index === undefined) return undefined;
    if (/^(th|st|nd|rd|-й|-ш|-ы|-і)/.test(short.slice(match.index + match[0].length))) return undefined;
    const n = Number(match[0]);
    if (n <= 0) return undefined;
    const percent = short.slice(match.index + match[0].length).trimStart().startsWith('%');
    const swap = (v: number) => `${short.slice(0, match.index)}${v}${short.slice(match.index + match[0].length)}`;
    const near = nearbyNumbers(n, percent);
    if (near.length < 3) return undefined;
    // The three from among the five nearest, picked at random.
    const picked = shuffled(rng, near.slice(0, 5)).slice(0, 3);
    const numbers = [n, ...picked].sort((a, b) => a - b);
    const q = this.finish(fact, 'howmany', lang, stem, short, picked.map(swap), rng);
    if (!q) return undefined;
    // Numbers read best in order, so the shuffle is undone.
    const choices = numbers.map((v) => (v === n ? short : swap(v)));
    return { ...q, choices, correct: numbers.indexOf(n) };
  }

  private what(fact: Fact, lang: Lang, rng: RandomSource): QuizQuestion | undefined {
    if (!WHAT_KINDS.has(fact.kind)) return undefined;
    const stem = fact.questions[lang].find((q) => WELL_FORMED.test(q) && WH[lang].test(q) && !WHEN[lang].test(q) && !HOW_MANY[lang].test(q));
    if (!stem) return undefined;
    const right = fact.short[lang];
    if (/\d{4}/.test(right)) return undefined;
    const related = (a: Fact, b: Fact) => a.related.includes(b.id) || b.related.includes(a.id);
    const sameParagraph = (a: Fact, b: Fact) => a.source.doc === b.source.doc && a.source.section === b.source.section && a.source.paragraph === b.source.paragraph;
    const fits = (f: Fact) =>
      f.id !== fact.id &&
      f.kind === fact.kind &&
      !related(f, fact) &&
      !sameParagraph(f, fact) &&
      !/\d{4}/.test(f.short[lang]) &&
      f.short[lang].length <= MAX_CHOICE_LENGTH &&
      !alike(f.short[lang], right);
    // Plausible distractors only: answers of the same kind of fact, in the same shape and of about the same
    // length as the right one, from a topic the fact shares first; other topics only to make up the number.
    const plausible = (f: Fact) => fits(f) && similarForm(f.short[lang], right);
    const shares = (f: Fact) => f.topics.some((t) => fact.topics.includes(t));
    const sameTopic = shuffled(rng, this.base.facts.filter((f) => plausible(f) && shares(f)));
    const otherTopic = shuffled(rng, this.base.facts.filter((f) => plausible(f) && !shares(f)));
    const picked: string[] = [];
    for (const f of [...sameTopic, ...otherTopic]) {
      if (picked.length === 3) break;
      const label = f.short[lang];
      if (picked.some((p) => alike(p, label))) continue;
      picked.push(label);
    }
    // Too few plausible ones: no "what" question (the fact is asked another way, e.g. true or false), rather
    // than choices anyone could rule out at a glance.
    if (picked.length < 3) return undefined;
    return this.finish(fact, 'what', lang, stem, right, picked, rng);
  }

  private trueFalse(fact: Fact, lang: Lang, rng: RandomSource): QuizQuestion | undefined {
    const items = fact.yesno?.[lang] ?? [];
    if (items.length === 0) return undefined;
    const item = items[randomInt(rng, items.length)]!;
    const choices = [this.i18n.t(lang, 'study-choice-yes'), this.i18n.t(lang, 'study-choice-no')];
    return { kind: 'truefalse', factId: fact.id, lang, text: item.q, choices, correct: item.a === 'yes' ? 0 : 1 };
  }

  /** Shuffles the right answer in among the distractors; undefined when a label is too long or repeated. */
  private finish(fact: Fact, kind: QuestionKind, lang: Lang, text: string, right: string, distractors: string[], rng: RandomSource): QuizQuestion | undefined {
    const all = [right, ...distractors];
    if (all.some((c) => c.trim() === '' || c.length > MAX_CHOICE_LENGTH)) return undefined;
    if (new Set(all.map(normalizeLabel)).size !== all.length) return undefined;
    const choices = shuffled(rng, all);
    return { kind, factId: fact.id, lang, text, choices, correct: choices.indexOf(right) };
  }
}


/** Nearby "round" numbers, nearest first: distractors for a number. */
export function nearbyNumbers(n: number, percent: boolean): number[] {
  const digits = String(Math.floor(n)).length;
  let step = 10 ** Math.max(0, digits - 2);
  while (n % (step * 10) === 0 && step * 10 <= n / 2) step *= 10;
  const factors = [0.5, 0.6, 0.75, 0.8, 0.9, 1.1, 1.25, 1.5, 2, 2.5, 3];
  const values = unique(factors.map((f) => Math.max(step, Math.round((n * f) / step) * step)));
  return values
    .filter((v) => v > 0 && v !== n && (!percent || v < 100))
    .sort((a, b) => Math.abs(Math.log(a / n)) - Math.abs(Math.log(b / n)));
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function normalizeLabel(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function words(s: string): string[] {
  return normalizeLabel(s)
    .split(' ')
    .filter((w) => w.length >= 4)
    .map((w) => w.slice(0, 6));
}

/** Whether two labels say much the same (one contains the other, or they share half their words). */
export function alike(a: string, b: string): boolean {
  const na = normalizeLabel(a);
  const nb = normalizeLabel(b);
  if (!na || !nb || na.includes(nb) || nb.includes(na)) return true;
  const wa = new Set(words(a));
  const wb = new Set(words(b));
  const shared = [...wa].filter((w) => wb.has(w)).length;
  const smaller = Math.min(wa.size, wb.size);
  return smaller > 0 && shared / smaller >= 0.5;
}

/**
 * The shape of a short answer: with a number; a change ("A → B"); with an aside (a parenthesis, a semicolon,
 * a colon); an enumeration (commas, "…", "etc."); a word or two (a name); or a plain phrase.
 */
export function answerForm(label: string): 'number' | 'change' | 'aside' | 'list' | 'word' | 'phrase' {
  if (/\d/.test(label)) return 'number';
  if (label.includes('→')) return 'change';
  if (/[();:]/.test(label)) return 'aside';
  if (/[,…]|\b(etc|and more)\.?$|\s(и др|т\.\s?б)\.?$/iu.test(label)) return 'list';
  return label.trim().split(/\s+/).length <= 2 ? 'word' : 'phrase';
}

/**
 * Whether a distractor looks like the right answer: the same {@link answerForm}, and neither more than
 * {@link MAX_LENGTH_RATIO} times as long as the other, so the right answer does not stand out by its shape.
 */
export function similarForm(candidate: string, right: string): boolean {
  if (answerForm(candidate) !== answerForm(right)) return false;
  const [a, b] = [candidate.trim().length, right.trim().length];
  return Math.max(a, b) <= MAX_LENGTH_RATIO * Math.min(a, b);
}

/** How much longer than the right answer (or shorter) a "what" distractor may be. */
const MAX_LENGTH_RATIO = 2;

/** Whether a text names a person (by surname; suffixes of Russian and Kazakh inflection allowed). */
function mentions(text: string, name: string): boolean {
  const surname = name.trim().split(/\s+/).pop() ?? '';
  return surname.length >= 3 && text.toLowerCase().includes(surname.toLowerCase());
}

/**
 * Whether a short answer is a person's name: the name (full, or the surname, perhaps inflected), at most two
 * words before it (a title: "Ambassador", "Directed by") and nothing after it but an apposition (", his predecessor").
 */
function isName(text: string, name: string): boolean {
  const lower = text.toLowerCase();
  const full = name.toLowerCase();
  const surname = full.split(/\s+/).pop() ?? '';
  let at = lower.indexOf(full);
  let end = at + full.length;
  if (at < 0) {
    at = lower.indexOf(surname);
    end = at + surname.length;
  }
  if (at < 0) return false;
  while (end < lower.length && /\p{L}/u.test(lower[end]!)) end++;
  const before = lower.slice(0, at).trim().split(/\s+/).filter(Boolean);
  const after = lower.slice(end).trim();
  return before.length <= 2 && (after === '' || after.startsWith(','));
}

/** Whether a question already names the month it asks about. */
function mentionsMonth(text: string, month: number): boolean {
  if (month < 1) return false;
  const t = text.toLowerCase();
  const forms = [MONTHS_EN[month - 1]!, ...(['ru', 'kk'] as const).map((l) => formatCalendarDate({ month }, l))];
  // Russian genitive and nominative share their first letters ("марта", "март"); Kazakh names are whole words.
  return forms.some((f) => f && t.includes(f.toLowerCase().slice(0, Math.max(3, f.length - 2))));
}
