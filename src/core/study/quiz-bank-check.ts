import type { Fact, Topic } from '../facts/schema.js';
import type { DataProblem } from '../facts/validate.js';
import { EXCLUDED_TOPIC, type QuizItem } from './quiz-bank-schema.js';

/** A parsed item and the file it came from (`data/quiz/<section>.json`). */
export interface FiledQuizItem {
  file: string;
  item: QuizItem;
}

/**
 * Checks the schema alone cannot make: the item's fact and `also` facts exist, its topic exists and is not
 * the article itself, and no id is used twice across the bank. Each problem names the file, item id and field.
 */
export function crossCheckQuiz(items: readonly FiledQuizItem[], data: { readonly facts: readonly Fact[]; readonly topics: readonly Topic[] }): DataProblem[] {
  const problems: DataProblem[] = [];
  const factIds = new Set(data.facts.map((f) => f.id));
  const topicIds = new Set(data.topics.map((t) => t.id));
  const seen = new Map<string, string>();
  for (const { file, item } of items) {
    const problem = (field: string, message: string) => problems.push({ file, record: 'item', id: item.id, field, message });
    const first = seen.get(item.id);
    if (first !== undefined) problem('id', `duplicate id (also in ${first})`);
    else seen.set(item.id, file);
    if (!factIds.has(item.fact)) problem('fact', `unknown fact id "${item.fact}"`);
    for (const a of item.also ?? []) {
      if (!factIds.has(a)) problem('also', `unknown fact id "${a}"`);
      else if (a === item.fact) problem('also', `"${a}" is the item's own fact`);
    }
    if (item.topic === EXCLUDED_TOPIC) problem('topic', `topic "${EXCLUDED_TOPIC}" is not asked about (nothing about the article itself)`);
    else if (!topicIds.has(item.topic)) problem('topic', `unknown topic "${item.topic}"`);
  }
  return problems;
}
