import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/core/resolver/question-analysis.js';
import { refersBack } from '../../src/core/resolver/resolver.js';
import { normalize } from '../../src/core/text/normalize.js';
import { questionFolds } from '../../src/eval/cross-validation.js';
import { followUpFolds } from '../../src/eval/follow-up-fold.js';
import { loadFactBaseData } from '../../src/infra/data-files.js';

describe('the follow-up folds of the fit', () => {
  const folds = followUpFolds(questionFolds(loadFactBaseData(), 5));
  const queries = folds.flatMap((fold) => fold.queries.map((q) => ({ q, fold })));

  it('ask a sibling fact\'s question with its event named by a pronoun, after the sibling: only the context says what it means', () => {
    const opened = queries.find(({ q }) => q.gold.id === 'kosherbayev-opened-round-table' && q.lang === 'ru' && q.context?.factIds[0] !== undefined && q.text === 'Кто открыл это?');
    expect(opened).toBeDefined();
    const previous = opened?.fold.base.fact(opened.q.context?.factIds[0] ?? '');
    expect(previous?.event).toBe('round-table-2023');

    const rewritten = queries.filter(({ q }) => !q.gold.questions[q.lang].includes(q.text));
    expect(new Set(rewritten.map(({ q }) => q.lang))).toEqual(new Set(['en', 'ru', 'kk']));
    for (const { q, fold } of rewritten) {
      const prev = fold.base.fact(q.context?.factIds[0] ?? '');
      const close = !!prev && ((prev.event !== undefined && prev.event === q.gold.event) || prev.related.includes(q.gold.id) || q.gold.related.includes(prev.id));
      expect(close, `${q.text} after ${prev?.id}`).toBe(true);
      expect(refersBack(normalize(q.text)), q.text).toBe(true);
      // The event the two facts share is no longer named by the question.
      if (prev?.event === q.gold.event && q.gold.event) expect(analyzeQuestion(q.text, fold.index, q.lang).entities.has(q.gold.event), q.text).toBe(false);
    }
  });

  it('ask the questions that need no context, and those with a pronoun of their own, after an unrelated answer', () => {
    const asIs = queries.filter(({ q }) => q.gold.questions[q.lang].includes(q.text));
    expect(asIs.some(({ q }) => refersBack(normalize(q.text)))).toBe(true);
    expect(asIs.some(({ q }) => !refersBack(normalize(q.text)))).toBe(true);
    for (const { q, fold } of asIs) {
      const prev = fold.base.fact(q.context?.factIds[0] ?? '');
      expect(prev).toBeDefined();
      expect(prev?.event !== undefined && prev.event === q.gold.event).toBe(false);
      expect(prev?.entities.some((e) => q.gold.entities.includes(e))).toBe(false);
    }
  });
});
