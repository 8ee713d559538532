import { newStemmer } from 'snowball-stemmers';
import type { Lang } from '../facts/schema.js';
import { foldKazakh } from './kazakh-script.js';
import { isCyrillic } from './language.js';

const english = newStemmer('english');
const russian = newStemmer('russian');

/** Kazakh has no Snowball stemmer; as an agglutinative language its words keep their root at the front. */
const KAZAKH_ROOT_LENGTH = 5;

/**
 * Reduces a normalised token to a matching key. In Kazakh text every word (Cyrillic with or without Kazakh
 * letters, or Latin) is folded to one script and cut to its root prefix; otherwise Latin words use the
 * English Snowball stemmer and Cyrillic words the Russian one. Digits pass through unchanged.
 */
export function stem(token: string, lang: Lang): string {
  const cacheKey = `${lang}:${token}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const key = computeStem(token, lang);
  // Stemming is the hot spot of index building; words repeat a lot, so remember them (bounded).
  if (cache.size < 200_000) cache.set(cacheKey, key);
  return key;
}

const cache = new Map<string, string>();

function computeStem(token: string, lang: Lang): string {
  if (/^\d/.test(token)) return token;
  // Kazakh is read through its folded form, so "қашан", "кашан" and "qashan" share one key.
  if (lang === 'kk') {
    const folded = foldKazakh(token);
    return folded.length > KAZAKH_ROOT_LENGTH ? folded.slice(0, KAZAKH_ROOT_LENGTH) : folded;
  }
  if (isCyrillic(token)) return russian.stem(token);
  return english.stem(token);
}
