/**
 * The quiz bank (data/quiz/*.json) checked item by item. A failure lists every offending item as
 * `<item id> [<lang>] <rule>: <detail>`, so a writer can fix them in one pass. The rules are in quiz-rules.ts.
 */
import { describe, expect, it } from 'vitest';
import { FactBase } from '../../src/core/facts/fact-base.js';
import { LANGS } from '../../src/core/facts/schema.js';
import { crossCheckQuiz } from '../../src/core/study/quiz-bank-check.js';
import { EXCLUDED_TOPIC, QUIZ_KINDS } from '../../src/core/study/quiz-bank-schema.js';
import { DATA_DIR, formatProblem, loadFactBaseData, readQuizFiles } from '../../src/infra/data-files.js';
import type { DataProblem } from '../../src/core/facts/validate.js';
import { contentStems, ITEM_RULES } from './quiz-rules.js';

const base = new FactBase(loadFactBaseData(DATA_DIR, { quiz: false }));
const problems: DataProblem[] = [];
// Every file that parses is checked, even while another is broken (the broken one fails the first test).
const filed = readQuizFiles(DATA_DIR, problems);
const items = filed.map((f) => f.item);
const ctx = { fact: (id: string) => base.fact(id) };

/** Items per language the bank must reach, and the largest share one kind may take. */
const MIN_ITEMS = 150;
const MAX_KIND_SHARE = 0.4;

describe('quiz bank: every item', () => {
  it('parses with zod, and its fact, `also` facts and topic exist (topic not `article`), its id unique', () => {
    expect([...problems, ...crossCheckQuiz(filed, base)].map(formatProblem)).toEqual([]);
  });

  for (const [name, rule] of Object.entries(ITEM_RULES))
    it(name, () => {
      expect(items.flatMap((item) => rule(item, ctx))).toEqual([]);
    });

  it('no two items ask the same question', () => {
    const seen = new Map<string, string>();
    const out: string[] = [];
    for (const item of items)
      for (const lang of LANGS) {
        const key = `${lang}:${[...contentStems(item[lang].question, lang)].sort().join(' ')}`;
        const other = seen.get(key);
        if (other) out.push(`${item.id} [${lang}] same question as ${other}`);
        else seen.set(key, item.id);
      }
    expect(out).toEqual([]);
  });
});

// Fails until the writers have finished the bank: it is the target, not a shape check.
describe('quiz bank: as a whole', () => {
  it('bank size: at least 150 items per language, every topic but `article` covered, no kind over 40 %', () => {
    const out: string[] = [];
    for (const lang of LANGS) {
      const n = items.filter((i) => i[lang].question.trim() !== '').length;
      if (n < MIN_ITEMS) out.push(`${lang}: ${n} items, at least ${MIN_ITEMS} needed`);
    }
    for (const topic of base.topics)
      if (topic.id !== EXCLUDED_TOPIC && !items.some((i) => i.topic === topic.id)) out.push(`topic "${topic.id}" has no item`);
    for (const kind of QUIZ_KINDS) {
      const n = items.filter((i) => i.kind === kind).length;
      if (items.length > 0 && n / items.length > MAX_KIND_SHARE) out.push(`kind "${kind}" is ${n} of ${items.length} items (at most ${MAX_KIND_SHARE * 100} %)`);
    }
    expect(out).toEqual([]);
  });
});
