/**
 * The defects issue 13 found, each as the post a reader would have seen: "on this day" for something later,
 * the article's own date as an event, events told twice, dates before the event, and the fact of the day.
 */
import { describe, expect, it } from 'vitest';
import { I18n } from '../../src/core/i18n/i18n.js';
import { FactBase } from '../../src/core/facts/fact-base.js';
import type { Fact } from '../../src/core/facts/schema.js';
import { eventsOf } from '../../src/core/subscriptions/on-this-day.js';
import { defaultQuestionSource } from '../../src/core/subscriptions/daily-posts.js';
import { PostComposer } from '../../src/core/subscriptions/post-composer.js';
import { toldAnswer, withoutNotes } from '../../src/core/subscriptions/post-text.js';
import type { QuestionOfTheDay } from '../../src/core/subscriptions/question-of-the-day.js';
import { base } from './support.js';

const i18n = new I18n();
const composer = new PostComposer(base, i18n, defaultQuestionSource(base, i18n));
const post = (date: string, lang: 'en' | 'ru' | 'kk' = 'en') => composer.preview(date, lang).text;

describe('"on this day"', () => {
  it('is not used for what happened after a date (the mobilization influx "after September 21")', () => {
    const influx = base.fact('mobilization-evaders-influx')!;
    expect(influx.date?.precision).not.toBe('day');
    for (const lang of ['en', 'ru', 'kk'] as const) {
      expect(post('2024-09-21', lang)).not.toMatch(/^(On this day|В этот день|\d{4} жылы дәл осы күні)/);
      expect(post('2024-09-21', lang)).not.toContain(toldAnswer(influx, lang).slice(0, 40));
    }
  });

  it('is not used for the article\'s own date, and no post announces it', () => {
    for (const date of ['2024-03-20', '2024-03-21', '2024-03-22', '2024-03-24']) {
      const text = post(date);
      expect(text, date).not.toMatch(/On this day|it will be/);
      expect(text, date).not.toMatch(/The article is dated/);
    }
  });

  it('tells the referendum once: its lead sentence, then the rest as a list, without the note on how it is dated', () => {
    const text = post('2024-06-05');
    const lines = text.split('\n');
    expect(lines[0]).toBe('On this day in 2022, 2 years ago:');
    expect(lines[1]).toBe('Kazakhstan voted in a nationwide referendum on amending its Constitution on June 5, 2022.');
    expect(text.match(/On this day/g)).toHaveLength(1);
    expect(text).not.toContain('The article itself gives only the day and month');
    expect(lines.filter((l) => l.startsWith('• ')).join('\n')).toMatch(/^• What the referendum changed: abolition of the death penalty, /m);
    expect(text.match(/death penalty/gi)).toHaveLength(1);
  });

  it('tells each event of 28 December, 16 March and 16 May with one lead, not one bullet per fact', () => {
    for (const date of ['2024-12-28', '2024-03-16', '2024-05-16']) {
      const [heading, lead, ...rest] = post(date).split('\n\n')[0]!.split('\n');
      expect(heading, date).toMatch(/^On this day in 20\d\d, \d years? ago:$/);
      expect(lead, date).not.toMatch(/^• /);
      for (const line of rest) expect(line, date).toMatch(/^• /);
    }
    // Alone, the lead is told whole; the other account of the same trip ("with Nazarbayev") is not a bullet.
    expect(post('2024-12-28').split('\n\n')[0]).toBe(
      'On this day in 2021, 3 years ago:\nOn December 28, 2021, just before the unrest, Tokayev went to Russia for the informal CIS summit in St. Petersburg. He did not travel alone but together with Nursultan Nazarbayev.',
    );
    expect(post('2024-05-16')).toContain('met in Moscow on May 16, 2022.');
    expect(post('2024-05-16')).not.toContain("by the paragraph's context");
  });

  it('is not used on or before the event\'s own date, and nothing is announced that has not happened yet', () => {
    expect(post('2020-06-05')).not.toMatch(/On this day in 2022/);
    expect(post('2022-06-05')).not.toMatch(/On this day/);
    expect(post('2023-06-05')).toMatch(/^On this day in 2022, 1 year ago:/);
    // Three days before the first anniversary of the address, not three days before the address.
    expect(post('2022-03-13')).not.toMatch(/it will be|March 16/);
    // A teaser of what is coming: the event's name; the story is told on the day itself.
    expect(post('2023-03-13')).toMatch(/^In 3 days, on March 16, it will be 1 year since this event:\n• The extraordinary address of March 16, 2022\n/);
    // A preview of 2020 tells nothing of 2022 in the past tense.
    expect(post('2020-08-20')).not.toMatch(/2022|2023/);
  });

  it('announces an anniversary in each language as a native speaker would', () => {
    expect(post('2024-06-02', 'ru')).toMatch(/^Через 3 дня, 5 июня, исполнится 2 года со дня этого события:\n/);
    expect(post('2024-06-02', 'kk')).toMatch(/^3 күннен кейін, 5 маусым күні, бұл оқиғаға 2 жыл толады:\n/);
    // The treaty's 30th anniversary is told on its day, never as "in 3 days it will be 2 years since it turned 30".
    expect(post('2024-05-22', 'kk')).not.toMatch(/жыл толады:\n.*30 жыл толды/);
    expect(post('2024-05-25', 'kk')).toMatch(/^2022 жылы дәл осы күні, бұдан 2 жыл бұрын:\n/);
  });
});

describe('the fact of the day', () => {
  it('states its date once, in the answer\'s own words, with no note before it', () => {
    for (let day = 0; day < 60; day++) {
      const date = new Date(Date.parse('2024-07-01T00:00:00Z') + day * 86_400_000).toISOString().slice(0, 10);
      const plan = composer.plan(date, { seed: 'preview', recent: [], shown: { fact: new Set(), question: new Set() } }).plan;
      if (plan.kind !== 'fact') continue;
      const fact = base.fact(plan.factId)!;
      const text = composer.preview(date, 'en').text;
      expect(text.split('\n').slice(0, 2).join('\n')).toBe(`Fact of the day:\n${toldAnswer(fact, 'en')}`);
    }
  });

  it('drops notes on how the source dates a fact, keeping only the year when the note alone gives it', () => {
    expect(withoutNotes('At the meeting in April 2022 ("last April" in the article), he spoke.')).toBe('At the meeting in April 2022, he spoke.');
    expect(withoutNotes('It met on May 16 (2022, by the paragraph\'s context) in Moscow.', ['2022'])).toBe('It met on May 16 in Moscow.');
    expect(withoutNotes('After September 21 (2022, judging by the article\'s timeline), people came.')).toBe('After September 21 (2022), people came.');
    expect(withoutNotes('После 21 сентября (судя по хронологии статьи, 2022 года) люди хлынули.')).toBe('После 21 сентября (2022 года) люди хлынули.');
    expect(withoutNotes('The Agency (AENS) is headed by him.')).toBe('The Agency (AENS) is headed by him.');
  });
});

describe('events', () => {
  const fact = (id: string, extra: Partial<Fact> = {}): Fact =>
    ({
      id,
      kind: 'measure',
      date: { value: '2022-06-05', precision: 'day' },
      title: { en: id, ru: id, kk: id },
      short: { en: id, ru: id, kk: id },
      answer: { en: `${id}.`, ru: `${id}.`, kk: `${id}.` },
      questions: { en: [`${id}?`], ru: [`${id}?`], kk: [`${id}?`] },
      aliases: [],
      entities: [],
      topics: ['referendum'],
      related: [],
      event: 'vote',
      source: { doc: 'd', section: 's', paragraph: 1 },
      ...extra,
    });

  it('lead with the event\'s own account; another account and the parts a list fact names are not listed again', () => {
    const list = fact('changes', { value: { type: 'list', items: { en: ['a', 'b'], ru: ['а', 'б'], kk: ['а', 'б'] }, parts: ['part-a', 'part-b'] } });
    const said = fact('said', { kind: 'event', speaker: 'someone' });
    const vote = fact('vote-held', { kind: 'event' });
    const [e] = eventsOf([list, fact('part-a'), said, fact('part-b'), vote, fact('figure')]);
    expect(e!.lead.id).toBe('vote-held');
    expect(e!.more.map((f) => f.id)).toEqual(['changes', 'figure']);

    const tiny = new FactBase({ facts: [vote, list, fact('part-a'), fact('part-b')], entities: [], topics: [], documents: [] });
    const none: QuestionOfTheDay = { pick: () => undefined, item: () => undefined };
    const text = new PostComposer(tiny, i18n, none).preview('2024-06-05', 'en').text;
    expect(text).toBe('On this day in 2022, 2 years ago:\nvote-held.\n• changes: a, b');
  });
});

describe('a stored plan whose facts are gone (the data changed since it was planned)', () => {
  it('says there is nothing for the day and month, never with this year as if it were an event date', () => {
    const plan = { kind: 'fact', factId: 'no-such-fact' } as const;
    expect(composer.render(plan, '2026-06-05', 'en').text).toBe('My source has no events on June 5.');
    expect(composer.render(plan, '2026-06-05', 'ru').text).toBe('В моём источнике нет событий за 5 июня.');
    expect(composer.render(plan, '2026-06-05', 'kk').text).toBe('Дереккөзімде 5 маусым күні болған оқиға жоқ.');
  });
});
