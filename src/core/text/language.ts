import type { Lang } from '../facts/schema.js';
import { foldKazakh, KAZAKH_LATIN_LETTERS } from './kazakh-script.js';

/** Letters found in Kazakh Cyrillic but not in Russian: their presence means the text is Kazakh. */
const KAZAKH_LETTERS = /[әғқңөұүһі]/iu;

/**
 * Kazakh words that questions are built with (question words, particles, conjunctions, common verbs and
 * nouns), as people type them with a Russian keyboard: they tell Kazakh without Kazakh letters ("кашан болды")
 * from Russian, and the small talk said that way ("рахмет", "сау бол", "жаксы"). Latin-script words are compared
 * through their folded form ("qashan boldy").
 */
const KAZAKH_WORDS = `кашан кандай калай канша неше кай кайда кайсы кайсысы неге ким кимнин кимге туралы ушин жане мен пен бен
  болды болган болады болатын деп деди деген айтты айткан емес жок осы бул ол оны онын ма ме ба бе па пе екен еди
  кейин дейин бурын жыл жылы жылгы куни бир сайлау сайлауы мемлекет мемлекеттик тил тили казакстан казакстанда
  казакстаннын ресей ресейдин президенттин кезде кезинде аткан отти откен берди жасады
  рахмет салем салеметсиз салеметсизбе саламатсыз саламатсызба сау бол болыныз кош жаксы жарайды керемет тусиникти
  тусинбедим сизге сиз сен саган иа`
  .split(/\s+/)
  .filter(Boolean);
const KAZAKH_MARKERS = new Set(KAZAKH_WORDS);
const KAZAKH_MARKERS_FOLDED = new Set(KAZAKH_WORDS.map(foldKazakh));

/**
 * Whether a Cyrillic word is one of the Kazakh marker words above: what people type with a Russian keyboard
 * in Kazakh (thanks, greetings, question words), which no Russian word spells the same.
 */
export function isKazakhMarker(word: string): boolean {
  return KAZAKH_MARKERS.has(word.toLowerCase());
}

/** English function words: a Latin text made of these is English, not Kazakh in Latin letters. */
const ENGLISH_MARKERS = new Set(
  `the a an and or of to in on at by for with from is are was were be been did does do what which who whom when where
  why how many much that this it he she they his her their not no yes can could would will has have had about after
  before than then so if`
    .split(/\s+/)
    .filter(Boolean),
);

/** Kazakh words typed in Latin letters that no folded marker catches (short question words, "degenimiz"). */
const KAZAKH_LATIN_WORDS = new Set(['ne', 'nege', 'kim', 'qalai', 'kalai', 'qandai', 'kandai', 'qanday', 'degen', 'degenimiz', 'degeni', 'turaly', 'zhane', 'jane']);

/** Whether a Latin-script word looks Kazakh: a `q` not followed by `u`, or a Kazakh marker word. */
function latinLooksKazakh(word: string): boolean {
  return /q(?!u)/u.test(word) || KAZAKH_LATIN_WORDS.has(word) || KAZAKH_MARKERS_FOLDED.has(foldKazakh(word));
}

/**
 * The language of a piece of text, as people type it:
 * - Kazakh letters, or Kazakh-Latin letters (á, ǵ, ı, ń, ó, ú, ý…), mean Kazakh;
 * - Cyrillic without Kazakh letters is Kazakh when Kazakh marker words outnumber Russian-looking ones,
 *   otherwise Russian;
 * - Latin is Kazakh when its Kazakh-looking words outnumber the English function words, otherwise English.
 * Returns undefined when the text has no letters at all.
 */
export function detectLang(text: string): Lang | undefined {
  if (KAZAKH_LETTERS.test(text) || KAZAKH_LATIN_LETTERS.test(text)) return 'kk';
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  let cyrillic = 0;
  let latin = 0;
  let kazakhCyrillic = 0;
  let kazakhLatin = 0;
  let english = 0;
  for (const w of words) {
    if (/[а-яё]/u.test(w)) {
      cyrillic += 1;
      if (KAZAKH_MARKERS.has(w)) kazakhCyrillic += 1;
    } else if (/[a-z]/u.test(w)) {
      latin += 1;
      if (ENGLISH_MARKERS.has(w)) english += 1;
      else if (latinLooksKazakh(w)) kazakhLatin += 1;
    }
  }
  if (cyrillic === 0 && latin === 0) return undefined;
  if (cyrillic > latin) return kazakhCyrillic >= 2 || (kazakhCyrillic >= 1 && cyrillic <= 3) ? 'kk' : 'ru';
  return kazakhLatin >= 2 && kazakhLatin > english ? 'kk' : 'en';
}

/** Whether a token is written in Cyrillic. */
export function isCyrillic(token: string): boolean {
  return /[а-яёәғқңөұүһі]/iu.test(token);
}
