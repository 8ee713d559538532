/**
 * `npm run bench`: the resolver's per-question latency (p50, p99), index build time and memory, and two
 * baselines over the same fact base and questions (plain fuse.js over the facts' text; MiniSearch BM25),
 * with their latency and accuracy. Questions: the development sets (those of ../shared/eval, when present) and
 * the project's set. Then the cold start of a fresh process, compiled and through tsx (bench/cold-start.ts).
 * Prints figures; asserts nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { FactBase } from '../src/core/facts/fact-base.js';
import type { Fact } from '../src/core/facts/schema.js';
import { Resolver } from '../src/core/resolver/resolver.js';
import { gradeRun, readEvalSet, type EvalAnswer, type EvalItem } from '../src/eval/eval-set.js';
import { DATA_DIR, loadFactBaseData } from '../src/infra/data-files.js';
import { loadSearchIndex } from '../src/infra/search-index-artefact.js';
import { runColdStart } from './cold-start.js';

const root = join(DATA_DIR, '..');
// Every development set there is (dev.jsonl, dev2.jsonl…: questions written apart from the fact base), and the project's.
const evalDir = join(root, '..', 'shared', 'eval');
const devSets = existsSync(evalDir) ? readdirSync(evalDir).filter((f) => /^dev\w*\.jsonl$/.test(f)).sort().map((f) => join(evalDir, f)) : [];
const sets = [...devSets, join(root, 'test', 'eval', 'questions.jsonl')].filter(existsSync);
const items: EvalItem[] = sets.flatMap(readEvalSet);
const data = loadFactBaseData();
const base = new FactBase(data);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Times `answer` over every question and grades it: `rounds` timed passes after `warmup` untimed ones, the
 * first of which is timed apart (the "first pass", while V8 is still compiling the hot paths).
 */
function measure(name: string, build: () => (q: string) => EvalAnswer, rounds = 3, warmup = 1): void {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const answer = build();
  const buildMs = performance.now() - t0;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const firstPass: number[] = [];
  for (let pass = 0; pass < (rounds > 1 ? warmup : 0); pass++)
    for (const it of items) {
      const s = performance.now();
      answer(it.q);
      if (pass === 0) firstPass.push(performance.now() - s);
    }
  firstPass.sort((a, b) => a - b);
  const times: number[] = [];
  const answers: EvalAnswer[] = [];
  for (let round = 0; round < rounds; round++)
    for (const it of items) {
      const s = performance.now();
      const a = answer(it.q);
      times.push(performance.now() - s);
      if (round === 0) answers.push(a);
    }
  times.sort((a, b) => a - b);
  const r = gradeRun(items, answers);
  console.log(
    `${name.padEnd(22)} build ${buildMs.toFixed(1).padStart(7)} ms  heap ~${heapMb.toFixed(1).padStart(5)} MB  ` +
      `p50 ${percentile(times, 50).toFixed(3)} ms  p99 ${percentile(times, 99).toFixed(3)} ms  ` +
      `in-scope ${r.inScope.toFixed(3)}  declines ${r.declines.toFixed(3)}  answered-precision ${r.answeredPrecision.toFixed(3)}` +
      (firstPass.length > 0 ? `\n${''.padEnd(22)} first pass (JIT still warming up): p50 ${percentile(firstPass, 50).toFixed(3)} ms  p99 ${percentile(firstPass, 99).toFixed(3)} ms` : ''),
  );
}

const factText = (f: Fact) => [f.title.en, f.title.ru, f.title.kk, f.answer.en, f.answer.ru, f.answer.kk].join(' ');
const reply = (f: Fact | undefined, lang: string): EvalAnswer =>
  f ? { status: 'answered', answer: f.answer[(lang === 'ru' || lang === 'kk' ? lang : 'en') as 'en'] } : { status: 'unknown', answer: '' };
const langOf = (q: string) => (/[әғқңөұүһі]/i.test(q) ? 'kk' : /[а-яё]/i.test(q) ? 'ru' : 'en');

console.log(`${items.length} questions from ${sets.length} set(s), ${base.facts.length} facts; node ${process.version}`);
// Ten rounds: a p99 over some 5,000 timings rather than 500, which a single garbage collection moves. After
// three warm-up passes: V8 goes on optimising the resolver over the first thousand questions or so (over dev2
// alone, the p99 after six passes was about a third of that after one), and a running bot answers far more
// than that between restarts; the first pass is printed too.
measure('resolver', () => {
  const r = new Resolver(base);
  return (q) => r.resolve(q);
}, 10, 3);
measure('fuse.js (fact text)', () => {
  const fuse = new Fuse(base.facts, { keys: [{ name: 'text', getFn: factText }], includeScore: true, ignoreLocation: true, threshold: 0.6 });
  return (q) => reply(q.trim() ? fuse.search(q.slice(0, 1000), { limit: 1 })[0]?.item : undefined, langOf(q));
}, 1);
measure('MiniSearch BM25', () => {
  const ms = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], searchOptions: { fuzzy: 0.2, prefix: true } });
  ms.addAll(base.facts.map((f) => ({ id: f.id, text: factText(f) })));
  return (q) => reply(base.fact(String(ms.search(q.slice(0, 1000))[0]?.id ?? '')), langOf(q));
}, 1);

// What a start does instead of building: the index restored from its artefact (written first if missing or
// stale), with the fingerprint of data/ and the index code checked. Median of five.
loadSearchIndex(base);
const restores = Array.from({ length: 5 }, () => {
  const t = performance.now();
  loadSearchIndex(base);
  return performance.now() - t;
}).sort((a, b) => a - b);
console.log(`index restored from the artefact (fingerprint checked): median ${restores[2]!.toFixed(1)} ms, max ${restores[4]!.toFixed(1)} ms`);

await runColdStart();
