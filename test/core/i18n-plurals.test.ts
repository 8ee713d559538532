import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/facts/schema.js';
import { I18n, type MessageId } from '../../src/core/i18n/i18n.js';

const i18n = new I18n();

describe('Russian counts agree with their number (one / few / many)', () => {
  const forms = (id: MessageId, arg: string, extra: Record<string, string | number> = {}) =>
    [1, 2, 5, 11, 21, 22].map((n) => i18n.t('ru', id, { [arg]: n, ...extra }));

  it('says seconds, minutes, hours and days in words, declined', () => {
    expect(forms('rate-limited', 'seconds').map((t) => t.match(/Подождите (\d+ \p{L}+)/u)?.[1])).toEqual([
      '1 секунду',
      '2 секунды',
      '5 секунд',
      '11 секунд',
      '21 секунду',
      '22 секунды',
    ]);
    expect(forms('study-in-minutes', 'n')).toEqual(['через 1 минуту', 'через 2 минуты', 'через 5 минут', 'через 11 минут', 'через 21 минуту', 'через 22 минуты']);
    expect(forms('study-in-hours', 'n')).toEqual(['через 1 час', 'через 2 часа', 'через 5 часов', 'через 11 часов', 'через 21 час', 'через 22 часа']);
    expect(forms('study-in-days', 'n')).toEqual(['через 1 день', 'через 2 дня', 'через 5 дней', 'через 11 дней', 'через 21 день', 'через 22 дня']);
  });

  it('gives each question its time after "по" in the dative or genitive the numeral wants', () => {
    expect(forms('study-intro', 'seconds', { count: 5 }).map((t) => t.match(/по (\d+ \p{L}+) на каждый/u)?.[1])).toEqual([
      '1 секунде',
      '2 секунды',
      '5 секунд',
      '11 секунд',
      '21 секунде',
      '22 секунды',
    ]);
  });

  it('counts characters and answers', () => {
    expect(forms('unknown-too-long', 'length').map((t) => t.match(/\((\d+ \p{L}+)\)/u)?.[1])).toEqual([
      '1 символ',
      '2 символа',
      '5 символов',
      '11 символов',
      '21 символ',
      '22 символа',
    ]);
    expect(i18n.t('ru', 'study-stats', { answered: 21, correct: 20, percent: 95, streak: 3, best: 7 })).toContain('21 ответ, из них верных — 20');
    expect(i18n.t('ru', 'study-count-too-few', { min: 1, count: 1 })).toContain('не меньше 1 вопроса');
  });
});

describe('Kazakh puts no plural after a numeral', () => {
  it('says "5 сұрақ", "30 секунд", "5 минут"', () => {
    expect(i18n.t('kk', 'study-intro', { count: 5, seconds: 30 })).toContain('5 сұрақ, әрқайсысына 30 секунд.');
    expect(i18n.t('kk', 'study-in-minutes', { n: 5 })).toBe('5 минуттан кейін');
    expect(i18n.t('kk', 'study-fewer', { count: 5 })).toContain('5 сұрақ бар');
  });
});

describe('no abbreviated units in Russian or Kazakh', () => {
  it('spells out seconds, minutes, hours and days in every message', () => {
    const words = ['title', 'date', 'section', 'paragraph', 'when', 'topic', 'topics', 'link', 'time', 'zone', 'value', 'lang', 'about', 'answer', 'question', 'explanation', 'choice', 'part', 'from', 'to', 'amount', 'first', 'second', 'year', 'ago', 'places', 'paragraphs', 'command'];
    const numbers = { n: 5, seconds: 30, count: 5, length: 900, days: 3, years: 2, max: 30, min: 1, answered: 5, correct: 3, percent: 60, streak: 1, best: 2, due: 2, total: 5, right: 2 };
    const args = { ...Object.fromEntries(words.map((w) => [w, 'x'])), ...numbers };
    for (const lang of LANGS.filter((l) => l !== 'en'))
      for (const id of i18n.ids(lang)) {
        const text = i18n.t(lang, id, args);
        expect(text, `${lang} ${id}`).not.toMatch(/\d\s?(?:с|ч|мин|сек|дн|сағ)(?!\p{L})/u);
      }
  });
});
