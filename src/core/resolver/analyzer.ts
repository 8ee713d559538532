import type { Lang } from '../facts/schema.js';
import { foldKazakh } from '../text/kazakh-script.js';
import { detectLang } from '../text/language.js';
import { normalize, tokenize } from '../text/normalize.js';
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

/** Kazakh stop words in their folded form, so "кашан" and "qashan" are dropped like "қашан". */
const KAZAKH_STOPWORDS_FOLDED: ReadonlySet<string> = new Set([...STOPWORDS].filter((w) => /[\p{Script=Cyrillic}]/u.test(w)).map(foldKazakh));

/** Whether a word carries no topic in a text of this language. */
export function isStopword(word: string, lang: Lang): boolean {
  return STOPWORDS.has(word) || (lang === 'kk' && KAZAKH_STOPWORDS_FOLDED.has(foldKazakh(word)));
}

/** Normalises, tokenises, drops stop words and stems a text written in `lang` (detected when omitted). */
export function analyze(text: string, lang?: Lang): Term[] {
  const normalized = numberWordsToDigits(normalize(text));
  const l = lang ?? detectLang(normalized) ?? 'en';
  const out: Term[] = [];
  for (const word of tokenize(normalized)) {
    if (isStopword(word, l)) continue;
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
