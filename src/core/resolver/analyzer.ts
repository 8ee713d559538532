import type { Lang } from '../facts/schema.js';
import { detectLang, normalize, tokenize } from '../text/normalize.js';
import { numberWordsToDigits } from '../text/number-words.js';
import { stem } from '../text/stem.js';
import { STOPWORDS } from '../text/stopwords.js';

/** A word of a text as the index sees it. */
export interface Term {
  /** The normalised word as written. */
  word: string;
  /** Its matching key (stem). */
  key: string;
}

/** Normalises, tokenises, drops stop words and stems a text written in `lang` (detected when omitted). */
export function analyze(text: string, lang?: Lang): Term[] {
  const normalized = numberWordsToDigits(normalize(text));
  const l = lang ?? detectLang(normalized) ?? 'en';
  const out: Term[] = [];
  for (const word of tokenize(normalized)) {
    if (STOPWORDS.has(word)) continue;
    // One-letter words carry nothing; digits always count ("5 June", "7-year").
    if (word.length < 2 && !/\d/.test(word)) continue;
    out.push({ word, key: stem(word, l) });
  }
  return out;
}

/** Distinct keys of a text. */
export function keysOf(text: string, lang?: Lang): string[] {
  return [...new Set(analyze(text, lang).map((t) => t.key))];
}
