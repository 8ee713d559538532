/**
 * The quiz bank's item rules, as measurable checks (data/README.md, "The quiz bank", says them in words).
 * Each rule returns its violations as lines naming the item id, the language and the rule, so a writer can
 * find and fix an item at once. test/study/quiz-bank.test.ts runs them over the real bank;
 * test/study/quiz-rules.test.ts shows each one failing on a bad item.
 */
import { LANGS, type Fact, type Lang } from '../../src/core/facts/schema.js';
import type { QuizItem, QuizItemText } from '../../src/core/study/quiz-bank-schema.js';
import { formatCalendarDate } from '../../src/core/text/dates.js';
import { monthOf } from '../../src/core/text/months.js';
import { normalize, tokenize } from '../../src/core/text/normalize.js';
import { numberWordsToDigits } from '../../src/core/text/number-words.js';
import { stem } from '../../src/core/text/stem.js';
import { STOPWORDS } from '../../src/core/text/stopwords.js';

/** One broken rule of one item. */
export type Violation = string;

/** What a rule may consult besides the item: the fact base's facts by id. */
export interface RuleContext {
  fact: (id: string) => Fact | undefined;
}

/** A rule over one item. */
export type ItemRule = (item: QuizItem, ctx: RuleContext) => Violation[];

/** The four choices of an item in one language, the answer first. */
export function choicesOf(t: QuizItemText): string[] {
  return [t.answer, ...t.distractors];
}

function v(item: QuizItem, lang: Lang | undefined, rule: string, detail: string): Violation {
  return `${item.id}${lang ? ` [${lang}]` : ''} ${rule}: ${detail}`;
}

function perLang(item: QuizItem, check: (t: QuizItemText, lang: Lang) => string[], rule: string): Violation[] {
  return LANGS.flatMap((lang) => check(item[lang], lang).map((d) => v(item, lang, rule, d)));
}

/** A label compared loosely: lower case, ё as е, punctuation and spacing ignored. */
function loose(s: string): string {
  return normalize(s).replace(/[^\p{L}\p{N}%$]+/gu, ' ').trim();
}

// ---- every language present, saying the same thing ----

/** Every language has its text, and English, Russian and Kazakh are written in their own letters. */
export const languagesPresent: ItemRule = (item) =>
  perLang(
    item,
    (t, lang) => {
      const all = [t.question, ...choicesOf(t), t.explanation].join(' ');
      const out: string[] = [];
      if (lang === 'en' && /[а-яёәғқңөұүһі]/i.test(all)) out.push('English text has Cyrillic letters');
      if (lang !== 'en' && !/[а-яёәғқңөұүһі]/i.test(t.question)) out.push('the question is not in Cyrillic');
      if (lang === 'ru' && /[әғқңөұүһі]/i.test(all)) out.push(`Russian text has Kazakh letters (${[...new Set(all.match(/[әғқңөұүһі]/gi))].join('')})`);
      if (lang === 'kk' && !/[әғқңөұүһі]/i.test(t.explanation)) out.push('the Kazakh explanation has no Kazakh letter: is it Russian?');
      return out;
    },
    'language',
  );

/** The numbers an item's choices state, per language, read in that language's notation. */
export function numbersIn(text: string, lang: Lang): number[] {
  const out: number[] = [];
  const re = lang === 'en' ? /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g : /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?/g;
  for (const m of text.matchAll(re)) {
    const raw = lang === 'en' ? m[0].replace(/,/g, '') : m[0].replace(/[ \u00a0\u202f]/g, '').replace(',', '.');
    out.push(Number(raw));
  }
  return out;
}

/** The choices state the same numbers in every language (a translation that changed a figure is caught). */
export const sameNumbersEverywhere: ItemRule = (item) => {
  const key = (lang: Lang) =>
    choicesOf(item[lang])
      .flatMap((c) => numbersIn(c, lang))
      .sort((a, b) => a - b)
      .join(' ');
  const en = key('en');
  return (['ru', 'kk'] as const).filter((l) => key(l) !== en).map((l) => v(item, l, 'same numbers as English', `choices say [${key(l)}], English says [${en}]`));
};

// ---- fair choices ----

/** Four different choices. */
export const distinctChoices: ItemRule = (item) =>
  perLang(
    item,
    (t) => {
      const seen = new Set<string>();
      const out: string[] = [];
      for (const c of choicesOf(t)) {
        if (seen.has(loose(c))) out.push(`"${c}" appears twice`);
        seen.add(loose(c));
      }
      return out;
    },
    'four distinct choices',
  );

/** How much longer than the shortest choice the longest may be: `longest ≤ RATIO × shortest + SLACK` characters. */
export const LENGTH_RATIO = 2.2;
export const LENGTH_SLACK = 6;
/** The answer may not be the only long (or only short) one: beyond this ratio to the next choice it stands out. */
export const STANDOUT_RATIO = 1.6;
export const STANDOUT_SLACK = 4;

/** Choices of similar length, and the answer not alone as the longest or the shortest by far. */
export const similarLength: ItemRule = (item) =>
  perLang(
    item,
    (t) => {
      const out: string[] = [];
      const lens = choicesOf(t).map((c) => c.trim().length);
      const [min, max] = [Math.min(...lens), Math.max(...lens)];
      if (max > LENGTH_RATIO * min + LENGTH_SLACK) out.push(`lengths ${lens.join('/')}: the longest is more than ${LENGTH_RATIO}× the shortest + ${LENGTH_SLACK}`);
      const answer = lens[0]!;
      const others = lens.slice(1);
      const longestOther = Math.max(...others);
      const shortestOther = Math.min(...others);
      if (answer > STANDOUT_RATIO * longestOther + STANDOUT_SLACK) out.push(`the answer (${answer} chars) is the only long choice (others ${others.join('/')})`);
      if (shortestOther > STANDOUT_RATIO * answer + STANDOUT_SLACK) out.push(`the answer (${answer} chars) is the only short choice (others ${others.join('/')})`);
      return out;
    },
    'similar length',
  );

/** Marks of form the answer must share with at least one distractor (else it stands out by its shape). */
const FORM_MARKS: [string, RegExp][] = [
  ['a digit', /\d/],
  ['a parenthesis', /[()]/],
  ['quotation marks', /[«»"“”]/],
  ['a colon or semicolon', /[:;]/],
  ['a final full stop', /\.$/],
  ['a capital first letter', /^[«"“(]?\p{Lu}/u],
];

/** The answer is not the only choice with (or without) a mark of form: a digit, brackets, quotes, a capital… */
export const sameForm: ItemRule = (item) =>
  perLang(
    item,
    (t) => {
      const out: string[] = [];
      for (const [name, re] of FORM_MARKS) {
        const has = t.distractors.filter((d) => re.test(d.trim())).length;
        const answerHas = re.test(t.answer.trim());
        if (answerHas && has === 0) out.push(`only the answer has ${name}`);
        if (!answerHas && has === 3) out.push(`only the answer lacks ${name}`);
      }
      return out;
    },
    'same form',
  );

/** Words that make a choice an escape hatch rather than an answer. */
const CATCH_ALL: Record<Lang, RegExp> = {
  en: /\b(all|none) of the (above|these)\b|\bboth\b.*\band\b/i,
  ru: /(вс[её] (перечисленное|вышеперечисленное)|ничего из|ни одно из|оба варианта)/i,
  kk: /(барлығы да|бәрі де|ешқайсысы)/i,
};

/** No "all of the above" or "none of these". */
export const noCatchAll: ItemRule = (item) =>
  perLang(item, (t, lang) => choicesOf(t).filter((c) => CATCH_ALL[lang].test(c)).map((c) => `"${c}" is a catch-all`), 'no catch-all choice');

// ---- kinds ----

/** Whether a text names a month (any case form; the project's one month table reads them). */
function namesMonth(text: string): boolean {
  return tokenize(normalize(text)).some((w) => monthOf(w) !== undefined);
}
const SEASON_WORDS: Record<Lang, RegExp> = {
  en: /\b(spring|summer|autumn|fall|winter|early|late|mid)\b/i,
  ru: /(весн|лет[оа]|осен|зим|начал|конц|середин)/i,
  kk: /(көктем|жаз|күз|қыс|басы|басында|соңы|аяғы|ортасы)/i,
};

/** What a date choice gives: its day, month, year, season (the form all four must share). */
export function dateShape(choice: string, lang: Lang): string | undefined {
  const withoutYear = choice.replace(/\b(19|20)\d{2}\b/g, ' ');
  const year = withoutYear !== choice;
  const month = namesMonth(choice);
  const day = month && /\b\d{1,2}\b/.test(withoutYear);
  const season = SEASON_WORDS[lang].test(choice);
  if (!year && !month && !season) return undefined;
  return [day && 'day', month && 'month', season && 'season', year && 'year'].filter(Boolean).join('+');
}

/** Roundness of an integer: a multiple of 10 at or above 20. */
function isRound(n: number): boolean {
  return Number.isInteger(n) && n >= 20 && n % 10 === 0;
}

/** All four choices are of the item's kind: four dates of one form, four numbers, four names… */
export const choicesOfKind: ItemRule = (item) =>
  perLang(
    item,
    (t, lang) => {
      const choices = choicesOf(t);
      const out: string[] = [];
      switch (item.kind) {
        case 'date': {
          const shapes = choices.map((c) => dateShape(c, lang));
          choices.forEach((c, i) => {
            if (!shapes[i]) out.push(`"${c}" is not a date`);
          });
          // The answer's form (day, month, year, season) is shared by a distractor: it is not the only exact date.
          if (shapes.every(Boolean) && !shapes.slice(1).includes(shapes[0]))
            out.push(`the answer is the only date of its form (${shapes.join(', ')}: the answer first)`);
          break;
        }
        case 'number': {
          // Each states a quantity, in digits, in words or as a fraction ("less than half"); a lone figure among
          // words is caught by the form rule (only the answer has a digit).
          for (const c of choices) if (quantityIn(c, lang) === undefined) out.push(`"${c}" states no number`);
          const answer = numbersIn(t.answer, lang);
          const others = t.distractors.map((d) => numbersIn(d, lang));
          if (answer.length === 1 && !isRound(answer[0]!) && answer[0]! >= 10 && others.every((o) => o.length === 1 && isRound(o[0]!)))
            out.push(`the answer ${answer[0]} is the only exact figure among round ones`);
          break;
        }
        case 'person':
        case 'place':
          for (const c of choices) {
            if (/\d/.test(c)) out.push(`"${c}" has a digit: a ${item.kind} is a name`);
            else if (!/\p{Lu}/u.test(c)) out.push(`"${c}" names no ${item.kind} (no capital letter)`);
          }
          break;
        default:
          if (choices.every((c) => dateShape(c, lang) === 'day+month+year')) out.push(`four dates under kind "${item.kind}": use kind "date"`);
      }
      return out;
    },
    'choices of the kind',
  );

// ---- no giveaway words ----

/** Words of the date format (month names, "года", "жылғы"…): shared by any date and a question about one. */
function dateFormatStems(lang: Lang): ReadonlySet<string> {
  const words = Array.from({ length: 12 }, (_, m) => [formatCalendarDate({ year: 2022, month: m + 1, day: 5 }, lang), formatCalendarDate({ year: 2022, month: m + 1 }, lang)])
    .flat()
    .flatMap((s) => tokenize(normalize(s)))
    .filter((w) => !/^\d/.test(w));
  const yearWords = { en: ['year'], ru: ['года', 'году', 'год'], kk: ['жылғы', 'жылы', 'жыл'] }[lang];
  return new Set([...words, ...yearWords].map((w) => stem(w, lang)));
}
const DATE_FORMAT_WORDS: Record<Lang, ReadonlySet<string>> = { en: dateFormatStems('en'), ru: dateFormatStems('ru'), kk: dateFormatStems('kk') };

/** The content words of a text as stems: no stop words, no numbers, no words shorter than three letters. */
export function contentStems(text: string, lang: Lang): Set<string> {
  const out = new Set<string>();
  for (const w of tokenize(normalize(text))) {
    if (w.length < 3 || /^\d/.test(w) || STOPWORDS.has(w)) continue;
    const s = stem(w, lang);
    if (!DATE_FORMAT_WORDS[lang].has(s)) out.add(s);
  }
  return out;
}

/** No choice repeats a content word of the question (stemmed with the project's stemmer): an echo gives it away. */
export const noEchoOfQuestion: ItemRule = (item) =>
  perLang(
    item,
    (t, lang) => {
      const asked = contentStems(t.question, lang);
      const out: string[] = [];
      for (const c of choicesOf(t)) {
        const words = tokenize(normalize(c)).filter((w) => asked.has(stem(w, lang)) && contentStems(w, lang).size > 0);
        if (words.length) out.push(`"${c}" repeats the question's ${words.map((w) => `"${w}"`).join(', ')}`);
      }
      return out;
    },
    'no choice repeats the question',
  );

// ---- qualified numbers ----

type Interval = { lo: number; hi: number; loOpen: boolean; hiOpen: boolean };

/** Alternatives as whole words (JavaScript's \b knows no Cyrillic). */
function word(alternatives: string): RegExp {
  return new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'iu');
}

/** Qualifier phrases per language, the longer ones first ("no more than" before "more than"). */
const QUALIFIERS: Record<Lang, [RegExp, 'at-most' | 'at-least' | 'more-than' | 'less-than' | 'about' | 'nearly'][]> = {
  en: [
    [/\b(no more than|not more than|at most|up to|no higher than|not exceeding)\b/i, 'at-most'],
    [/\b(no less than|not less than|no fewer than|at least|minimum of)\b/i, 'at-least'],
    [/\b(more than|over|above|exceeding|upwards of)\b/i, 'more-than'],
    [/\b(less than|fewer than|under|below)\b/i, 'less-than'],
    [/\b(nearly|almost|just under)\b/i, 'nearly'],
    [/\b(about|around|approximately|roughly|some)\b/i, 'about'],
  ],
  ru: [
    [word('не более|не больше|не выше|не свыше|максимум|вплоть до|до(?= \\d)'), 'at-most'],
    [word('не менее|не меньше|как минимум|не ниже|минимум'), 'at-least'],
    [word('более|больше|свыше|выше|сверх'), 'more-than'],
    [word('менее|меньше|ниже'), 'less-than'],
    [word('почти|чуть меньше|без малого'), 'nearly'],
    [word('около|примерно|приблизительно|порядка'), 'about'],
  ],
  kk: [
    [word('аспайтын|аспайды|артық емес|көп емес|ең көбі|дейін'), 'at-most'],
    [word('кем емес|кемінде|ең кемі|аз емес'), 'at-least'],
    [word('астам|артық|асқан|асады|жоғары|көп'), 'more-than'],
    [word('кем|аз|төмен|жетпейтін|жетпей'), 'less-than'],
    [word('жуық|таяу'), 'nearly'],
    [word('шамамен|шақты|қаралы|мөлшерінде'), 'about'],
  ],
};

/** Fractions said in words: "half", "a third", "a quarter" (as percentages). */
export function fractionWord(text: string, lang: Lang): number | undefined {
  const t = normalize(text);
  const words: Record<Lang, [RegExp, number][]> = {
    en: [[/\bhalf\b/, 50], [/\bthird\b/, 100 / 3], [/\bquarter\b/, 25], [/\bfifth\b/, 20]],
    ru: [[/половин/, 50], [/трет/, 100 / 3], [/четверт/, 25], [/пят(ая|ой|ую) част/, 20]],
    kk: [[/жарты/, 50], [/үштен бір/, 100 / 3], [/төрттен бір/, 25], [/бестен бір/, 20]],
  };
  return words[lang].find(([re]) => re.test(t))?.[1];
}

/** Kazakh cardinals (the project's number-word reader knows English and Russian). */
const KAZAKH_NUMBERS: Record<string, number> = {
  бір: 1, екі: 2, үш: 3, төрт: 4, бес: 5, алты: 6, жеті: 7, сегіз: 8, тоғыз: 9, он: 10, жиырма: 20, отыз: 30, қырық: 40,
  елу: 50, алпыс: 60, жетпіс: 70, сексен: 80, тоқсан: 90, жүз: 100,
};

/** The first quantity a text states: in digits (years aside), in words ("three years", "үш жыл"), or as a fraction. */
export function quantityIn(text: string, lang: Lang): number | undefined {
  const digits = numbersIn(text.replace(/\b(19|20)\d{2}\b/g, ' '), lang)[0];
  if (digits !== undefined) return digits;
  if (lang === 'kk') {
    const w = tokenize(normalize(text)).find((t) => KAZAKH_NUMBERS[t] !== undefined);
    if (w) return KAZAKH_NUMBERS[w];
  } else {
    const spelled = numbersIn(numberWordsToDigits(normalize(text)), lang)[0];
    if (spelled !== undefined) return spelled;
  }
  return fractionWord(text, lang) ?? unitAsNumber(text, lang);
}

/** A unit that counts itself: "a year", "за год", "a decade", "онжылдық". */
function unitAsNumber(text: string, lang: Lang): number | undefined {
  const t = normalize(text);
  const units: Record<Lang, [RegExp, number][]> = {
    en: [[/\bdecades?\b/, 10], [/\b(a|an|one|single) (year|month|week|day)\b/, 1]],
    ru: [[/десятилети/, 10], [/(?<!\p{L})(год|года|году|месяц|месяца|неделю|недели|день|дня)(?!\p{L})/u, 1]],
    kk: [[/онжылдық/, 10]],
  };
  return units[lang].find(([re]) => re.test(t))?.[1];
}

/** The values a qualified number allows ("more than 70%" → (70, ∞)); undefined when the text states no number. */
export function numberInterval(text: string, lang: Lang): Interval | undefined {
  const n = quantityIn(text, lang);
  if (n === undefined) return undefined;
  const qualifier = QUALIFIERS[lang].find(([re]) => re.test(text))?.[1] ?? 'exact';
  switch (qualifier) {
    case 'more-than':
      return { lo: n, hi: Infinity, loOpen: true, hiOpen: true };
    case 'at-least':
      return { lo: n, hi: Infinity, loOpen: false, hiOpen: true };
    case 'less-than':
      return { lo: -Infinity, hi: n, loOpen: true, hiOpen: true };
    case 'at-most':
      return { lo: -Infinity, hi: n, loOpen: true, hiOpen: false };
    case 'nearly':
      return { lo: n * 0.85, hi: n, loOpen: false, hiOpen: true };
    case 'about':
      return { lo: n * 0.9, hi: n * 1.1, loOpen: false, hiOpen: false };
    case 'exact':
      return { lo: n, hi: n, loOpen: false, hiOpen: false };
  }
}

/** Whether two sets of values share a value. */
export function overlaps(a: Interval, b: Interval): boolean {
  const below = (x: Interval, y: Interval) => x.hi < y.lo || (x.hi === y.lo && (x.hiOpen || y.loOpen));
  return !below(a, b) && !below(b, a);
}

/**
 * A number distractor cannot also be true: the values the answer's qualifier allows ("more than 70%") share
 * none with a distractor's ("more than 40%" fails; "less than half" passes). Applies to items of kind number
 * and to any answer that states one qualified number.
 */
export const exclusiveNumbers: ItemRule = (item) =>
  perLang(
    item,
    (t, lang) => {
      if (item.kind === 'date') return [];
      const answer = numberInterval(t.answer, lang);
      if (!answer) return [];
      const qualified = !(answer.lo === answer.hi);
      if (item.kind !== 'number' && !qualified) return [];
      const out: string[] = [];
      for (const d of t.distractors) {
        const other = numberInterval(d, lang);
        if (other && overlaps(answer, other)) out.push(`"${d}" can also be true when "${t.answer}" is`);
      }
      return out;
    },
    'numbers exclude each other',
  );

// ---- well formed ----

const RELATIVE_TIME: Record<Lang, RegExp> = {
  en: /\b(this|last|next) (year|month|week|spring|summer|autumn|winter)\b|\byesterday\b|\brecently\b/i,
  ru: word('(?:в этом|в прошлом|в следующем) (?:году|месяце)|(?:этой|прошлой) (?:весной|зимой|осенью)|(?:этим|прошлым) летом|недавно|вчера'),
  kk: word('биыл|былтыр|өткен жылы|келесі жылы|осы жылы|жақында|кеше'),
};

/** A question that names its time: no "this year", "last spring", "recently". */
export const noRelativeTime: ItemRule = (item) =>
  perLang(item, (t, lang) => (RELATIVE_TIME[lang].test(t.question) ? [`"${t.question}" says ${t.question.match(RELATIVE_TIME[lang])![0]}`] : []), 'no relative time');

/** Straight or English quotes in Russian and Kazakh: «ёлочки» are the house style. */
export const guillemets: ItemRule = (item) =>
  perLang(
    item,
    (t, lang) => (lang !== 'en' && /["“”„]/.test([t.question, ...choicesOf(t), t.explanation].join(' ')) ? ['use «ёлочки», not straight or English quotes'] : []),
    'quotes',
  );

/** A Kazakh noun after a numeral stays singular (162 адам, 5 қағида). */
export const kazakhSingularAfterNumeral: ItemRule = (item) => {
  const t = item.kk;
  const hits = [t.question, ...choicesOf(t), t.explanation].flatMap((s) => [...s.matchAll(/(?<![\d\p{L}])(\d[\d\s]*)\s+([\p{L}-]{3,}(?:лар|лер|дар|дер|тар|тер|нар|нер)\p{L}*)/gu)]
      // A year is not a count: "1990 жылдары" (in the 1990s) is right.
      .filter((m) => !/^(19|20)\d{2}\s*$/.test(m[1]!) && !namesMonth(m[2]!))
      .map((m) => m[0]));
  return hits.map((h) => v(item, 'kk', 'singular after a numeral', `"${h}"`));
};

// ---- explanations ----

const YES_NO = /^(yes|no|да|нет|иә|ия|жоқ)(?![\p{L}])/iu;

/** Splits an explanation into sentences (initials and "St." do not end one). */
export function sentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<![\s.]\p{Lu}\.)(?<!(?<!\p{L})(?:St|Mr|Mrs|Dr|Jr|vs|etc|т\.?е|т\.?б|г|гг|ж|млн|млрд|тыс)\.)(?<=[.!?…])\s+(?=[«"“(\p{Lu}\d])/u)
    .filter((s) => s.trim().length > 0);
}

/** Content words the explanation adds beyond the question and the choices, at the least. */
export const MIN_NEW_WORDS = 3;

/**
 * An explanation that teaches: it does not start with the answer or with Yes/No, it is one or two sentences,
 * and it says at least {@link MIN_NEW_WORDS} content words that neither the question nor the answer says.
 */
export const teachingExplanation: ItemRule = (item) =>
  perLang(
    item,
    (t, lang) => {
      const out: string[] = [];
      const e = t.explanation.trim();
      if (YES_NO.test(e)) out.push(`starts with "${e.match(YES_NO)![0]}"`);
      if (loose(e).startsWith(loose(t.answer))) out.push('starts with the answer');
      const n = sentences(e).length;
      if (n > 2) out.push(`${n} sentences (one or two)`);
      const known = new Set([...contentStems(t.question, lang), ...contentStems(t.answer, lang)]);
      const fresh = [...contentStems(e, lang)].filter((s) => !known.has(s));
      if (fresh.length < MIN_NEW_WORDS) out.push(`adds only ${fresh.length} word(s) to the question and answer (${fresh.join(', ') || 'none'})`);
      return out;
    },
    'explanation teaches',
  );

// ---- worth asking ----

const ABOUT_THE_ARTICLE: Record<Lang, RegExp> = {
  en: /\b(the|this) (article|text|piece)\b|\bsubtitle\b|\bsections?\b|\bSSR\b|\bthe author\b/i,
  ru: /(в (этой |данной )?статье|стать[яиею] (называ|начина)|автор статьи|подзаголов|раздел(ов|а|ы)? стать|\bССР\b)/i,
  kk: /(мақала|тақырыпша|\bССР\b)/i,
};

/** Nothing about the article itself: its sections, title, subtitle, author, the unexplained "SSR". */
export const notAboutTheArticle: ItemRule = (item, ctx) => {
  const out = perLang(
    item,
    (t, lang) => {
      const all = [t.question, ...choicesOf(t), t.explanation].join(' ');
      const m = all.match(ABOUT_THE_ARTICLE[lang]);
      return m ? [`mentions "${m[0]}"`] : [];
    },
    'nothing about the article',
  );
  const fact = ctx.fact(item.fact);
  if (fact && fact.topics.every((t) => t === 'article')) out.push(v(item, undefined, 'nothing about the article', `fact "${fact.id}" is only about the article`));
  return out;
};

/** Every rule, by the name a failing test shows. */
export const ITEM_RULES: Record<string, ItemRule> = {
  'every language present, in its own letters': languagesPresent,
  'the same numbers in every language': sameNumbersEverywhere,
  'four distinct choices': distinctChoices,
  'choices of similar length': similarLength,
  'the answer does not stand out by its form': sameForm,
  'no catch-all choice': noCatchAll,
  'all four choices of the item\u2019s kind': choicesOfKind,
  "no choice repeats the question's content words": noEchoOfQuestion,
  'numeric distractors cannot also be true': exclusiveNumbers,
  'no relative time in the question': noRelativeTime,
  '«ёлочки» in Russian and Kazakh': guillemets,
  'Kazakh nouns stay singular after a numeral': kazakhSingularAfterNumeral,
  'an explanation that teaches': teachingExplanation,
  'nothing about the article itself': notAboutTheArticle,
};
