/**
 * The session composer's rules, each on a bank built to test it, then all of them on the real bank for many
 * seeds (whatever the writers have written so far).
 */
import { describe, expect, it } from 'vitest';
import { I18n } from '../../src/core/i18n/i18n.js';
import { LANGS } from '../../src/core/facts/schema.js';
import type { QuizItem } from '../../src/core/study/quiz-bank-schema.js';
import { quizQuestionSchema, revealQuestion, type QuizQuestion } from '../../src/core/study/quiz.js';
import { QuizBank } from '../../src/core/study/session-composer.js';
import { loadFactBase } from '../../src/infra/data-files.js';
import { base } from './support.js';
import { FIXTURE_BANK, referendumDate } from './fixture-bank.js';

/** A made-up item: only what the composer reads matters. */
function item(id: string, over: Partial<QuizItem> = {}): QuizItem {
  const t = (lang: string) => ({ question: `${lang} question ${id}?`, answer: `${lang} answer ${id}`, distractors: [`${lang} w1 ${id}`, `${lang} w2 ${id}`, `${lang} w3 ${id}`], explanation: `${lang} because ${id}.` });
  return { id, fact: `fact-${id}`, kind: 'statement', difficulty: 1, topic: 'economy', en: t('en'), ru: t('ru'), kk: t('kk'), ...over };
}

/** A bank whose facts' events are given by a map (fact id → event). */
function bankOf(items: QuizItem[], events: Record<string, string> = {}): QuizBank {
  return new QuizBank(items, (factId) => events[factId]);
}

const ids = (qs: QuizQuestion[]) => qs.map((q) => q.itemId);
const seeds = Array.from({ length: 30 }, (_, i) => i + 1);

describe('the session composer', () => {
  it('asks an item as written, its choices shuffled by the seed, the right one marked', () => {
    const bank = bankOf([referendumDate]);
    const positions = new Set<number>();
    for (const seed of seeds) {
      const [q] = bank.compose({ lang: 'ru', count: 1, seed });
      expect(q!.text).toBe(referendumDate.ru.question);
      expect([...q!.choices].sort()).toEqual([referendumDate.ru.answer, ...referendumDate.ru.distractors].sort());
      expect(q!.choices[q!.correct]).toBe(referendumDate.ru.answer);
      expect(q!.explanation).toBe(referendumDate.ru.explanation);
      positions.add(q!.correct);
      // Deterministic for a seed.
      expect(bank.compose({ lang: 'ru', count: 1, seed })).toEqual([q]);
    }
    expect(positions.size).toBe(4);
  });

  it('never asks two items of one fact', () => {
    const bank = bankOf([item('a', { fact: 'x' }), item('b', { fact: 'x' }), item('c', { fact: 'x' }), item('d', { fact: 'y', also: ['x'] }), item('e')]);
    for (const seed of seeds) {
      const qs = bank.compose({ lang: 'en', count: 5, seed });
      expect(qs).toHaveLength(3);
      expect(new Set(qs.map((q) => q.factId))).toEqual(new Set(['x', 'y', 'fact-e']));
    }
  });

  it('never asks two items with the same right answer', () => {
    const same = (id: string) => {
      const it = item(id);
      return { ...it, en: { ...it.en, answer: 'March 16, 2022' }, ru: { ...it.ru, answer: '16 марта 2022 года' } };
    };
    const bank = bankOf([same('a'), same('b'), item('c')]);
    for (const seed of seeds) {
      const qs = bank.compose({ lang: 'en', count: 3, seed });
      expect(qs).toHaveLength(2);
      expect(new Set(qs.map((q) => q.choices[q.correct])).size).toBe(2);
    }
  });

  it('asks about unused events before repeating one, and never about one event twice in a row', () => {
    // Event A has four items, B and C one each.
    const events = { 'fact-a1': 'A', 'fact-a2': 'A', 'fact-a3': 'A', 'fact-a4': 'A', 'fact-b': 'B', 'fact-c': 'C' };
    const bank = bankOf(['a1', 'a2', 'a3', 'a4', 'b', 'c'].map((id) => item(id)), events);
    const eventOf = (q: QuizQuestion) => events[q.factId as keyof typeof events];
    for (const seed of seeds) {
      const three = bank.compose({ lang: 'en', count: 3, seed });
      expect(new Set(three.map(eventOf))).toEqual(new Set(['A', 'B', 'C']));
      const five = bank.compose({ lang: 'en', count: 5, seed });
      expect(five.map(eventOf)).toEqual(['A', expect.any(String), 'A', expect.any(String), 'A']);
      // Six would need A next to A: the session is shorter instead.
      const six = bank.compose({ lang: 'en', count: 6, seed });
      expect(six).toHaveLength(5);
      for (let i = 1; i < six.length; i++) expect(eventOf(six[i]!)).not.toBe(eventOf(six[i - 1]!));
    }
  });

  it('in a topic mostly of one event, asks all its items, that event side by side only where nothing else is left', () => {
    const events = { 'fact-a1': 'A', 'fact-a2': 'A', 'fact-a3': 'A', 'fact-a4': 'A', 'fact-b': 'B' };
    const bank = bankOf(['a1', 'a2', 'a3', 'a4', 'b'].map((id) => item(id, { topic: 'referendum' })), events);
    for (const seed of seeds) {
      const qs = bank.compose({ lang: 'en', count: 10, topic: 'referendum', seed });
      // Four of A and one other: A B A A A is the best there is (two pairs side by side, not three).
      expect(qs.map((q) => events[q.factId as keyof typeof events])).toEqual(['A', 'B', 'A', 'A', 'A']);
    }
  });

  it('mixes kinds and topics as the bank allows', () => {
    const kinds = ['date', 'person', 'number', 'place'] as const;
    const topics = ['economy', 'referendum'];
    // Eight dates of the economy, then one item of each other kind and topic.
    const items = [
      ...Array.from({ length: 8 }, (_, i) => item(`d${i}`, { kind: 'date', topic: 'economy' })),
      ...kinds.slice(1).map((kind, i) => item(`k${i}`, { kind, topic: 'referendum' })),
    ];
    for (const seed of seeds) {
      const qs = bankOf(items).compose({ lang: 'en', count: 4, seed });
      expect(new Set(qs.map((q) => q.kind))).toEqual(new Set(kinds));
      expect(new Set(qs.map((q) => q.topic))).toEqual(new Set(topics));
    }
  });

  it('lets difficulty rise through the session', () => {
    const items = Array.from({ length: 9 }, (_, i) => item(`i${i}`, { difficulty: ((i % 3) + 1) as 1 | 2 | 3, kind: (['date', 'person', 'place'] as const)[i % 3]! }));
    for (const seed of seeds) {
      const qs = bankOf(items).compose({ lang: 'en', count: 6, seed });
      const levels = qs.map((q) => q.difficulty!);
      expect(levels).toEqual([...levels].sort());
      // A mix of levels, not the six easiest.
      expect(new Set(levels)).toEqual(new Set([1, 2, 3]));
    }
  });

  it('keeps a topic session to its topic, shorter when the topic has fewer', () => {
    const items = [...Array.from({ length: 5 }, (_, i) => item(`e${i}`)), item('r1', { topic: 'referendum' }), item('r2', { topic: 'referendum' })];
    const bank = bankOf(items);
    expect(bank.topicSize('referendum')).toBe(2);
    for (const seed of seeds) {
      const qs = bank.compose({ lang: 'kk', count: 10, topic: 'referendum', seed });
      expect(ids(qs).sort()).toEqual(['r1', 'r2']);
      expect(qs.every((q) => q.lang === 'kk' && q.text.startsWith('kk'))).toBe(true);
    }
    expect(bank.compose({ lang: 'en', count: 3, topic: 'people', seed: 1 })).toEqual([]);
  });

  it('reveals the right answer, the item\'s explanation and the fact\'s citation', () => {
    const [q] = bankOf(FIXTURE_BANK).compose({ lang: 'en', count: 1, topic: 'russia-relations', seed: 3 });
    const r = revealQuestion(base, new I18n(), q!);
    expect(r.answer).toBe('Moscow');
    expect(r.explanation).toMatch(/^It was the first day of a two-day visit/);
    expect(r.citation).toMatch(/^Source: “Birth of New Kazakhstan \(Part 1\)”, .*, paragraph \d+$/);
  });
});

describe('the session composer on the real bank', () => {
  const real = loadFactBase();
  const bank = new QuizBank(real.quiz, (factId) => real.fact(factId)?.event);

  it('keeps every rule for any seed, in every language', () => {
    const eventOf = (q: QuizQuestion) => real.fact(q.factId)?.event ?? q.factId;
    for (const lang of LANGS)
      for (const seed of seeds) {
        const qs = bank.compose({ lang, count: 30, seed });
        expect(qs.length).toBe(Math.min(30, qs.length));
        expect(new Set(qs.map((q) => q.factId)).size).toBe(qs.length);
        expect(new Set(qs.map((q) => q.choices[q.correct]!.toLowerCase())).size).toBe(qs.length);
        for (let i = 1; i < qs.length; i++) expect(eventOf(qs[i]!), `${ids(qs).join(', ')}`).not.toBe(eventOf(qs[i - 1]!));
        for (const q of qs) {
          expect(quizQuestionSchema.parse(q)).toEqual(q);
          expect(q.choices).toHaveLength(4);
        }
      }
  });

  it('bank size: a full session of 30 questions in every language (passes once the writers are done)', () => {
    for (const lang of LANGS) expect(bank.compose({ lang, count: 30, seed: 1 })).toHaveLength(30);
  });
});
