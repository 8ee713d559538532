/**
 * `npm run quiz:sample -- --lang ru --n 30 [--topic referendum] [--seed 7]` prints a study session drawn from
 * the quiz bank as a member would see it (question, lettered choices, the right one marked, the reveal's
 * explanation and citation), for a person to review. Each question is headed by its item id, kind and
 * difficulty, so a reviewer can name the item to fix. The bank's size per language, kind and topic closes it.
 */
import { parseArgs } from 'node:util';
import type { FactBase } from '../core/facts/fact-base.js';
import { LANGS, type Lang } from '../core/facts/schema.js';
import { I18n } from '../core/i18n/i18n.js';
import { revealQuestion } from '../core/study/quiz.js';
import { QuizBank } from '../core/study/session-composer.js';
import { loadFactBase } from '../infra/data-files.js';

const USAGE = 'usage: npm run quiz:sample -- [--lang en|ru|kk] [--n 30] [--topic <id or name>] [--seed N]';
const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** A topic by its id, its name in any language or an alias (as /study takes it). */
function findTopic(base: FactBase, text: string): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const wanted = norm(text);
  return base.topics.find((t) => t.id === text || LANGS.some((l) => norm(t.name[l]) === wanted) || t.aliases.some((a) => norm(a) === wanted))?.id;
}

/** "1 item", "5 items": the review output is English. */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Counts as "key n" pairs, most first. */
function tally(keys: string[]): string {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`).join(', ');
}

/** Runs the command with its arguments; returns the exit code. */
export function runQuizSample(argv: string[], out: (text: string) => void, err: (text: string) => void, base: FactBase = loadFactBase()): number {
  let values: { lang?: string; n?: string; topic?: string; seed?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { lang: { type: 'string' }, n: { type: 'string' }, topic: { type: 'string' }, seed: { type: 'string' } } }));
  } catch (e) {
    err(`quiz:sample: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const lang = (values.lang ?? 'en') as Lang;
  const count = Number(values.n ?? 30);
  const seed = Number(values.seed ?? 1);
  if (!LANGS.includes(lang) || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    err(`quiz:sample: --lang must be en, ru or kk; --n and --seed whole numbers\n${USAGE}`);
    return 2;
  }
  const topic = values.topic === undefined ? undefined : findTopic(base, values.topic);
  if (values.topic !== undefined && !topic) {
    err(`quiz:sample: no topic "${values.topic}"; topics: ${base.topics.map((t) => t.id).join(', ')}`);
    return 2;
  }
  const i18n = new I18n();
  const bank = new QuizBank(base.quiz, (factId) => base.fact(factId)?.event);
  const questions = bank.compose({ lang, count, seed, ...(topic ? { topic } : {}) });
  const blocks: string[] = [
    `Quiz sample: ${questions.length} of ${count} asked, in ${lang}, seed ${seed}${topic ? `, topic "${base.topicName(topic, lang)}" (${plural(bank.topicSize(topic), 'item')})` : ''}`,
  ];
  questions.forEach((q, n) => {
    const r = revealQuestion(base, i18n, q);
    const event = base.fact(q.factId)?.event;
    blocks.push(
      [
        `[${q.itemId} · ${q.kind} · difficulty ${q.difficulty} · ${q.topic}${event ? ` · event ${event}` : ''}]`,
        i18n.t(lang, 'study-question', { n: n + 1, total: questions.length }),
        q.text,
        ...q.choices.map((c, i) => `  ${LETTERS[i]}) ${c}${i === q.correct ? '   ✓' : ''}`),
        i18n.t(lang, 'study-reveal', { answer: r.answer }),
        r.explanation,
        r.citation,
      ].join('\n'),
    );
  });
  const items = base.quiz;
  blocks.push(
    [
      `Bank: ${plural(items.length, 'item')}, each in ${LANGS.join(', ')}`,
      `by kind: ${tally(items.map((i) => i.kind))}`,
      `by difficulty: ${tally(items.map((i) => String(i.difficulty)))}`,
      `by topic: ${tally(items.map((i) => i.topic))}`,
    ].join('\n'),
  );
  out(blocks.join('\n\n'));
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')) {
  process.exitCode = runQuizSample(process.argv.slice(2), (t) => console.log(t), (t) => console.error(t));
}
