/**
 * The daily post's wording as a native speaker writes it: every number that changes the form of the word
 * after it (1, 2, 5, 11, 21, 22, 25), no abbreviations, and the future tense before an anniversary.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/facts/schema.js';
import { I18n } from '../../src/core/i18n/i18n.js';

const i18n = new I18n();
const NUMBERS = [1, 2, 5, 11, 21, 22, 25] as const;

describe('daily-post templates', () => {
  it('"N years ago" in each language', () => {
    const ago = (lang: 'en' | 'ru' | 'kk') => NUMBERS.map((years) => i18n.t(lang, 'daily-years-ago', { years }));
    expect(ago('en')).toEqual(['1 year ago', '2 years ago', '5 years ago', '11 years ago', '21 years ago', '22 years ago', '25 years ago']);
    expect(ago('ru')).toEqual(['1 год назад', '2 года назад', '5 лет назад', '11 лет назад', '21 год назад', '22 года назад', '25 лет назад']);
    // Kazakh nouns keep their form after a numeral.
    expect(ago('kk')).toEqual(NUMBERS.map((n) => `бұдан ${n} жыл бұрын`));
  });

  it('an anniversary ahead: "in N days … it will be N years", in the future tense', () => {
    const upcoming = (lang: 'en' | 'ru' | 'kk', n: number, date: string) => i18n.t(lang, 'daily-upcoming', { days: n, years: n, date });
    expect(NUMBERS.map((n) => upcoming('en', n, 'June 5'))).toEqual([
      'In 1 day, on June 5, it will be 1 year since this event:',
      'In 2 days, on June 5, it will be 2 years since this event:',
      'In 5 days, on June 5, it will be 5 years since this event:',
      'In 11 days, on June 5, it will be 11 years since this event:',
      'In 21 days, on June 5, it will be 21 years since this event:',
      'In 22 days, on June 5, it will be 22 years since this event:',
      'In 25 days, on June 5, it will be 25 years since this event:',
    ]);
    expect(NUMBERS.map((n) => upcoming('ru', n, '5 июня'))).toEqual([
      'Через 1 день, 5 июня, исполнится 1 год со дня этого события:',
      'Через 2 дня, 5 июня, исполнится 2 года со дня этого события:',
      'Через 5 дней, 5 июня, исполнится 5 лет со дня этого события:',
      'Через 11 дней, 5 июня, исполнится 11 лет со дня этого события:',
      'Через 21 день, 5 июня, исполнится 21 год со дня этого события:',
      'Через 22 дня, 5 июня, исполнится 22 года со дня этого события:',
      'Через 25 дней, 5 июня, исполнится 25 лет со дня этого события:',
    ]);
    // "5 маусым күні": the date as "on the day of", so the month name needs no case ending.
    expect(NUMBERS.map((n) => upcoming('kk', n, '5 маусым'))).toEqual(NUMBERS.map((n) => `${n} күннен кейін, 5 маусым күні, бұл оқиғаға ${n} жыл толады:`));
  });

  it('"on this day" names the year as written, without a thousands separator', () => {
    const ago = (lang: 'en' | 'ru' | 'kk') => i18n.t(lang, 'daily-years-ago', { years: 2 });
    expect(i18n.t('en', 'daily-on-this-day', { year: '2022', ago: ago('en') })).toBe('On this day in 2022, 2 years ago:');
    expect(i18n.t('ru', 'daily-on-this-day', { year: '2022', ago: ago('ru') })).toBe('В этот день в 2022 году, 2 года назад:');
    expect(i18n.t('kk', 'daily-on-this-day', { year: '2022', ago: ago('kk') })).toBe('2022 жылы дәл осы күні, бұдан 2 жыл бұрын:');
  });

  it('uses no abbreviations ("дн.", "г.", "мин.") in what a daily post or its buttons say', () => {
    for (const lang of LANGS)
      for (const id of i18n.ids(lang).filter((x) => x.startsWith('daily-'))) {
        const text = i18n.t(lang, id, { days: 3, years: 2, year: '2022', ago: '', date: '5', question: 'Q?', answer: 'A', explanation: 'E.', choice: 'A' });
        expect(text, `${lang} ${id}`).not.toMatch(/(?:^|[\s(])(?:дн|г|гг|мин|ч|сек|т\.е|т\.б|ж)\./u);
      }
  });
});
