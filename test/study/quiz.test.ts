import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/facts/schema.js';
import { I18n } from '../../src/core/i18n/i18n.js';
import { QUESTION_KINDS, QuizEngine, alike, answerForm, nearbyNumbers, type QuizQuestion } from '../../src/core/study/quiz.js';
import { firstSentence } from '../../src/core/text/sentences.js';
import { seededRandom } from '../../src/core/study/random.js';
import { base } from './support.js';

const engine = new QuizEngine(base, new I18n());

function expectWellFormed(q: QuizQuestion): void {
  expect(q.text.trim()).not.toBe('');
  expect(q.correct).toBeGreaterThanOrEqual(0);
  expect(q.correct).toBeLessThan(q.choices.length);
  expect(new Set(q.choices.map((c) => c.toLowerCase().trim())).size).toBe(q.choices.length);
  for (const c of q.choices) {
    expect(c.trim()).not.toBe('');
    expect(c.length).toBeLessThanOrEqual(64);
  }
  if (q.kind === 'truefalse') expect(q.choices).toHaveLength(2);
  else expect(q.choices.length).toBeGreaterThanOrEqual(q.kind === 'who' ? 3 : 4);
}

describe('the quiz engine', () => {
  for (const lang of LANGS)
    for (const kind of QUESTION_KINDS)
      it(`asks "${kind}" questions in ${lang}, every one well formed, for every fact that supports them`, () => {
        const facts = base.facts.filter((f) => engine.kindsOf(f, lang).includes(kind));
        expect(facts.length).toBeGreaterThan(0);
        for (const fact of facts)
          for (let seed = 1; seed <= 5; seed++) {
            const q = engine.question(fact, kind, lang, seededRandom(seed))!;
            expectWellFormed(q);
            expect(q.lang).toBe(lang);
            expect(q.factId).toBe(fact.id);
          }
      });

  it('puts the fact itself behind the right answer', () => {
    const referendum = base.fact('referendum-june-5')!;
    const when = engine.question(referendum, 'when', 'en', seededRandom(3))!;
    expect(when.choices[when.correct]).toBe('June 5, 2022');
    const ru = engine.question(referendum, 'when', 'ru', seededRandom(3))!;
    expect(ru.choices[ru.correct]).toBe('5 июня 2022 года');
    const who = engine.question(base.fact('kosherbayev-opened-round-table')!, 'who', 'kk', seededRandom(3))!;
    expect(who.choices[who.correct]).toBe('Ермек Көшербаев');
    const many = engine.question(base.fact('wealth-half-owned-by-162-people')!, 'howmany', 'en', seededRandom(3))!;
    expect(many.choices[many.correct]).toBe('162 people');
    // Numbers and dates are listed in order.
    expect([...many.choices].map((c) => Number(/\d+/.exec(c)![0]))).toEqual([...many.choices].map((c) => Number(/\d+/.exec(c)![0])).sort((a, b) => a - b));
  });

  it('never offers a date equal to the right one, and asks day questions only of facts dated to the day', () => {
    for (const lang of LANGS)
      for (const fact of base.facts) {
        const q = engine.question(fact, 'when', lang, seededRandom(9));
        if (!q) continue;
        expect(['day', 'month']).toContain(fact.date?.precision);
        expect(q.choices.filter((c) => c === q.choices[q.correct])).toHaveLength(1);
      }
  });

  it('does not take a sentence that names a person for that person ("who" answers are names)', () => {
    // "Tokayev won; high-ranking conspirators got no chance" does not answer "who was behind the events".
    expect(engine.question(base.fact('conspirators-no-chance')!, 'who', 'en', seededRandom(1))).toBeUndefined();
  });

  it('keeps distractors of "what" questions unlike the right answer', () => {
    for (const lang of LANGS)
      for (const fact of base.facts) {
        const q = engine.question(fact, 'what', lang, seededRandom(5));
        if (!q) continue;
        const right = q.choices[q.correct]!;
        for (const [i, c] of q.choices.entries()) if (i !== q.correct) expect(alike(c, right)).toBe(false);
      }
  });

  it('offers "what" distractors of the same kind and shape, from the same topic first', () => {
    const byShort = (lang: (typeof LANGS)[number], label: string) => base.facts.filter((f) => f.short[lang] === label);
    let asked = 0;
    for (const lang of LANGS)
      for (const fact of base.facts)
        for (let seed = 1; seed <= 5; seed++) {
          const q = engine.question(fact, 'what', lang, seededRandom(seed));
          if (!q) continue;
          asked++;
          const right = q.choices[q.correct]!;
          const others = q.choices.filter((_, i) => i !== q.correct);
          const shares = (f: (typeof base.facts)[number]) => f.topics.some((t) => fact.topics.includes(t));
          let fromOtherTopics = 0;
          for (const c of others) {
            const sources = byShort(lang, c);
            // Another fact of the same kind, not a measure offered for a term.
            expect(sources.some((f) => f.kind === fact.kind)).toBe(true);
            // Shaped like the right answer: no enumeration next to a name, nothing twice as long.
            expect(answerForm(c)).toBe(answerForm(right));
            expect(Math.max(c.length, right.length)).toBeLessThanOrEqual(2 * Math.min(c.length, right.length));
            if (!sources.some(shares)) fromOtherTopics++;
          }
          // Another topic only when the fact's own topics have too few plausible distractors.
          if (fromOtherTopics > 0) {
            const plausibleSameTopic = base.facts.filter(
              (f) => f.id !== fact.id && f.kind === fact.kind && shares(f) && answerForm(f.short[lang]) === answerForm(right) &&
                !f.related.includes(fact.id) && !fact.related.includes(f.id) &&
                !(f.source.doc === fact.source.doc && f.source.section === fact.source.section && f.source.paragraph === fact.source.paragraph) &&
                Math.max(f.short[lang].length, right.length) <= 2 * Math.min(f.short[lang].length, right.length) && !alike(f.short[lang], right),
            );
            expect(plausibleSameTopic.length).toBeLessThan(3);
          }
        }
    expect(asked).toBeGreaterThan(0);
  });

  it('asks another kind of question when a fact has too few plausible "what" distractors, never padding', () => {
    // "What kind of country does Tokayev want New Kazakhstan to be?" used to offer "The spring equinox holiday"
    // and "Regional and local representative bodies": no other term of its topic answers in its shape.
    const vision = base.fact('tokayev-new-kazakhstan-vision')!;
    for (const lang of LANGS) {
      for (let seed = 1; seed <= 10; seed++) expect(engine.question(vision, 'what', lang, seededRandom(seed))).toBeUndefined();
      expect(engine.kindsOf(vision, lang)).toContain('truefalse');
    }
    // A session on its topic still asks about it, as true or false.
    const asked = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) => engine.generate({ lang: 'en', count: 30, seed, topic: 'political-reform' }));
    const aboutVision = asked.filter((q) => q.factId === vision.id);
    expect(aboutVision.length).toBeGreaterThan(0);
    for (const q of aboutVision) expect(q.kind).not.toBe('what');
  });

  it('tells the shapes of short answers apart', () => {
    expect(answerForm('Kazakh')).toBe('word');
    expect(answerForm('The spring equinox holiday')).toBe('phrase');
    expect(answerForm('Rights respected, trust, work and knowledge valued')).toBe('list');
    expect(answerForm('Стабильность, диверсификация, цифровизация и др.')).toBe('list');
    expect(answerForm('Super-presidential model → presidential republic')).toBe('change');
    expect(answerForm('The people (before: the state)')).toBe('aside');
    expect(answerForm('One 7-year term')).toBe('number');
  });

  it('is deterministic for a seed, and differs between seeds', () => {
    const a = engine.generate({ lang: 'en', count: 10, seed: 42 });
    const b = engine.generate({ lang: 'en', count: 10, seed: 42 });
    const c = engine.generate({ lang: 'en', count: 10, seed: 43 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('mixes kinds, asks about each fact once, and keeps to the topic', () => {
    for (const lang of LANGS) {
      const qs = engine.generate({ lang, count: 30, seed: 7 });
      expect(qs).toHaveLength(30);
      expect(new Set(qs.map((q) => q.factId)).size).toBe(30);
      expect(new Set(qs.map((q) => q.kind)).size).toBe(QUESTION_KINDS.length);
      qs.forEach(expectWellFormed);
      const topical = engine.generate({ lang, count: 10, seed: 7, topic: 'referendum' });
      expect(topical.length).toBeGreaterThan(0);
      for (const q of topical) expect(base.fact(q.factId)!.topics).toContain('referendum');
    }
  });

  it('reveals the answer, the first sentence of the explanation and the citation', () => {
    const q = engine.question(base.fact('referendum-june-5')!, 'when', 'en', seededRandom(1))!;
    const r = engine.reveal(q);
    expect(r.answer).toBe('June 5, 2022');
    expect(r.explanation).not.toContain('\n');
    expect(base.fact('referendum-june-5')!.answer.en.startsWith(r.explanation)).toBe(true);
    expect(r.citation).toMatch(/^Source: “Birth of New Kazakhstan/);
  });

  it('finds nearby round numbers and first sentences', () => {
    expect(nearbyNumbers(70, true).every((n) => n < 100 && n !== 70)).toBe(true);
    expect(nearbyNumbers(162, false).slice(0, 3).every((n) => n > 100 && n < 250)).toBe(true);
    expect(firstSentence('On June 5, 2022, it happened. Then more.')).toBe('On June 5, 2022, it happened.');
  });
});
