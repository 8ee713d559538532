/** Unit: what `/study` takes (study-args.ts). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONS, MAX_QUESTIONS, parseStudyArgs } from '../../src/core/study/study-args.js';

const topics = [
  { id: 'referendum-2022', name: { en: 'The 2022 referendum', ru: 'Референдум 2022 года', kk: '2022 жылғы референдум' }, aliases: ['referendum'] },
  { id: 'elections', name: { en: 'Elections 2023', ru: 'Выборы 2023 года', kk: '2023 жылғы сайлау' }, aliases: [] },
];

describe('the arguments of /study', () => {
  it('takes a number and a topic in either order, by name in any language, id or alias', () => {
    expect(parseStudyArgs('', topics)).toEqual({ count: DEFAULT_QUESTIONS });
    expect(parseStudyArgs('5 referendum', topics)).toEqual({ count: 5, asked: 5, topic: 'referendum-2022' });
    expect(parseStudyArgs('Референдум 2022 года 3', topics)).toEqual({ count: 3, asked: 3, topic: 'referendum-2022' });
    expect(parseStudyArgs('2022 жылғы референдум', topics)).toEqual({ count: DEFAULT_QUESTIONS, topic: 'referendum-2022' });
    expect(parseStudyArgs('referendum-2022', topics)).toEqual({ count: DEFAULT_QUESTIONS, topic: 'referendum-2022' });
  });

  it('reads a number inside a topic\'s name as part of it', () => {
    expect(parseStudyArgs('Выборы 2023 года', topics)).toEqual({ count: DEFAULT_QUESTIONS, topic: 'elections' });
    expect(parseStudyArgs('4 Выборы 2023 года', topics)).toEqual({ count: 4, asked: 4, topic: 'elections' });
  });

  it('keeps the count in range and remembers what was asked; names an unknown topic', () => {
    expect(parseStudyArgs('99', topics)).toEqual({ count: MAX_QUESTIONS, asked: 99 });
    expect(parseStudyArgs('0', topics)).toEqual({ count: 1, asked: 0 });
    expect(parseStudyArgs('3 astrology', topics)).toEqual({ unknownTopic: 'astrology' });
  });
});
