import type { SignalName } from './signals.js';

/**
 * The scoring model, a conditional logit ("discrete choice") over the facts a question could be about:
 * each candidate fact scores w·signals, the answer "none of them" scores `none`, and a fact's probability
 * is its share of exp(score) among the best candidates and "none". So a fact is likely only when it stands
 * out from its rivals and from not answering at all. The numbers are fitted by `npm run fit`
 * (src/eval/fit-model.ts) and written to model.generated.ts; nobody sets them by hand.
 */
export interface ResolverModel {
  /** The score of answering nothing: the higher, the more a question must match to be answered. */
  none: number;
  weights: Record<SignalName, number>;
  thresholds: {
    /** Least probability that the answer is right (the best fact and the facts that agree with it) for a confident answer. */
    answer: number;
    /** Least probability that the answer is right for a best guess with "did you mean" choices; below it the bot declines. */
    unsure: number;
  };
}
