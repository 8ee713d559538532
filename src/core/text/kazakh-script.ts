/**
 * Kazakh as people really type it: with Kazakh letters, with Russian letters only ("кашан" for "қашан"),
 * or in Latin script (the 2021 alphabet, "Referendum qai kuni otti?", and informal spellings such as
 * "kashan", "boldy", "zhane"). Matching reads all three through one folded Cyrillic form, in which each
 * Kazakh letter and its usual stand-in are the same letter.
 */

/** Kazakh-only Cyrillic letters (and the vowels people swap for each other) to the letter typed without them. */
const CYRILLIC_FOLD: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ы: 'и',
  й: 'и',
  ё: 'е',
  э: 'е',
  ц: 'тс',
  я: 'иа',
  ю: 'иу',
  щ: 'ш',
  ь: '',
  ъ: '',
};

/** Latin digraphs first (informal and official spellings), then single letters. */
const LATIN_DIGRAPHS: [string, string][] = [
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'тс'],
  ['ya', 'иа'],
  ['yu', 'иу'],
  ['yo', 'ио'],
];
const LATIN_LETTERS: Record<string, string> = {
  a: 'а', á: 'а', ä: 'а', b: 'б', c: 'с', d: 'д', e: 'е', é: 'е', f: 'ф', g: 'г', ǵ: 'г', ğ: 'г', h: 'х',
  i: 'и', ı: 'и', j: 'ж', k: 'к', l: 'л', m: 'м', n: 'н', ń: 'н', ñ: 'н', o: 'о', ó: 'о', ö: 'о', p: 'п',
  q: 'к', r: 'р', s: 'с', ş: 'ш', t: 'т', u: 'у', ú: 'у', ū: 'у', ü: 'у', v: 'в', w: 'у', x: 'кс', y: 'и',
  ý: 'у', z: 'з',
};

/** Letters that occur in Kazakh Latin (2021 alphabet and its variants) and not in English. */
export const KAZAKH_LATIN_LETTERS = /[áäǵğıńñóöúūüýş]/u;

/**
 * The folded form of a Kazakh word written in any of its scripts: lower-case Cyrillic without Kazakh
 * letters, with doubled `и` collapsed ("конституцияға", "конституцияга" and "konstitýtsııaǵa" all fold to
 * "конститутсиага").
 */
export function foldKazakh(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const folded = computeFold(word);
  // Folding runs for every word indexed and asked; words repeat a lot (bounded, like the stem cache).
  if (cache.size < 100_000) cache.set(word, folded);
  return folded;
}

const cache = new Map<string, string>();

function computeFold(word: string): string {
  const lower = word.toLowerCase();
  const cyrillic = /\p{Script=Latin}/u.test(lower) ? latinToCyrillic(lower) : lower;
  let out = '';
  for (const ch of cyrillic) out += CYRILLIC_FOLD[ch] ?? ch;
  return out.replace(/и{2,}/g, 'и');
}

/** A Latin-script Kazakh word in Cyrillic letters (already folded where Latin cannot tell letters apart). */
function latinToCyrillic(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; ) {
    const pair = word.slice(i, i + 2);
    const digraph = LATIN_DIGRAPHS.find(([latin]) => latin === pair);
    if (digraph) {
      out += digraph[1];
      i += 2;
      continue;
    }
    const ch = word[i] ?? '';
    out += LATIN_LETTERS[ch] ?? ch;
    i += 1;
  }
  return out;
}
