import type { Fact, Lang } from '../facts/schema.js';
import { monthName } from './months.js';

/**
 * Says a calendar date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or month and day alone) the way the answers in
 * data/ write it, one style per language: "June 5, 2022", "5 июня 2022 года", "2022 жылғы 5 маусым".
 */
export function formatCalendarDate(parts: { year?: number; month?: number; day?: number }, lang: Lang): string {
  const { year, month, day } = parts;
  if (!month) {
    if (year === undefined) return '';
    return lang === 'en' ? String(year) : lang === 'ru' ? `${year} год` : `${year} жыл`;
  }
  if (lang === 'en') {
    const m = monthName(month, 'en');
    if (day === undefined) return year === undefined ? m : `${m} ${year}`;
    return year === undefined ? `${m} ${day}` : `${m} ${day}, ${year}`;
  }
  if (lang === 'ru') {
    if (day === undefined) return `${monthName(month, 'ru', 'alone')}${year === undefined ? '' : ` ${year} года`}`;
    return `${day} ${monthName(month, 'ru')}${year === undefined ? '' : ` ${year} года`}`;
  }
  const m = monthName(month, 'kk');
  return [year !== undefined ? `${year} жылғы` : undefined, day, m].filter((x) => x !== undefined).join(' ');
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
