/**
 * A floor under the resolver's quality, on the project's own question set (test/eval/questions.jsonl,
 * written apart from the fact base's alternate questions and graded like ../shared/eval): deleting a rule
 * that matters turns this red. The floors sit a little under the measured figures (`npm run eval`).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeRun, readEvalSet } from '../../src/eval/eval-set.js';
import { sharedFacts } from '../support/shared-facts.js';

const FLOOR = { inScope: 0.84, declines: 0.72, answeredPrecision: 0.97 };

describe('the project question set', () => {
  it(`stays above the floors: in-scope ${FLOOR.inScope}, declines ${FLOOR.declines}, precision of confident answers ${FLOOR.answeredPrecision}`, () => {
    const items = readEvalSet(join(import.meta.dirname, 'questions.jsonl'));
    const { resolver } = sharedFacts();
    const report = gradeRun(items, items.map((i) => resolver.resolve(i.q)));
    expect(report.inScope).toBeGreaterThanOrEqual(FLOOR.inScope);
    expect(report.declines).toBeGreaterThanOrEqual(FLOOR.declines);
    expect(report.answeredPrecision).toBeGreaterThanOrEqual(FLOOR.answeredPrecision);
  });
});
