import { LANGS, type Lang } from '../facts/schema.js';
import { foldKazakh } from '../text/kazakh-script.js';
import { detectLang, isCyrillic, isKazakhMarker } from '../text/language.js';
import { normalize, tokenize } from '../text/normalize.js';
import { numberWordsToDigits } from '../text/number-words.js';
import { stem } from '../text/stem.js';
import { isStopword } from './analyzer.js';
import { findDates, type DateQuery } from './date-query.js';
import { questionType, type QuestionType } from './question-type.js';
import type { SearchIndex } from './search-index.js';

/** One reading of a question word: a key the index may know, and how much it is trusted. */
export interface Reading {
  key: string;
  /** 1 for the word itself in the question's language; less for another language, a correction or a synonym. */
  factor: number;
}

/** A content word of the question, resolved against the index. */
export interface QueryWord {
  word: string;
  /** Its key in the question's language (whether the index knows it or not). */
  key: string;
  readings: Reading[];
  /** How much it counts: the IDF of its rarest known reading (an unknown word counts fully and matches nothing). */
  weight: number;
  /** Whether the fact base knows any of its readings. */
  known: boolean;
}

/** What the resolver understood of a question before looking for facts. */
export interface QuestionAnalysis {
  /** The question as typed, trimmed. */
  raw: string;
  /** Normalised, mentions removed. */
  normalized: string;
  /** The question's language (Kazakh typed without Kazakh letters or in Latin script included). */
  lang: Lang;
  type: QuestionType;
  words: QueryWord[];
  /** Every key of every reading, for entity detection. */
  keys: Set<string>;
  dates: DateQuery[];
  /** Numbers written in digits. */
  numbers: string[];
  /** Entities the question names (by name or by description), background entities included. */
  entities: Map<string, { descriptor: boolean; keys: string[] }>;
  /** Share of the question's weight carried by words the fact base does not know at all. */
  unknownShare: number;
  /** Total weight of the content words. */
  totalWeight: number;
  /** A name the fact base does not know ("Uzbekistan", "Лукашенко"): the question is likely about something else. */
  unknownName: boolean;
  /** A "how many" that asks for a length of time ("how long", "сколько времени"), which days and years answer. */
  asksDuration: boolean;
  /** The units (data/units.json) the word a "how many" counts belongs to ("how many people" → people). */
  countedUnits: string[];
  /** The keys of the words a "how many" counts ("how many *Kazakh presidents*"), to tell a list that counts them. */
  countedKeys: string[];
}

/** How much a reading of the word in another of the bot's languages counts (people mix languages). */
const OTHER_LANGUAGE_FACTOR = 0.9;
/** How much a synonym's match counts against the word itself. */
const SYNONYM_FACTOR = 0.85;
/** Lowest fuse.js similarity at which a misspelled word is read as a known one. */
const TYPO_SIMILARITY = 0.72;

/** Mentions (@everyone, @here, @user) are addressing, not words of the question. */
export function stripMentions(normalized: string): string {
  return normalized.replace(/(^|\s)@[\p{L}\p{N}_]+/gu, ' ');
}

/**
 * Analyses a question: language (voting with the fact base's vocabulary when the letters cannot tell),
 * type, dates, numbers, the entities it names, and each content word with its readings in the bot's
 * languages, likely corrections of misspellings and synonyms.
 */
export function analyzeQuestion(raw: string, index: SearchIndex, forcedLang?: Lang, fallbackLang?: Lang): QuestionAnalysis {
  const full = stripMentions(normalize(raw));
  const lang = forcedLang ?? questionLang(full, index) ?? fallbackLang ?? 'en';
  // "Name two." after a question asks for a list; the instruction's words are not what the question is about.
  const instruction = LIST_INSTRUCTION.exec(full);
  const normalized = instruction && instruction.index > 0 ? full.slice(0, instruction.index).trim() : full;
  const asked = questionType(normalized, lang);
  const type = instruction && (asked === 'what' || asked === 'yesno') ? 'list' : asked;
  const words = queryWords(normalized, lang, index);
  const keys = new Set(words.flatMap((w) => w.readings.map((r) => r.key)));
  // Entities are named by the words themselves (in any of the bot's languages), not by synonyms or
  // corrections: "experts" does not name the political scientist.
  const namingKeys = new Set(words.flatMap((w) => [w.key, ...w.readings.filter((r) => r.factor >= OTHER_LANGUAGE_FACTOR).map((r) => r.key)]));
  const totalWeight = words.reduce((s, w) => s + w.weight, 0);
  const unknownWeight = words.filter((w) => !w.known).reduce((s, w) => s + w.weight, 0);
  return {
    raw: raw.trim(),
    normalized,
    lang,
    type,
    words,
    keys,
    dates: findDates(normalized, lang),
    numbers: [...new Set(numberWordsToDigits(normalized).match(/(?<![\p{L}\p{N}])\d+(?![\p{L}\p{N}])/gu) ?? [])],
    entities: index.entitiesNamed(namingKeys),
    unknownShare: totalWeight > 0 ? unknownWeight / totalWeight : 0,
    totalWeight,
    unknownName: hasUnknownName(raw, words),
    asksDuration: DURATION.test(type === 'howmany' ? normalized : '') || (lang === 'kk' && DURATION.test(normalized.replace(/[\p{L}]+/gu, (w) => foldKazakh(w)))),
    countedUnits: type === 'howmany' ? countedUnits(normalized, lang, index) : [],
    countedKeys: type === 'howmany' ? countedWords(normalized, lang).map((w) => stem(w, lang)) : [],
  };
}

/** The two words right after "how many" / "сколько", or right after "қанша" / "неше": what is counted. */
const COUNTED: Record<Lang, RegExp> = {
  en: /how (?:many|much) (?:new |more |of the )?([\p{L}]+)(?: ([\p{L}]+))?/u,
  ru: /сколько (?:новых |всего )?([\p{L}]+)(?: ([\p{L}]+))?/u,
  kk: /(?:канша|неше) (?:жана )?([\p{L}]+)(?: ([\p{L}]+))?/u,
};

function countedWords(normalized: string, lang: Lang): string[] {
  const text = lang === 'kk' ? normalized.replace(/[\p{L}]+/gu, (w) => foldKazakh(w)) : normalized;
  const m = COUNTED[lang].exec(text);
  return m ? [m[1], m[2]].filter((w): w is string => !!w && !isStopword(w, lang)) : [];
}

function countedUnits(normalized: string, lang: Lang, index: SearchIndex): string[] {
  const key = countedWords(normalized, lang).map((w) => stem(w, lang))[0];
  if (!key) return [];
  return [...index.unitKeys].filter(([, keys]) => keys.has(key)).map(([unit]) => unit);
}

/** An instruction to list ("name two", "назовите хотя бы два пункта", "екеуін ата"), at the end of a question. */
const LIST_INSTRUCTION =
  /(?:[.?!]\s*|,\s*|\s+)(?:(?:please\s+)?(?:name|list|give)\s+(?:at\s+least\s+)?(?:two|three|2|3|some|a few)\b[^?]*|(?:назовите|назови|перечислите|перечисли)(?:\s+хотя\s+бы)?(?:\s+(?:два|две|три|2|3|несколько)\b)?[^?]*|(?:кемінде\s+|кеминде\s+)?(?:екеуін|екеуин|екі|үшеуін)\s+(?:ата\p{L}*|атап\s+бер\p{L}*)[^?]*|ekeýin\s+ata\p{L}*)[.!]?\s*$/u;

/** Questions about a length of time, in the bot's languages (Kazakh folded). */
const DURATION = /how long|how much time|how many (?:days|weeks|months|years)|сколько (?:времени|дней|недель|месяцев|лет)|как долго|канша (?:уакит|кун|апта|аи|жил)|неше (?:кун|апта|аи|жил)/u;

/**
 * Whether the question names something the fact base does not know: a capitalised word inside a sentence
 * (not its first word) that no fact has in any reading.
 */
function hasUnknownName(raw: string, words: QueryWord[]): boolean {
  const unknown = new Set(words.filter((w) => !w.known).map((w) => w.word));
  if (unknown.size === 0) return false;
  for (const m of raw.matchAll(/(?<=[\p{L}\p{N},;:)»"”'-]\s+)\p{Lu}[\p{L}'-]+/gu)) if (unknown.has(normalize(m[0]))) return true;
  // A first word that no reading or correction explains and is long enough to be a name ("Qyrgyzstan …").
  const first = /^\s*(\p{Lu}[\p{L}'-]{4,})/u.exec(raw)?.[1];
  return first !== undefined && unknown.has(normalize(first));
}

/**
 * The question's language: the letters decide when they can (Kazakh letters, Kazakh Latin letters); between
 * Russian and Kazakh typed with Russian letters, and between English and Kazakh in plain Latin, the words the
 * fact base knows in each language vote, a Kazakh marker word of {@link detectLang} voting Kazakh, with
 * {@link detectLang} as the tie-breaker.
 */
export function questionLang(normalized: string, index: SearchIndex): Lang | undefined {
  const byLetters = detectLang(normalized);
  if (!byLetters) return undefined;
  if (/[әғқңөұүһі]/u.test(normalized)) return 'kk';
  const tokens = tokenize(normalized).filter((t) => t.length >= 3 && !/\d/.test(t));
  const cyrillic = tokens.filter(isCyrillic);
  const latin = tokens.filter((t) => !isCyrillic(t));
  const rival: Lang = cyrillic.length >= latin.length ? 'ru' : 'en';
  const pool = rival === 'ru' ? cyrillic : latin;
  let own = 0;
  let kazakh = 0;
  for (const t of pool) {
    // A Kazakh marker word ("рахмет", "бол", "кашан") is Kazakh whatever a Russian stem of it may match.
    if (rival === 'ru' && isKazakhMarker(t)) {
      kazakh += 1;
      continue;
    }
    const ownKey = stem(t, rival);
    const kkKey = stem(t, 'kk');
    const inOwn = !isStopword(t, rival) && index.keysByLang[rival].has(ownKey);
    const inKazakh = !isStopword(t, 'kk') && index.keysByLang.kk.has(kkKey);
    if (inOwn && !inKazakh) own += 1;
    if (inKazakh && !inOwn) kazakh += 1;
  }
  if (kazakh > own) return 'kk';
  if (own > kazakh) return byLetters === 'kk' && kazakh > 0 ? 'kk' : rival;
  return byLetters;
}

function queryWords(normalized: string, lang: Lang, index: SearchIndex): QueryWord[] {
  const out = new Map<string, QueryWord>();
  for (const word of tokenize(numberWordsToDigits(normalized))) {
    if (out.has(word) || isStopword(word, lang)) continue;
    if (word.length < 2 && !/\d/.test(word)) continue;
    const readings: Reading[] = [];
    const push = (key: string, factor: number) => {
      const prev = readings.find((r) => r.key === key);
      if (prev) prev.factor = Math.max(prev.factor, factor);
      else readings.push({ key, factor });
    };
    // The word in the question's language, then in the other languages its script can be (a Russian word in
    // a Kazakh question, "Referendum" in Latin-script Kazakh, "AENS" anywhere).
    const own = stem(word, lang);
    if (index.knows(own)) push(own, 1);
    for (const l of LANGS) {
      if (l === lang || (isCyrillic(word) ? l === 'en' : l === 'ru')) continue;
      const key = stem(word, l);
      if (index.knows(key)) push(key, OTHER_LANGUAGE_FACTOR);
    }
    const known = readings.length > 0;
    // Synonyms from data/synonyms.json: "office" also reads as "post", a little more weakly.
    for (const base of [...readings, { key: own, factor: 1 }])
      for (const syn of index.synonymKeys.get(base.key) ?? []) if (index.df(syn) > 0) push(syn, base.factor * SYNONYM_FACTOR);
    // An unknown word may be a misspelling of a known one (compared in folded form for Kazakh); a known one is
    // taken as written. Corrections get no synonyms of their own: a guess of a guess drifts.
    if (!known && !/\d/.test(word))
      for (const fix of index.corrections(lang === 'kk' ? foldKazakh(word) : word))
        if (fix.similarity >= TYPO_SIMILARITY && fix.key !== own) push(fix.key, fix.similarity * (known ? 0.9 : 1));
    // A known word weighs its own IDF; an unknown one that of its rarest reading, or the highest IDF.
    const weight = known || readings.length === 0 ? index.idf(readings[0]?.key ?? own) : Math.max(...readings.map((r) => index.idf(r.key)));
    out.set(word, { word, key: own, readings, weight, known: readings.length > 0 });
  }
  return [...out.values()];
}
