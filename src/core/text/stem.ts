import { newStemmer } from 'snowball-stemmers';
import type { Lang } from '../facts/schema.js';
import { isCyrillic } from './normalize.js';

const english = newStemmer('english');
const russian = newStemmer('russian');

/** Kazakh has no Snowball stemmer; as an agglutinative language its words keep their root at the front. */
const KAZAKH_ROOT_LENGTH = 5;

/**
 * Reduces a normalised token to a matching key. Latin words use the English Snowball stemmer,
 * Cyrillic words the Russian one, or a root prefix when the surrounding text is Kazakh.
 * Digits pass through unchanged.
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
  if (isCyrillic(token)) {
    if (lang === 'kk') return token.length > KAZAKH_ROOT_LENGTH ? token.slice(0, KAZAKH_ROOT_LENGTH) : token;
    return russian.stem(token);
  }
  return english.stem(token);
}
