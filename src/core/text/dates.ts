import type { Fact, Lang } from '../facts/schema.js';

const MONTHS: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
};
const MONTHS_NOMINATIVE_RU = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];

/** Says a calendar date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or month and day alone) the way each language does. */
export function formatCalendarDate(parts: { year?: number; month?: number; day?: number }, lang: Lang): string {
  const { year, month, day } = parts;
  const m = month ? MONTHS[lang][month - 1] : undefined;
  if (lang === 'en') return [day, m, year].filter((x) => x !== undefined).join(' ');
  if (lang === 'ru') {
    if (m && day === undefined) return `${MONTHS_NOMINATIVE_RU[(month ?? 1) - 1]}${year ? ` ${year} г.` : ''}`;
    return [day, m, year !== undefined ? `${year} г.` : undefined].filter((x) => x !== undefined).join(' ');
  }
  const yearPart = year !== undefined ? `${year} жылғы` : undefined;
  if (!m) return year !== undefined ? `${year} жыл` : '';
  return [yearPart, day, m].filter((x) => x !== undefined).join(' ');
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
