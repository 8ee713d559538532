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

export { detectLang, isCyrillic } from './language.js';
