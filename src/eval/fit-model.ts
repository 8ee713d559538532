/**
 * `npm run fit`: fits the resolver's model (src/core/resolver/model.generated.ts) by a procedure anyone can
 * rerun, from the fact base alone (the development sets in ../shared/eval are never used here: they measure).
 *
 * 1. Cross-validation runs (src/eval/cross-validation.ts): 5 question folds (held-out alternate questions)
 *    and 10 fact folds (held-out facts, whose questions should be declined).
 * 2. Each held-out question's top candidates become training rows: the signals, labelled 1 when the fact
 *    gives the held-out question's answer. A logistic regression with an L2 penalty fits the weights.
 *    Steps 1–2 run twice, the second time on the candidates the first fit ranks on top.
 * 3. The thresholds are chosen on the same runs: the answer and margin thresholds give the most confident
 *    right answers while the precision of confident answers stays at or above 0.99; the unsure threshold
 *    maximises the sum of in-scope accuracy and decline accuracy.
 *
 * `--dry-run` prints the result without writing it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sameAnswer } from '../core/resolver/decision.js';
import { DEFAULT_MODEL, type ResolverModel } from '../core/resolver/model.js';
import { SIGNAL_NAMES } from '../core/resolver/signals.js';
import { loadFactBaseData } from '../infra/data-files.js';
import { cvReport, factFolds, questionFolds, runFolds, type CvFold, type CvOutcome } from './cross-validation.js';
import { fitLogistic } from './logistic.js';

/** Candidates per held-out question that become training rows. */
const TOP = 15;
/** Least precision of confident answers the thresholds must keep. */
const PRECISION_FLOOR = 0.99;

/** Training rows from a run: the signals of each question's top candidates and whether each is right. */
function trainingRows(outcomes: CvOutcome[]): { xs: number[][]; ys: number[] } {
  const xs: number[][] = [];
  const ys: number[] = [];
  for (const o of outcomes) {
    const type = o.explanation.analysis.type;
    for (const c of o.explanation.candidates.slice(0, TOP)) {
      xs.push(SIGNAL_NAMES.map((n) => c.signals[n]));
      ys.push(c.fact.id === o.query.gold.id || sameAnswer(c.fact, o.query.gold, type) ? 1 : 0);
    }
  }
  return { xs, ys };
}

/** What a decision depends on, per held-out question, for trying thresholds without resolving again. */
interface DecisionInputs {
  ranked: boolean;
  fixedStatus?: 'answered' | 'unsure' | 'unknown';
  best: number;
  rival: number;
  bestRight: boolean;
  gap: boolean;
  shouldDecline: boolean;
}

function decisionInputs(o: CvOutcome): DecisionInputs {
  const d = o.explanation.decision;
  const ranked = d !== undefined;
  const bestRight = !!d?.best && (d.best.fact.id === o.query.gold.id || sameAnswer(d.best.fact, o.query.gold, o.explanation.analysis.type));
  // A gap turns any answer into a decline; it shows as an unknown reply with facts.
  const gap = ranked && d.status !== 'unknown' && o.explanation.answer.status === 'unknown';
  return {
    ranked,
    fixedStatus: ranked ? undefined : o.explanation.answer.status,
    best: d?.best?.probability ?? 0,
    rival: d?.rival?.probability ?? 0,
    bestRight,
    gap,
    shouldDecline: o.shouldDecline,
  };
}

/** The figures a set of thresholds gives on the recorded inputs. */
function evaluate(inputs: DecisionInputs[], t: ResolverModel['thresholds']) {
  let answered = 0;
  let answeredRight = 0;
  let inRight = 0;
  let inTotal = 0;
  let confident = 0;
  let decRight = 0;
  let decTotal = 0;
  for (const i of inputs) {
    let status: 'answered' | 'unsure' | 'unknown';
    if (!i.ranked) status = i.fixedStatus ?? 'unknown';
    else if (i.best < t.unsure || i.gap) status = 'unknown';
    else status = i.best >= t.answer && i.best - i.rival >= t.margin ? 'answered' : 'unsure';
    const right = status !== 'unknown' && i.bestRight;
    if (status === 'answered') {
      answered++;
      if (right) answeredRight++;
    }
    if (i.shouldDecline) {
      decTotal++;
      if (status === 'unknown') decRight++;
    } else {
      inTotal++;
      if (right) inRight++;
      if (right && status === 'answered') confident++;
    }
  }
  return {
    precision: answered ? answeredRight / answered : 1,
    confident,
    inScope: inTotal ? inRight / inTotal : 1,
    declines: decTotal ? decRight / decTotal : 1,
  };
}

/** Chooses the thresholds as the procedure above says. */
export function fitThresholds(inputs: DecisionInputs[]): ResolverModel['thresholds'] {
  let best = { answer: 0.99, margin: 0.5, unsure: 0.5 };
  let bestConfident = -1;
  for (let a = 0.3; a <= 0.995; a += 0.01)
    for (let m = 0; m <= 0.6; m += 0.02) {
      const r = evaluate(inputs, { answer: a, margin: m, unsure: 0 });
      if (r.precision >= PRECISION_FLOOR && r.confident > bestConfident) {
        bestConfident = r.confident;
        best = { answer: round(a), margin: round(m), unsure: best.unsure };
      }
    }
  let bestSum = -1;
  for (let u = 0.01; u <= best.answer; u += 0.01) {
    const r = evaluate(inputs, { ...best, unsure: u });
    if (r.inScope + r.declines > bestSum) {
      bestSum = r.inScope + r.declines;
      best = { ...best, unsure: round(u) };
    }
  }
  return best;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Runs the whole procedure. */
export function fitModel(folds: CvFold[], start: ResolverModel = DEFAULT_MODEL, log: (s: string) => void = () => undefined): ResolverModel {
  let model = start;
  for (let round = 1; round <= 2; round++) {
    const { xs, ys } = trainingRows(runFolds(folds, model));
    const fit = fitLogistic(xs, ys, { l2: 1e-3, steps: 4000, rate: 2 });
    model = {
      bias: fit.bias,
      weights: Object.fromEntries(SIGNAL_NAMES.map((n, i) => [n, fit.weights[i] ?? 0])) as ResolverModel['weights'],
      thresholds: model.thresholds,
    };
    log(`round ${round}: ${xs.length} rows (${ys.filter((y) => y === 1).length} right), log loss ${fit.loss.toFixed(4)}`);
  }
  const inputs = runFolds(folds, model).map(decisionInputs);
  return { ...model, thresholds: fitThresholds(inputs) };
}

/** The standard folds of the procedure. */
export function standardFolds(): CvFold[] {
  const data = loadFactBaseData();
  return [...questionFolds(data, 5), ...factFolds(data, 10)];
}

function render(model: ResolverModel): string {
  const weights = SIGNAL_NAMES.map((n) => `    ${n}: ${model.weights[n].toFixed(4)},`).join('\n');
  return `// Written by \`npm run fit\` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './model.js';

export const FITTED_MODEL: ResolverModel = {
  bias: ${model.bias.toFixed(4)},
  weights: {
${weights}
  },
  thresholds: { answer: ${model.thresholds.answer}, margin: ${model.thresholds.margin}, unsure: ${model.thresholds.unsure} },
};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const folds = standardFolds();
  const model = fitModel(folds, DEFAULT_MODEL, (s) => console.log(s));
  const report = cvReport(runFolds(folds, model));
  console.log(render(model));
  console.log(
    `cross-validation with the fitted model: in-scope ${report.inScope.toFixed(3)} (n=${report.inScopeCount}), confident and right ${report.confidentRight.toFixed(3)}, answered precision ${report.answeredPrecision.toFixed(3)}, declines ${report.declines.toFixed(3)} (n=${report.declineCount}); ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (!process.argv.includes('--dry-run')) {
    writeFileSync(fileURLToPath(new URL('../core/resolver/model.generated.ts', import.meta.url)), render(model));
    console.log('written: src/core/resolver/model.generated.ts');
  }
}
