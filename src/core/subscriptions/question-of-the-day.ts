/**
 * The question of the day as the daily post sees it: a port, so that where the questions come from (the facts'
 * yes/no questions today, the authored quiz bank later) can change without touching the composer.
 */
import type { Lang } from '../facts/schema.js';

/** One multiple-choice question, in one language. */
export interface DailyQuestion {
  /** Names the item in every language: stored with the post, so a later render, press or reveal finds it. */
  id: string;
  /** The fact the item tests (the post keeps that fact, and the facts of its event, out of the same post). */
  factId: string;
  /** Other facts the question or its explanation draws on: kept out of the post too. */
  also?: string[];
  /** The question as asked, ending with "?". */
  question: string;
  /** Button labels, at most 64 characters each. */
  choices: string[];
  /** Index of the right choice. */
  correct: number;
  /** What the reveal says after the right answer: a sentence or two, no "Yes,"/"No:" opening. */
  explanation: string;
}

/**
 * Where questions of the day come from. Both methods are pure: the same arguments give the same answer, so
 * every chat gets the same question on a date, a preview shows what a subscriber gets, and a press days later
 * is checked against the question that was shown.
 */
export interface QuestionOfTheDay {
  /**
   * The id of the question of a local date (`YYYY-MM-DD`), or undefined when there is none: deterministic per
   * date, a different question on consecutive dates (every question once before any repeats), and never one
   * that tests a fact in `avoid` (the facts the post around it tells, so the post never gives its answer away).
   * The id must name the same question in every language (see {@link item}).
   */
  pick(date: string, avoid: ReadonlySet<string>): string | undefined;
  /** The question `id` in a language; undefined when there is no such item (any more). */
  item(id: string, lang: Lang): DailyQuestion | undefined;
}

/** The question of a date in a language: {@link QuestionOfTheDay.pick}, then {@link QuestionOfTheDay.item}. */
export function questionForDate(source: QuestionOfTheDay, date: string, lang: Lang, avoid: ReadonlySet<string> = new Set()): DailyQuestion | undefined {
  const id = source.pick(date, avoid);
  return id === undefined ? undefined : source.item(id, lang);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date: consecutive dates give consecutive numbers. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000);
}

/** FNV-1a, 32 bits: a stable, well-spread number for an id (orders rotations). */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // MurmurHash3's finaliser: FNV alone leaves ids that differ in their last letters close together.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Items in a fixed order that looks random (by the hash of their id and a salt) but never changes. */
export function stableOrder<T>(items: readonly T[], id: (item: T) => string, salt: string): T[] {
  const keyed = items.map((item) => ({ item, key: stableHash(`${salt}:${id(item)}`) }));
  return keyed.sort((a, b) => a.key - b.key || (id(a.item) < id(b.item) ? -1 : 1)).map((k) => k.item);
}

/**
 * The item of a date in a fixed order: the one at the date's place (one step a day, so every item comes once
 * before any repeats). When that one is to be avoided, the next tries jump a long, fixed stride rather than
 * step to the neighbour, which is the next date's item: so an avoided item does not make two consecutive
 * dates ask the same question.
 */
export function pickInOrder<T>(items: readonly T[], date: string, avoided: (item: T) => boolean): T | undefined {
  const n = items.length;
  if (n === 0) return undefined;
  const stride = strideFor(n);
  const start = ((dayNumber(date) % n) + n) % n;
  for (let i = 0; i < n; i++) {
    const item = items[(start + i * stride) % n]!;
    if (!avoided(item)) return item;
  }
  return undefined;
}

/**
 * A stride coprime with `n` (so the jumps visit every item) about 0.38 of the way round, whose first multiples
 * never land next to the start (the neighbouring dates' items).
 */
function strideFor(n: number): number {
  if (n <= 3) return 1;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const near = (k: number) => Array.from({ length: Math.min(12, n) }, (_, m) => ((m + 1) * k) % n).some((r) => r === 1 || r === n - 1);
  for (let k = Math.max(2, Math.round(n * 0.382)); k < n; k++) if (gcd(k, n) === 1 && !near(k)) return k;
  for (let k = 2; k < n; k++) if (gcd(k, n) === 1) return k;
  return 1;
}
