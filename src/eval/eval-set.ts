import { readFileSync } from 'node:fs';

/** One item of an evaluation set (the format of ../shared/eval/dev.jsonl). */
export interface EvalItem {
  id: string;
  lang: string;
  cat: string;
  q: string;
  expect: string[];
  decline?: boolean;
}

/** What a bot said to one item. */
export interface EvalAnswer {
  status: 'answered' | 'unsure' | 'unknown';
  answer: string;
}

/** Reads a JSON-lines evaluation set. */
export function readEvalSet(path: string): EvalItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalItem);
}

/**
 * Grades one answer by the rules of ../shared/eval/README.md: an in-scope item is right when the status is
 * answered or unsure and an expected pattern matches the first 600 characters; a decline item when the status is unknown.
 */
export function gradeItem(item: EvalItem, a: EvalAnswer, maxChars = 600): boolean {
  if (item.decline) return a.status === 'unknown';
  if (a.status === 'unknown') return false;
  const text = a.answer.slice(0, maxChars);
  return item.expect.some((e) => new RegExp(e, 'i').test(text));
}

/** Accuracy figures of a graded run. */
export interface EvalReport {
  accuracy: number;
  inScope: number;
  declines: number;
  answeredPrecision: number;
  byCategory: Map<string, { right: number; total: number }>;
  byLang: Map<string, { right: number; total: number }>;
  wrong: { item: EvalItem; answer: EvalAnswer }[];
}

/** Grades a whole run. */
export function gradeRun(items: EvalItem[], answers: EvalAnswer[]): EvalReport {
  const byCategory = new Map<string, { right: number; total: number }>();
  const byLang = new Map<string, { right: number; total: number }>();
  const bump = (m: Map<string, { right: number; total: number }>, k: string, ok: boolean) => {
    const v = m.get(k) ?? { right: 0, total: 0 };
    v.total++;
    if (ok) v.right++;
    m.set(k, v);
  };
  let right = 0;
  let inRight = 0;
  let inTotal = 0;
  let decRight = 0;
  let decTotal = 0;
  let answered = 0;
  let answeredRight = 0;
  const wrong: EvalReport['wrong'] = [];
  items.forEach((item, i) => {
    const a = answers[i] ?? { status: 'unknown', answer: '' };
    const ok = gradeItem(item, a);
    if (ok) right++;
    else wrong.push({ item, answer: a });
    if (item.decline) {
      decTotal++;
      if (ok) decRight++;
    } else {
      inTotal++;
      if (ok) inRight++;
    }
    if (a.status === 'answered') {
      answered++;
      if (ok) answeredRight++;
    }
    bump(byCategory, item.cat, ok);
    bump(byLang, item.lang, ok);
  });
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  return {
    accuracy: ratio(right, items.length),
    inScope: ratio(inRight, inTotal),
    declines: ratio(decRight, decTotal),
    answeredPrecision: ratio(answeredRight, answered),
    byCategory,
    byLang,
    wrong,
  };
}
