import type { Lang } from '../facts/schema.js';

/**
 * Month names: the one table for reading them in questions (every case form, every script people type
 * Kazakh in) and for writing them in answers. Month numbers are 1-based.
 */

/** Genitive for Russian ("5 июня"), the form a date with a day uses; English and Kazakh have one form. */
const WITH_DAY: Record<Lang, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
};

/** The month on its own ("март 2023 года" → nominative in Russian). */
const ALONE: Record<Lang, readonly string[]> = {
  en: WITH_DAY.en,
  ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
  kk: WITH_DAY.kk,
};

/** The name of a month, in the form a date with a day needs (`day: true`) or alone. */
export function monthName(month: number, lang: Lang, form: 'with-day' | 'alone' = 'with-day'): string {
  return (form === 'alone' ? ALONE : WITH_DAY)[lang][month - 1] ?? '';
}

/**
 * How each month is written in a question: English names and abbreviations, Russian stems (every case:
 * "мае", "маю", "мая"), Kazakh stems with and without Kazakh letters and in Latin script.
 */
const READINGS: readonly RegExp[] = [
  /^(?:january|jan|январ\p{L}*|[қк]а[ңн]тар\p{L}*|[qk]a[nń]tar\p{L}*)$/u,
  /^(?:february|feb|феврал\p{L}*|а[қк]пан\p{L}*|a[qk]pan\p{L}*)$/u,
  /^(?:march|mar|март\p{L}*|наурыз\p{L}*|nauryz\p{L}*)$/u,
  /^(?:april|apr|апрел\p{L}*|с[әа]у[іи]р\p{L}*|s[áa]u[iı]r\p{L}*)$/u,
  /^(?:may|ма[йяею]|мамыр\p{L}*|mamyr\p{L}*)$/u,
  /^(?:june|jun|июн\p{L}*|маусым\p{L}*|maýsym\p{L}*|mausym\p{L}*)$/u,
  /^(?:july|jul|июл\p{L}*|ш[іи]лде\p{L}*|shilde\p{L}*)$/u,
  /^(?:august|aug|август\p{L}*|тамыз\p{L}*|tamyz\p{L}*)$/u,
  /^(?:september|sept|sep|сентябр\p{L}*|[қк]ыр[күу]+йек\p{L}*|[qk]yrk[uú]iek\p{L}*|[qk]yrk[uú]yek\p{L}*)$/u,
  /^(?:october|oct|октябр\p{L}*|[қк]азан(?:да|ның|нын|ға|га)?|[qk]azan(?:da)?)$/u,
  /^(?:november|nov|ноябр\p{L}*|[қк]араша\p{L}*|[qk]arasha\p{L}*)$/u,
  /^(?:december|dec|декабр\p{L}*|желто[қк]сан\p{L}*|zhelto[qk]san\p{L}*|jelto[qk]san\p{L}*)$/u,
];

/** The month a (normalised, lower-case) word names, if it names one. */
export function monthOf(word: string): number | undefined {
  const i = READINGS.findIndex((re) => re.test(word));
  return i >= 0 ? i + 1 : undefined;
}
