/**
 * `npm run bench:quiz`: how long composing a study session from the real quiz bank takes (p50, p99), and how
 * the sessions come out over 300 seeds per language: shorter than asked, the same event side by side,
 * difficulty going down. Per topic: how many questions a 30-question topic session gets. Prints figures;
 * asserts nothing.
 */
import { LANGS } from '../src/core/facts/schema.js';
import type { QuizQuestion } from '../src/core/study/quiz.js';
import { QuizBank } from '../src/core/study/session-composer.js';
import { loadFactBase } from '../src/infra/data-files.js';

const base = loadFactBase();
const built = performance.now();
const bank = new QuizBank(base.quiz, (factId) => base.fact(factId)?.event);
console.log(`bank: ${base.quiz.length} items, indexed in ${(performance.now() - built).toFixed(1)} ms`);
const eventOf = (q: QuizQuestion) => base.fact(q.factId)?.event ?? q.factId;

for (const count of [10, 30]) {
  const times: number[] = [];
  let short = 0;
  let sideBySide = 0;
  let drops = 0;
  for (let seed = 1; seed <= 300; seed++)
    for (const lang of LANGS) {
      const start = performance.now();
      const qs = bank.compose({ lang, count, seed });
      times.push(performance.now() - start);
      if (qs.length < count) short++;
      for (let i = 1; i < qs.length; i++) {
        if (eventOf(qs[i]!) === eventOf(qs[i - 1]!)) sideBySide++;
        if ((qs[i]!.difficulty ?? 0) < (qs[i - 1]!.difficulty ?? 0)) drops++;
      }
    }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(2);
  console.log(`${count} questions, whole bank, ${times.length} sessions: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; shorter than asked ${short}; same event side by side ${sideBySide}; difficulty drops ${drops}`);
}

for (const topic of base.topics.filter((t) => t.id !== 'article')) {
  const sizes = LANGS.map((lang) => bank.compose({ lang, count: 30, topic: topic.id, seed: 1 }).length);
  const qs = bank.compose({ lang: 'en', count: 30, topic: topic.id, seed: 1 });
  const sideBySide = qs.slice(1).filter((q, i) => eventOf(q) === eventOf(qs[i]!)).length;
  console.log(`topic ${topic.id}: ${bank.topicSize(topic.id)} items, a 30-question session gets ${sizes.join('/')} (en/ru/kk), same event side by side ${sideBySide}`);
}
