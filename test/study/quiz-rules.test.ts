/** Each bank rule passes the fixture items and fails a broken copy, naming the item, language and rule. */
import { describe, expect, it } from 'vitest';
import { quizItemSchema, type QuizItem } from '../../src/core/study/quiz-bank-schema.js';
import { base } from './support.js';
import { FIXTURE_BANK, moscowTalks, referendumDate, referendumShare, roundTableHost } from './fixture-bank.js';
import { ITEM_RULES, numberInterval, overlaps, sentences, type ItemRule } from './quiz-rules.js';

const ctx = { fact: (id: string) => base.fact(id) };

/** A deep copy of an item with a change. */
function broken(item: QuizItem, change: (copy: QuizItem) => void): QuizItem {
  const copy = structuredClone(item);
  change(copy);
  return copy;
}

function rule(name: string): ItemRule {
  const r = ITEM_RULES[name];
  if (!r) throw new Error(`no rule "${name}"`);
  return r;
}

describe('quiz bank rules', () => {
  it('the fixture bank parses and passes every rule', () => {
    for (const item of FIXTURE_BANK) quizItemSchema.parse(item);
    expect(FIXTURE_BANK.flatMap((item) => Object.values(ITEM_RULES).flatMap((r) => r(item, ctx)))).toEqual([]);
  });

  const cases: [string, QuizItem, RegExp][] = [
    ['every language present, in its own letters', broken(referendumDate, (c) => (c.ru.explanation = 'Граждане одобрили изменения Қазақстан.')), /fx-referendum-date \[ru\] language: Russian text has Kazakh letters/],
    ['every language present, in its own letters', broken(referendumDate, (c) => (c.kk.explanation = c.ru.explanation)), /\[kk\] language: the Kazakh explanation has no Kazakh letter/],
    ['the same numbers in every language', broken(referendumShare, (c) => (c.ru.answer = 'более 60%')), /\[ru\] same numbers as English/],
    ['four distinct choices', broken(moscowTalks, (c) => (c.en.distractors[0] = 'moscow')), /\[en\] four distinct choices: "moscow" appears twice/],
    ['choices of similar length', broken(moscowTalks, (c) => (c.en.distractors[1] = 'The northern capital of the Russian Federation')), /\[en\] similar length: lengths/],
    ['choices of similar length', broken(referendumDate, (c) => (c.en.answer = 'June 5, 2022, a Sunday in early summer')), /the answer \(\d+ chars\) is the only long choice/],
    ['the answer does not stand out by its form', broken(moscowTalks, (c) => (c.en.answer = 'Moscow (Kremlin)')), /\[en\] same form: only the answer has a parenthesis/],
    ['no catch-all choice', broken(moscowTalks, (c) => (c.en.distractors[2] = 'None of the above')), /\[en\] no catch-all choice/],
    ['all four choices of the item\u2019s kind', broken(referendumDate, (c) => (c.en.distractors[2] = 'Never')), /\[en\] choices of the kind: "Never" is not a date/],
    ['all four choices of the item\u2019s kind', broken(referendumDate, (c) => (c.en.distractors = ['May 2022', 'March 2022', 'September 2022'])), /the answer is the only date of its form/],
    ['all four choices of the item\u2019s kind', broken(roundTableHost, (c) => (c.en.distractors[0] = 'a historian')), /names no person/],
    ['all four choices of the item\u2019s kind', broken(referendumShare, (c) => (c.en.distractors[1] = 'most of them')), /\[en\] choices of the kind: "most of them" states no number/],
    [
      'all four choices of the item\u2019s kind',
      broken(referendumShare, (c) => {
        c.en.answer = '162 people';
        c.en.distractors = ['120 people', '150 people', '180 people'];
      }),
      /the answer 162 is the only exact figure among round ones/,
    ],
    ["no choice repeats the question's content words", broken(moscowTalks, (c) => (c.en.distractors[0] = 'Talks in Kazan')), /\[en\] no choice repeats the question: "Talks in Kazan" repeats the question's "talks"/],
    ["no choice repeats the question's content words", broken(moscowTalks, (c) => (c.ru.distractors[0] = 'переговоры в Казани')), /\[ru\] no choice repeats the question/],
    ['numeric distractors cannot also be true', broken(referendumShare, (c) => (c.en.distractors[0] = 'more than 40%')), /\[en\] numbers exclude each other: "more than 40%" can also be true when "more than 70%" is/],
    ['numeric distractors cannot also be true', broken(referendumShare, (c) => (c.ru.distractors[0] = 'свыше 60%')), /\[ru\] numbers exclude each other/],
    ['numeric distractors cannot also be true', broken(referendumShare, (c) => (c.kk.distractors[0] = '60%-дан астам')), /\[kk\] numbers exclude each other/],
    ['no relative time in the question', broken(moscowTalks, (c) => (c.en.question = 'Where did Tokayev hold talks with Putin last year?')), /no relative time/],
    ['no relative time in the question', broken(moscowTalks, (c) => (c.kk.question = 'Тоқаев Путинмен биыл қай қалада келіссөз жүргізді?')), /\[kk\] no relative time: .* says биыл/],
    ['«ёлочки» in Russian and Kazakh', broken(moscowTalks, (c) => (c.ru.explanation = 'Визит назвали "рабочим"; он длился два дня и был задуман заранее.')), /\[ru\] quotes/],
    ['Kazakh nouns stay singular after a numeral', broken(moscowTalks, (c) => (c.kk.explanation = 'Келіссөзге 162 адамдар қатысты деп жазылған, бірақ ол сапардың бір бөлігі ғана.')), /\[kk\] singular after a numeral: "162 адамдар"/],
    ['an explanation that teaches', broken(moscowTalks, (c) => (c.en.explanation = 'Yes, it was in Moscow, the capital of Russia.')), /\[en\] explanation teaches: starts with "Yes"/],
    ['an explanation that teaches', broken(moscowTalks, (c) => (c.en.explanation = 'Moscow is where the talks were held with Putin.')), /starts with the answer/],
    ['an explanation that teaches', broken(moscowTalks, (c) => (c.en.explanation = 'Tokayev held talks in Moscow.')), /adds only \d word/],
    ['an explanation that teaches', broken(moscowTalks, (c) => (c.en.explanation = 'One visit. Two days. Planned long ago.')), /3 sentences/],
    ['nothing about the article itself', broken(moscowTalks, (c) => (c.en.explanation = 'The article says the visit lasted two days and was planned long in advance.')), /\[en\] nothing about the article: mentions "The article"/],
    ['nothing about the article itself', broken(moscowTalks, (c) => (c.fact = 'article-sections')), /fx-putin-talks-place nothing about the article: fact "article-sections" is only about the article/],
  ];

  for (const [name, item, expected] of cases)
    it(`${name} fails: ${expected.source.slice(0, 60)}`, () => {
      const found = rule(name)(item, ctx);
      expect(found.join('\n')).toMatch(expected);
    });

  it('reads qualified numbers as ranges of values', () => {
    const range = (s: string, lang: 'en' | 'ru' | 'kk') => numberInterval(s, lang)!;
    expect(overlaps(range('more than 70%', 'en'), range('exactly 50%', 'en'))).toBe(false);
    expect(overlaps(range('no more than $115', 'en'), range('no more than $130', 'en'))).toBe(true);
    expect(overlaps(range('less than half', 'en'), range('more than 70%', 'en'))).toBe(false);
    expect(overlaps(range('не более 115 долларов', 'ru'), range('более 130 долларов', 'ru'))).toBe(false);
    expect(overlaps(range('1 000 человек', 'ru'), range('1000 человек', 'ru'))).toBe(true);
    expect(overlaps(range('in about three years', 'en'), range('in about five years', 'en'))).toBe(false);
    expect(overlaps(range('более чем за десять лет', 'ru'), range('более чем за пять лет', 'ru'))).toBe(true);
    expect(overlaps(range('шамамен үш жылда', 'kk'), range('он жылдан астам', 'kk'))).toBe(false);
    expect(overlaps(range('In less than one year', 'en'), range('In over a decade', 'en'))).toBe(false);
    expect(overlaps(range('Менее чем за год', 'ru'), range('Примерно за три года', 'ru'))).toBe(false);
    expect(overlaps(range('Бір жылға жетпей', 'kk'), range('Шамамен бес жылда', 'kk'))).toBe(false);
  });

  it('does not take a word that merely begins like a relative time for one ("кешенді" is not "кеше")', () => {
    const item = broken(moscowTalks, (c) => (c.kk.question = 'Тоқаев кешенді келіссөзді 2022 жылғы 10 ақпанда қай қалада жүргізді?'));
    expect(rule('no relative time in the question')(item, ctx)).toEqual([]);
  });

  it('does not end a sentence at initials or "St."', () => {
    expect(sentences('He went to St. Petersburg with K. Tokayev. Then he left.')).toHaveLength(2);
  });
});
