/**
 * `npm run fit`: fits the resolver's model (src/core/resolver/model.generated.ts) by a procedure anyone can
 * rerun, from the fact base alone (the development sets in ../shared/eval are never used here: they measure).
 *
 * 1. Cross-validation runs (src/eval/cross-validation.ts): 5 question folds (held-out alternate questions),
 *    10 fact folds (held-out facts, whose questions should be declined) and a counterfactual fold (the
 *    alternate questions with a person or country the source never mentions, or another year: declined),
 *    and follow-up folds (src/eval/follow-up-fold.ts): a question fold's held-out question of a fact whose
 *    event (or an entity shared with a sibling) is named by a pronoun, asked after the sibling as the
 *    previous answer (the chat service's context), and held-out questions asked after an unrelated answer.
 *    Only these give the `followUp` signal anything to learn from; without them its weight fits to 0.
 * 2. Each held-out question becomes a choice among its top candidates and "none": the right candidates are
 *    the facts that give its answer; a near miss's right choice is "none". A conditional logit with an L2
 *    penalty (src/eval/logistic.ts) fits the signals' weights and the score of "none". Steps 1–2 run twice,
 *    the second time on the candidates the first fit ranks on top.
 * 3. The thresholds are chosen on questions written apart from the alternate questions (not on the
 *    follow-up folds: they are the alternate questions reworded by a rule, the weights' training material, and
 *    how many questions are follow-ups in real use is unknown, so they would tilt the one pair of thresholds
 *    towards a share nobody measured): the quiz bank's questions (data/quiz, in three languages: they
 *    should be answered) and the fact folds' near misses whose event has no fact left (they should be
 *    declined). Near misses with a sibling fact left are left out: a sibling may answer them in other words. The answer threshold gives the most confident right answers
 *    to the quiz questions while their precision stays at or above 0.99; the unsure threshold maximises
 *    accuracy with in-scope questions and declines (the near misses) weighed as in the development sets (80:20).
 *
 * `--dry-run` prints the result without writing it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MODEL, type ResolverModel } from '../core/resolver/model.js';
import { SIGNAL_NAMES } from '../core/resolver/signals.js';
import { loadFactBaseData } from '../infra/data-files.js';
import { counterfactualFold, cvReport, factFolds, isRight, questionFolds, quizFold, runFolds, type CvFold, type CvOutcome } from './cross-validation.js';
import { fitChoiceModel, type Choice } from './choice-model.js';
import { followUpFolds } from './follow-up-fold.js';

/** Candidates per held-out question offered to the choice model. */
const TOP = 15;
/** Least precision of confident answers the thresholds must keep. */
const PRECISION_FLOOR = 0.99;
/** Share of the fit's weight given to near misses (questions to decline), as in the development sets. */
const DECLINE_SHARE = 0.2;

/** One choice per held-out question: its top candidates' signals and which are right; near misses have none right. */
function choices(outcomes: CvOutcome[]): Choice[] {
  const usable = outcomes.filter((o) => o.explanation.decision && !o.ambiguous);
  const out: Choice[] = [];
  for (const o of usable) {
    const type = o.explanation.analysis.type;
    const top = o.explanation.candidates.slice(0, TOP);
    const right = o.shouldDecline ? [] : top.flatMap((c, i) => (isRight(c.fact, o.query, type) ? [i] : []));
    // An answerable question whose fact is not among the candidates teaches nothing about choosing.
    if (!o.shouldDecline && right.length === 0) continue;
    out.push({ features: top.map((c) => SIGNAL_NAMES.map((n) => c.signals[n])), right, weight: 1 });
  }
  const declines = out.filter((c) => c.right.length === 0).length;
  const answers = out.length - declines;
  const declineWeight = declines ? (DECLINE_SHARE / (1 - DECLINE_SHARE)) * (answers / declines) : 1;
  for (const c of out) if (c.right.length === 0) c.weight = declineWeight;
  return out;
}

/** What a decision depends on, per held-out question, for trying thresholds without resolving again. */
interface DecisionInputs {
  ranked: boolean;
  best: number;
  confidence: number;
  bestRight: boolean;
  gap: boolean;
  shouldDecline: boolean;
}

function decisionInputs(o: CvOutcome): DecisionInputs {
  const d = o.explanation.decision;
  return {
    ranked: d !== undefined,
    best: d?.best?.probability ?? 0,
    confidence: d?.confidence ?? 0,
    bestRight: !o.shouldDecline && !!d?.best && isRight(d.best.fact, o.query, o.explanation.analysis.type),
    // A gap turns any answer into a decline; it shows as an unknown reply after a decision to answer.
    gap: d !== undefined && d.status !== 'unknown' && o.explanation.answer.status === 'unknown',
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
    // Operators, calendars and several-part questions do not go through the thresholds.
    if (!i.ranked) continue;
    const status = i.confidence < t.unsure || i.gap ? 'unknown' : i.confidence >= t.answer ? 'answered' : 'unsure';
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
  return { precision: answered ? answeredRight / answered : 1, confident, inScope: inTotal ? inRight / inTotal : 1, declines: decTotal ? decRight / decTotal : 1 };
}

/** Chooses the thresholds as the procedure above says. */
export function fitThresholds(inputs: DecisionInputs[]): ResolverModel['thresholds'] {
  let answer = 0.99;
  let bestConfident = -1;
  // The answer threshold is judged on the questions to answer: near misses are the unsure threshold's
  // business (a confident answer to one is counted there as a decline missed).
  const answerable = inputs.filter((i) => !i.shouldDecline);
  for (let a = 0.3; a <= 0.995; a += 0.005) {
    const r = evaluate(answerable, { answer: a, unsure: 0 });
    if (r.precision >= PRECISION_FLOOR && r.confident > bestConfident) {
      bestConfident = r.confident;
      answer = round(a);
    }
  }
  let unsure = 0.5;
  let best = -1;
  for (let u = 0.01; u <= answer; u += 0.01) {
    const r = evaluate(inputs, { answer, unsure: u });
    const score = (1 - DECLINE_SHARE) * r.inScope + DECLINE_SHARE * r.declines;
    if (score > best) {
      best = score;
      unsure = round(u);
    }
  }
  return { answer, unsure };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Runs the whole procedure: weights on the cross-validation folds, thresholds on the quiz fold and the clean near misses. */
export function fitModel(folds: CvFold[], thresholdFold: CvFold, start: ResolverModel = DEFAULT_MODEL, log: (s: string) => void = () => undefined): ResolverModel {
  let model = start;
  for (let round = 1; round <= 2; round++) {
    const data = choices(runFolds(folds, model));
    const fit = fitChoiceModel(data, SIGNAL_NAMES.length, { l2: 1e-3, steps: 1500, rate: 0.5, start: { weights: SIGNAL_NAMES.map((n) => model.weights[n]), none: model.none } });
    model = {
      none: fit.none,
      weights: Object.fromEntries(SIGNAL_NAMES.map((n, i) => [n, fit.weights[i] ?? 0])) as ResolverModel['weights'],
      thresholds: model.thresholds,
    };
    log(`round ${round}: ${data.length} questions (${data.filter((c) => c.right.length === 0).length} to decline), mean loss ${fit.loss.toFixed(4)}`);
  }
  const nearMisses = runFolds(folds.filter((f) => f.queries.some((q) => q.fold === 'fact' || q.fold === 'counterfactual')), model).filter((o) => o.shouldDecline && !o.ambiguous);
  const inputs = [...runFolds([thresholdFold], model), ...nearMisses].map(decisionInputs);
  log(`thresholds fitted on ${inputs.length - nearMisses.length} quiz questions and ${nearMisses.length} near misses`);
  return { ...model, thresholds: fitThresholds(inputs) };
}

/** The standard folds of the procedure: the cross-validation folds and the quiz fold. */
export function standardFolds(): { folds: CvFold[]; quiz: CvFold } {
  const data = loadFactBaseData();
  const questions = questionFolds(data, 5);
  return { folds: [...questions, ...factFolds(data, 10), counterfactualFold(data), ...followUpFolds(questions)], quiz: quizFold(data) };
}

function render(model: ResolverModel): string {
  const weights = SIGNAL_NAMES.map((n) => `    ${n}: ${model.weights[n].toFixed(4)},`).join('\n');
  return `// Written by \`npm run fit\` (src/eval/fit-model.ts). Do not edit by hand: rerun the fit.
import type { ResolverModel } from './resolver-model.js';

export const FITTED_MODEL: ResolverModel = {
  none: ${model.none.toFixed(4)},
  weights: {
${weights}
  },
  thresholds: { answer: ${model.thresholds.answer}, unsure: ${model.thresholds.unsure} },
};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const { folds, quiz } = standardFolds();
  const model = fitModel(folds, quiz, DEFAULT_MODEL, (s) => console.log(s));
  const outcomes = runFolds(folds, model).filter((o) => !o.ambiguous);
  const report = cvReport(outcomes.filter((o) => o.query.fold !== 'followup'));
  const followUps = cvReport(outcomes.filter((o) => o.query.fold === 'followup'));
  const quizReport = cvReport(runFolds([quiz], model));
  console.log(render(model));
  console.log(
    `cross-validation with the fitted model: in-scope ${report.inScope.toFixed(3)} (n=${report.inScopeCount}), confident and right ${report.confidentRight.toFixed(3)}, answered precision ${report.answeredPrecision.toFixed(3)}, declines ${report.declines.toFixed(3)} (n=${report.declineCount}); ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`follow-up questions with the fitted model: in-scope ${followUps.inScope.toFixed(3)} (n=${followUps.inScopeCount}), confident and right ${followUps.confidentRight.toFixed(3)}`);
  console.log(
    `quiz-bank questions: in-scope ${quizReport.inScope.toFixed(3)} (n=${quizReport.inScopeCount}), confident and right ${quizReport.confidentRight.toFixed(3)}, answered precision ${quizReport.answeredPrecision.toFixed(3)}`,
  );
  if (!process.argv.includes('--dry-run')) {
    writeFileSync(fileURLToPath(new URL('../core/resolver/model.generated.ts', import.meta.url)), render(model));
    console.log('written: src/core/resolver/model.generated.ts');
  }
}
