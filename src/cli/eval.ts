/**
 * `npm run eval`: grades the resolver
 * - on the development sets in ../shared/eval/ (dev.jsonl and dev2.jsonl), through their own grader, which
 *   runs `npm run --silent ask -- --json` once per set, exactly as the grader documents;
 * - on the project's own question set (test/eval/questions.jsonl), graded in process by the same rules;
 * - by cross-validation over the fact base's own questions (src/eval/cross-validation.ts): held-out
 *   alternate questions, held-out facts (near misses to decline), counterfactual questions (to decline),
 *   the quiz bank's questions, and follow-ups (src/eval/follow-up-fold.ts).
 * Prints accuracy per category and language. `--verbose` lists the wrong items; `--no-cv` skips the
 * cross-validation (about a minute).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Resolver } from '../core/resolver/resolver.js';
import { counterfactualFold, cvReport, factFolds, questionFolds, quizFold, runFolds } from '../eval/cross-validation.js';
import { gradeRun, readEvalSet } from '../eval/eval-set.js';
import { followUpFolds } from '../eval/follow-up-fold.js';
import { DATA_DIR, loadFactBase, loadFactBaseData } from '../infra/data-files.js';

const root = join(DATA_DIR, '..');
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const evalDir = process.env.EVAL_DIR ?? join(root, '..', 'shared', 'eval');
const grader = join(evalDir, 'grade.mjs');
const pct = (x: number) => x.toFixed(3);

for (const set of ['dev.jsonl', 'dev2.jsonl']) {
  const file = join(evalDir, set);
  if (!existsSync(grader) || !existsSync(file)) {
    console.log(`== development set ${set}: SKIPPED (${file} not found; set EVAL_DIR to the folder with grade.mjs)`);
    continue;
  }
  console.log(`== development set ${set} (official grader)`);
  const run = spawnSync('node', [grader, ...(verbose ? ['-v'] : []), '--set', file, '--', 'npm', 'run', '--silent', 'ask', '--', '--json'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) console.error(`grader exited with ${run.status}`);
}

const ownSet = join(root, 'test', 'eval', 'questions.jsonl');
console.log('\n== project question set (test/eval/questions.jsonl)');
const items = readEvalSet(ownSet);
const resolver = new Resolver(loadFactBase());
const report = gradeRun(items, items.map((i) => resolver.resolve(i.q)));
for (const [name, m] of [['category', report.byCategory], ['language', report.byLang]] as const)
  console.log(`${name}: ${[...m].map(([k, v]) => `${k} ${v.right}/${v.total}`).join(', ')}`);
if (verbose) for (const w of report.wrong) console.log(`  ${w.item.id} [${w.item.cat}] ${w.item.q.slice(0, 90)}\n     -> ${w.answer.status}: ${w.answer.answer.slice(0, 140).replace(/\n/g, ' ')}`);
console.log(`accuracy ${pct(report.accuracy)} in-scope ${pct(report.inScope)} declines ${pct(report.declines)} answered-precision ${pct(report.answeredPrecision)} (n=${items.length})`);

if (!process.argv.includes('--no-cv')) {
  console.log('\n== cross-validation over the fact base (the model as fitted)');
  const data = loadFactBaseData();
  const show = (name: string, r: ReturnType<typeof cvReport>) =>
    console.log(
      `${name}: in-scope ${pct(r.inScope)} (n=${r.inScopeCount}), confident and right ${pct(r.confidentRight)}, answered precision ${pct(r.answeredPrecision)}${r.declineCount ? `, declines ${pct(r.declines)} (n=${r.declineCount})` : ''}`,
    );
  const questions = questionFolds(data, 5);
  show('held-out alternate questions (5 folds)', cvReport(runFolds(questions)));
  show('held-out facts, near misses (10 folds)', cvReport(runFolds(factFolds(data, 10)).filter((o) => !o.ambiguous)));
  show('counterfactual questions', cvReport(runFolds([counterfactualFold(data)])));
  show('quiz-bank questions', cvReport(runFolds([quizFold(data)])));
  show('follow-ups and questions after an unrelated answer (5 folds)', cvReport(runFolds(followUpFolds(questions))));
}
