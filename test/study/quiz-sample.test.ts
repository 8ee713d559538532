/** `npm run quiz:sample`: a session as a member sees it, the right choice marked, for a person to review. */
import { describe, expect, it } from 'vitest';
import { FactBase } from '../../src/core/facts/fact-base.js';
import { runQuizSample } from '../../src/cli/quiz-sample.js';
import { loadFactBaseData } from '../../src/infra/data-files.js';
import { FIXTURE_BANK, moscowTalks, referendumDate } from './fixture-bank.js';

const base = new FactBase({ ...loadFactBaseData(undefined, { quiz: false }), quiz: FIXTURE_BANK });

function run(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runQuizSample(args, (t) => (out += t), (t) => (err += t), base);
  return { code, out, err };
}

describe('quiz:sample', () => {
  it('prints lettered choices with the right one marked, the explanation and the citation, in the language asked', () => {
    const { code, out } = run('--lang', 'ru', '--n', '30', '--topic', 'russia-relations');
    expect(code).toBe(0);
    expect(out).toContain('Quiz sample: 1 of 30 asked, in ru, seed 1, topic "Отношения с Россией" (1 item)');
    expect(out).toContain(`[${moscowTalks.id} · place · difficulty 2 · russia-relations · event russia-visit-2022]`);
    expect(out).toContain('❓ Вопрос 1/1');
    expect(out).toContain(moscowTalks.ru.question);
    expect(out).toMatch(/^ {2}[A-D]\) в Москве {3}✓$/m);
    expect(out.match(/✓$/gm)).toHaveLength(1);
    expect(out).toContain('✅ Ответ: в Москве');
    expect(out).toContain(moscowTalks.ru.explanation);
    expect(out).toContain('Источник: «Birth of New Kazakhstan (Part 1)»');
    expect(out).toContain('Bank: 5 items, each in en, ru, kk');
  });

  it('is the same for the same seed, takes a topic by its name, and refuses bad arguments', () => {
    expect(run('--seed', '4').out).toBe(run('--seed', '4').out);
    expect(run('--topic', 'The 2022 referendum', '--lang', 'kk').out).toContain(referendumDate.kk.question.slice(0, 20));
    expect(run('--lang', 'de').code).toBe(2);
    expect(run('--topic', 'astrology').err).toContain('no topic "astrology"');
    expect(run('--n', 'many').code).toBe(2);
  });
});
