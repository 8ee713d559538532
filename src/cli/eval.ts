/**
 * `npm run eval`: grades the resolver on the development set in ../shared/eval/ (through its own grader,
 * running `npm run --silent ask -- --json` once, exactly as the grader documents) and on the project's own
 * question set in test/eval/questions.jsonl (graded in process by the same rules). Prints accuracy per
 * category and language. `--verbose` lists the wrong items of the project set.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Resolver } from '../core/resolver/resolver.js';
import { gradeRun, readEvalSet } from '../eval/eval-set.js';
import { DATA_DIR, loadFactBase } from '../infra/data-files.js';

const root = join(DATA_DIR, '..');
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const grader = join(root, '..', 'shared', 'eval', 'grade.mjs');
if (existsSync(grader)) {
  console.log('== development set (../shared/eval, official grader)');
  const run = spawnSync('node', [grader, ...(verbose ? ['-v'] : []), '--', 'npm', 'run', '--silent', 'ask', '--', '--json'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) console.error(`grader exited with ${run.status}`);
} else console.log(`== development set: SKIPPED (${grader} not found)`);

const ownSet = join(root, 'test', 'eval', 'questions.jsonl');
if (existsSync(ownSet)) {
  console.log('\n== project question set (test/eval/questions.jsonl)');
  const items = readEvalSet(ownSet);
  const resolver = new Resolver(loadFactBase());
  const report = gradeRun(items, items.map((i) => resolver.resolve(i.q)));
  const pct = (x: number) => x.toFixed(3);
  for (const [name, m] of [['category', report.byCategory], ['language', report.byLang]] as const)
    console.log(`${name}: ${[...m].map(([k, v]) => `${k} ${v.right}/${v.total}`).join(', ')}`);
  if (verbose) for (const w of report.wrong) console.log(`  ${w.item.id} [${w.item.cat}] ${w.item.q.slice(0, 90)}\n     -> ${w.answer.status}: ${w.answer.answer.slice(0, 140).replace(/\n/g, ' ')}`);
  console.log(`accuracy ${pct(report.accuracy)} in-scope ${pct(report.inScope)} declines ${pct(report.declines)} answered-precision ${pct(report.answeredPrecision)} (n=${items.length})`);
}
