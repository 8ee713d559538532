import type { Lang } from '../facts/schema.js';

/** Letters found in Kazakh Cyrillic but not in Russian: their presence means the text is Kazakh. */
const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
const CYRILLIC = /[а-яё]/i;
const NON_WORD = /[^\p{L}\p{N}]+/u;

/**
 * Canonical form for matching: Unicode NFKC, lower case, `ё` as `е`, typographic quotes and dashes
 * unified. Keeps letters, digits and the characters that join words (hyphen, apostrophe, `%`, `$`, `.` in numbers).
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Splits normalised text into word tokens (letters or digits), dropping punctuation, emoji and symbols. */
export function tokenize(normalized: string): string[] {
  // Anything that is not a letter or a digit separates words (apostrophes and hyphens included).
  return normalized.split(NON_WORD).filter((w) => w.length > 0);
}

/**
 * The language of a piece of text: Kazakh-specific letters mean Kazakh; otherwise Cyrillic means Russian;
 * Latin (or nothing recognisable) means English. Returns undefined when the text has no letters at all.
 */
export function detectLang(text: string): Lang | undefined {
  if (KAZAKH_LETTERS.test(text)) return 'kk';
  const cyr = (text.match(/[а-яё]/gi) ?? []).length;
  const lat = (text.match(/[a-z]/gi) ?? []).length;
  if (cyr === 0 && lat === 0) return undefined;
  if (cyr > lat) return 'ru';
  return 'en';
}

/** Whether a token is written in Cyrillic. */
export function isCyrillic(token: string): boolean {
  return CYRILLIC.test(token) || KAZAKH_LETTERS.test(token);
}
