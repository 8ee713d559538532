import { SIGNAL_NAMES, type SignalName, type Signals } from './signals.js';
import { FITTED_MODEL } from './model.generated.js';

/**
 * The scoring model: a weight per named signal plus a bias, read as log-odds that a fact answers the
 * question (logistic regression), and the thresholds of the decision. The numbers are fitted by
 * `npm run fit` (src/eval/fit-model.ts) on cross-validation over the fact base's own questions and written
 * to model.generated.ts; nobody sets them by hand.
 */
export interface ResolverModel {
  bias: number;
  weights: Record<SignalName, number>;
  thresholds: {
    /** Least probability of the best fact for a confident answer. */
    answer: number;
    /** Least lead in probability over the best fact that would give a different answer. */
    margin: number;
    /** Least probability for a best guess with "did you mean" choices; below it the bot declines. */
    unsure: number;
  };
}

/** The model in use. */
export const DEFAULT_MODEL: ResolverModel = FITTED_MODEL;

/** Log-odds that a fact with these signals answers the question. */
export function scoreOf(signals: Signals, model: ResolverModel): number {
  let s = model.bias;
  for (const name of SIGNAL_NAMES) s += model.weights[name] * signals[name];
  return s;
}

/** The logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Each signal's contribution to a score, largest first (for `--explain`). */
export function contributions(signals: Signals, model: ResolverModel): { name: SignalName; value: number; weight: number; contribution: number }[] {
  return SIGNAL_NAMES.map((name) => ({ name, value: signals[name], weight: model.weights[name], contribution: model.weights[name] * signals[name] }))
    .filter((c) => c.value !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}
