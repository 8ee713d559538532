/**
 * How a daily post tells a fact: the answer as the fact base writes it, without the asides that explain how
 * the source dates it ("(2022, by the paragraph's context)", "(\"last April\" in the article)"). Those asides
 * help a direct answer; in a post they read as notes, and under "On this day in 2022" they repeat the year.
 */
import type { Fact, Lang } from '../facts/schema.js';

/** Words that mark an aside as a note about the source or about how a date was worked out (any language). */
const NOTE = /article|context|timeline|\blast\b|стать|контекст|хронолог|прошл|мақала|мәтін|өткен/iu;
const ASIDE = /\s*\(([^()]*)\)/g;
const YEAR = /\b(?:19|20)\d{2}\b/g;
/** A year as each language says it in an aside: "2022", "2022 года", "2022 жылы". */
const YEAR_PHRASE = /\b(?:19|20)\d{2}\b(?:\s+(?:года|году|год|жылы|жылғы))?/u;

/**
 * The text without its notes in parentheses. An aside that alone gives a year is kept, unless the year is
 * already known to the reader (`knownYears`: the heading's) or said elsewhere in the text, so no date is lost.
 */
export function withoutNotes(text: string, knownYears: readonly string[] = []): string {
  const outside = text.replace(ASIDE, ' ');
  const out = text.replace(ASIDE, (whole, inner: string) => {
    if (!NOTE.test(inner)) return whole;
    const years = inner.match(YEAR) ?? [];
    const lost = years.filter((y) => !knownYears.includes(y) && !outside.includes(y));
    if (lost.length === 0) return '';
    // The year alone stays, without the reasoning: "(2022, judging by the article's timeline)" → "(2022)".
    const year = YEAR_PHRASE.exec(inner);
    return year ? ` (${year[0]})` : whole;
  });
  return out.replace(/\s+([,.;:])/g, '$1').trim();
}

/** Words that end with a full stop inside a sentence ("St. Petersburg", "Dr.", "2022 г. и"). */
const ABBREVIATION = /(?:^|[\s(«"“])(?:St|Mr|Mrs|Ms|Dr|Jr|Sr|vs|etc|No|г|гг|т|им|ст|св|\p{Lu})\.$/u;
/** A possible sentence end: a full stop, question or exclamation mark or ellipsis before the start of another. */
const BOUNDARY = /[.!?…](?=\s+[\p{Lu}«"“(\d])/gu;

/** The sentences of a text, split where one ends and another starts (not after "St." or an initial). */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = (m.index ?? 0) + 1;
    if (ABBREVIATION.test(text.slice(start, end))) continue;
    out.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** A sentence that is a note about the source ("The article does not say which powers exactly."). */
const SOURCE_WORD = /article|стать[\p{L}]*|мақала/iu;
/** …unless it reports what the source says, which is content ("According to the article, …"). */
const ATTRIBUTION = /^(?:according to the article|the article says)|^по словам автора статьи|^мақалаға сәйкес|^мақала оның .*айтады\.$/iu;

/**
 * A fact's answer as a post tells it in full (the fact of the day): without notes in parentheses, and without
 * the sentences after the first that only comment on the source (what it leaves out, where it places a step).
 */
export function toldAnswer(fact: Fact, lang: Lang, knownYears: readonly string[] = []): string {
  const [first = '', ...rest] = sentencesOf(withoutNotes(fact.answer[lang], knownYears));
  return [first, ...rest.filter((s) => !SOURCE_WORD.test(s) || ATTRIBUTION.test(s))].join(' ');
}

/** The first sentence of a fact's answer, as a post tells it (the lead of an event, a reveal's explanation). */
export function toldStatement(fact: Fact, lang: Lang, knownYears: readonly string[] = []): string {
  return sentencesOf(withoutNotes(fact.answer[lang], knownYears))[0] ?? '';
}

/**
 * Time counted from the article's date ("this year", "last year's referendum", "недавних выборов", "биыл"),
 * in any of the languages: a post read on another day of another year would mislead.
 */
const RELATIVE_TIME =
  /\b(?:this|last|next) (?:year|spring|summer|autumn|winter|month|week)\b|\blast year's\b|\brecent(?:ly)?\b|(?:этот|этом|этого|прошл\p{L}*|нынешн\p{L}*|текущ\p{L}*) (?:год|весн|месяц)|этой весной|недавн|биыл|былтыр|өткен жыл|осы жыл|бұл жыл/iu;

/** Whether a text counts time from the article's date (quoting the article's "last year" does too). */
export function countsTimeFromTheArticle(text: string): boolean {
  return RELATIVE_TIME.test(text);
}

/** The words of a title that carry meaning (four letters or more), cut to their first six letters (a crude stem). */
export function titleWords(title: string): ReadonlySet<string> {
  return new Set(
    title
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4)
      .map((w) => w.slice(0, 6)),
  );
}

/**
 * Whether two titles name much the same thing: they share at least half the words of the shorter one. Takes
 * their {@link titleWords}, read once per title (the daily posts compare every fact's title with every other's).
 */
export function namedAlike(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / smaller >= 0.5;
}
