import { SIGNAL_NAMES, type SignalName, type Signals } from './signals.js';
import type { ResolverModel } from './resolver-model.js';
import { FITTED_MODEL } from './model.generated.js';

export type { ResolverModel } from './resolver-model.js';

/** How many of the best candidates share the probability (the rest are too far behind to matter). */
export const CHOICE_SET = 15;

/** The model in use. */
export const DEFAULT_MODEL: ResolverModel = FITTED_MODEL;

/** A candidate's score: the weighted sum of its signals. */
export function scoreOf(signals: Signals, model: ResolverModel): number {
  let s = 0;
  for (const name of SIGNAL_NAMES) s += model.weights[name] * signals[name];
  return s;
}

/** Each candidate's probability, for scores sorted best first; candidates past the choice set get 0. */
export function choiceProbabilities(sortedScores: readonly number[], model: ResolverModel): number[] {
  const top = sortedScores.slice(0, CHOICE_SET);
  const max = Math.max(model.none, ...top);
  const exps = top.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, Math.exp(model.none - max));
  return sortedScores.map((_, i) => (i < exps.length ? (exps[i] ?? 0) / total : 0));
}

/** Each signal's contribution to a score, largest first (for `--explain`). */
export function contributions(signals: Signals, model: ResolverModel): { name: SignalName; value: number; weight: number; contribution: number }[] {
  return SIGNAL_NAMES.map((name) => ({ name, value: signals[name], weight: model.weights[name], contribution: model.weights[name] * signals[name] }))
    .filter((c) => c.value !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}
