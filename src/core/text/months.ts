import type { Lang } from '../facts/schema.js';

/**
 * Month names, for writing them in answers and reading them in questions: the one place for both. Month
 * numbers are 1-based. English and Russian names come from Intl.DateTimeFormat (the platform's CLDR data,
 * with the Russian genitive a date with a day needs); Kazakh keeps a table, because CLDR capitalises a
 * Kazakh month standing alone ("Маусым") and writes its dates as "2022 ж. 5 маусым", not as the answers do.
 */

/** Kazakh month names, in the lower case a date uses ("2022 жылғы 5 маусым"). */
const KAZAKH = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached UTC formatter: building one costs far more than formatting with it. */
export function dateFormatter(lang: 'en' | 'ru', options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

/** Noon UTC of a calendar day; a date without a year falls in a leap year, so 29 February exists. */
export function utcDay(month: number, day = 1, year = 2000): Date {
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/**
 * The name of a month: in the form a date with a day needs (`with-day`: Russian genitive, "5 июня") or
 * alone (`alone`: Russian nominative, "июнь 2022 года"). English and Kazakh have one form.
 */
export function monthName(month: number, lang: Lang, form: 'with-day' | 'alone' = 'with-day'): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) return '';
  if (lang === 'kk') return KAZAKH[month - 1] ?? '';
  const options: Intl.DateTimeFormatOptions = form === 'with-day' ? { month: 'long', day: 'numeric' } : { month: 'long' };
  return dateFormatter(lang, options).formatToParts(utcDay(month)).find((p) => p.type === 'month')?.value ?? '';
}

/** The twelve month names of a language, January first, in the form a date with a day needs. */
export function monthNames(lang: Lang): string[] {
  return Array.from({ length: 12 }, (_, i) => monthName(i + 1, lang));
}

/**
 * How each month is written in a question, per language: English names and abbreviations, Russian stems
 * (every case: "мае", "маю", "мая"), Kazakh stems with and without Kazakh letters and in Latin script. A
 * Kazakh question may use Russian month names too; an English or Russian one never means a Kazakh month
 * ("Kazan" is a city, not "қазан", October).
 */
const READINGS: Record<Lang, readonly RegExp[]> = {
  en: [
    /^(?:january|jan)$/u, /^(?:february|feb)$/u, /^(?:march|mar)$/u, /^(?:april|apr)$/u, /^may$/u, /^(?:june|jun)$/u,
    /^(?:july|jul)$/u, /^(?:august|aug)$/u, /^(?:september|sept|sep)$/u, /^(?:october|oct)$/u, /^(?:november|nov)$/u, /^(?:december|dec)$/u,
  ],
  ru: [
    /^январ\p{L}*$/u, /^феврал\p{L}*$/u, /^март\p{L}*$/u, /^апрел\p{L}*$/u, /^ма[йяею]$/u, /^июн\p{L}*$/u,
    /^июл\p{L}*$/u, /^август\p{L}*$/u, /^сентябр\p{L}*$/u, /^октябр\p{L}*$/u, /^ноябр\p{L}*$/u, /^декабр\p{L}*$/u,
  ],
  kk: [
    /^(?:[қк]а[ңн]тар\p{L}*|[qk]a[nń]tar\p{L}*)$/u,
    /^(?:а[қк]пан\p{L}*|a[qk]pan\p{L}*)$/u,
    /^(?:наурыз\p{L}*|nauryz\p{L}*)$/u,
    /^(?:с[әа]у[іи]р\p{L}*|s[áa]u[iı]r\p{L}*)$/u,
    /^(?:мамыр\p{L}*|mamyr\p{L}*)$/u,
    /^(?:маусым\p{L}*|maýsym\p{L}*|mausym\p{L}*)$/u,
    /^(?:ш[іи]лде\p{L}*|shilde\p{L}*)$/u,
    /^(?:тамыз\p{L}*|tamyz\p{L}*)$/u,
    /^(?:[қк]ыр[күу]+йек\p{L}*|[qk]yrk[uú][iy]ek\p{L}*)$/u,
    /^(?:[қк]азан(?:да|ның|нын|ға|га)?|[qk]azan(?:da)?)$/u,
    /^(?:[қк]араша\p{L}*|[qk]arasha\p{L}*)$/u,
    /^(?:желто[қк]сан\p{L}*|zhelto[qk]san\p{L}*|jelto[qk]san\p{L}*)$/u,
  ],
};

/**
 * The month a (normalised, lower-case) word names in a text of this language, if it names one: English
 * and Russian names in any text (people mix them), Kazakh names only in Kazakh.
 */
export function monthOf(word: string, lang: Lang = 'kk'): number | undefined {
  const tables = lang === 'kk' ? [READINGS.kk, READINGS.ru, READINGS.en] : [READINGS.en, READINGS.ru];
  for (const table of tables) {
    const i = table.findIndex((re) => re.test(word));
    if (i >= 0) return i + 1;
  }
  return undefined;
}
