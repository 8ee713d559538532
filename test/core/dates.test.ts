/**
 * Month names and dates, written and read in one module (src/core/text/months.ts, dates.ts): the styles the
 * answers use in each language, and every name the bot writes read back as the same month.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/facts/schema.js';
import { formatCalendarDate, formatDateValue } from '../../src/core/text/dates.js';
import { monthName, monthNames, monthOf } from '../../src/core/text/months.js';

describe('writing dates', () => {
  it('says a day, a month and a year the way each language does', () => {
    expect(formatDateValue('2022-06-05', 'en')).toBe('June 5, 2022');
    expect(formatDateValue('2022-06-05', 'ru')).toBe('5 июня 2022 года');
    expect(formatDateValue('2022-06-05', 'kk')).toBe('2022 жылғы 5 маусым');
  });

  it('says a month of a year with the Russian month in the nominative', () => {
    expect(formatDateValue('2023-03', 'en')).toBe('March 2023');
    expect(formatDateValue('2023-03', 'ru')).toBe('март 2023 года');
    expect(formatDateValue('2023-03', 'kk')).toBe('2023 жылғы наурыз');
  });

  it('says a day of the year without a year, 29 February included', () => {
    expect(formatCalendarDate({ month: 2, day: 29 }, 'en')).toBe('February 29');
    expect(formatCalendarDate({ month: 2, day: 29 }, 'ru')).toBe('29 февраля');
    expect(formatCalendarDate({ month: 2, day: 29 }, 'kk')).toBe('29 ақпан');
  });

  it('says a year alone, and nothing for no date', () => {
    expect(['en', 'ru', 'kk'].map((l) => formatDateValue('2019', l as 'en'))).toEqual(['2019', '2019 год', '2019 жыл']);
    expect(formatCalendarDate({}, 'ru')).toBe('');
  });

  it('names the twelve months, Russian in the genitive after a day and in the nominative alone', () => {
    expect(monthNames('en')).toEqual(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
    expect(monthNames('ru')).toEqual(['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря']);
    expect(Array.from({ length: 12 }, (_, i) => monthName(i + 1, 'ru', 'alone'))).toEqual(['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь']);
    expect(monthNames('kk')).toEqual(['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан']);
    expect(monthName(13, 'en')).toBe('');
  });
});

describe('reading month names', () => {
  it('reads back every name the bot writes, in every form, as the same month', () => {
    for (const lang of LANGS)
      for (let m = 1; m <= 12; m++)
        for (const form of ['with-day', 'alone'] as const) expect(monthOf(monthName(m, lang, form).toLowerCase(), lang), `${lang} ${m} ${form}`).toBe(m);
  });

  it('reads Russian case forms and Kazakh typed without Kazakh letters or in Latin', () => {
    expect(['мае', 'маю', 'мая', 'марте', 'декабрём'].map((w) => monthOf(w, 'ru'))).toEqual([5, 5, 5, 3, 12]);
    expect(['маусымда', 'кантар', 'qazan', 'желтоқсанның', 'sept'].map((w) => monthOf(w, 'kk'))).toEqual([6, 1, 10, 12, 9]);
  });

  it('takes Kazakh month names only in Kazakh ("Kazan" is a city in English and Russian)', () => {
    expect(monthOf('казан', 'ru')).toBeUndefined();
    expect(monthOf('kazan', 'en')).toBeUndefined();
    expect(monthOf('казан', 'kk')).toBe(10);
  });
});
