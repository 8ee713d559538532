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
