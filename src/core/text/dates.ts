import type { Fact, Lang } from '../facts/schema.js';
import { dateFormatter, monthName, utcDay } from './months.js';

/**
 * Says a calendar date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or month and day alone) the way the answers in
 * data/ write it, one style per language: "June 5, 2022", "5 июня 2022 года", "2022 жылғы 5 маусым".
 * English is Intl.DateTimeFormat's as it is; Russian takes Intl's day and month ("5 июня") but says the
 * year in words ("2022 года", where Intl writes "2022 г."); Kazakh is built from its month table.
 */
export function formatCalendarDate(parts: { year?: number; month?: number; day?: number }, lang: Lang): string {
  // Intl formats in about a microsecond, twenty times slower than a lookup, and the calendar says every fact's date.
  const key = `${lang} ${parts.year} ${parts.month} ${parts.day}`;
  let text = said.get(key);
  if (text === undefined) {
    if (said.size >= 10_000) said.clear();
    text = sayCalendarDate(parts, lang);
    said.set(key, text);
  }
  return text;
}

/** Dates already said, by language and parts. */
const said = new Map<string, string>();

function sayCalendarDate(parts: { year?: number; month?: number; day?: number }, lang: Lang): string {
  const { year, month, day } = parts;
  if (!month) {
    if (year === undefined) return '';
    return lang === 'en' ? String(year) : lang === 'ru' ? `${year} год` : `${year} жыл`;
  }
  if (lang === 'en') {
    const options: Intl.DateTimeFormatOptions = { month: 'long' };
    if (day !== undefined) options.day = 'numeric';
    if (year !== undefined) options.year = 'numeric';
    return dateFormatter('en', options).format(utcDay(month, day, year));
  }
  if (lang === 'ru') {
    const dayMonth = day === undefined ? monthName(month, 'ru', 'alone') : dateFormatter('ru', { day: 'numeric', month: 'long' }).format(utcDay(month, day));
    return year === undefined ? dayMonth : `${dayMonth} ${year} года`;
  }
  return [year !== undefined ? `${year} жылғы` : undefined, day, monthName(month, 'kk')].filter((x) => x !== undefined).join(' ');
}

/** Splits an ISO-like value into numbers. */
export function parseDateValue(value: string): { year: number; month?: number; day?: number } {
  const [y, m, d] = value.split('-').map(Number);
  return { year: y ?? 0, month: m, day: d };
}

/** Says an ISO-like date value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) the way each language does. */
export function formatDateValue(value: string, lang: Lang): string {
  return formatCalendarDate(parseDateValue(value), lang);
}

/** A fact's date as the source gives it: exact when exact, the fact's own wording when vague. */
export function formatFactDate(date: NonNullable<Fact['date']>, lang: Lang): string {
  if (date.text) return date.text[lang];
  return formatDateValue(date.value, lang);
}
