/**
 * A conditional logit ("discrete choice") model fitted by batch gradient descent with an L2 penalty:
 * each question offers a few candidates (their feature vectors) and an option "none"; the model learns
 * feature weights and the score of "none" so that the right candidates (or "none") get the probability.
 * Deterministic (zero start, fixed steps), small enough to read.
 */

/** One question's choice: its candidates' features, and which are right (none right: "none" was the answer). */
export interface Choice {
  features: number[][];
  right: number[];
  /** How much the question counts in the fit. */
  weight: number;
}

/** The fitted weights, the score of "none", and the mean loss. */
export interface ChoiceFit {
  weights: number[];
  none: number;
  loss: number;
}

/** Fits the model to the choices. */
export function fitChoiceModel(choices: readonly Choice[], dims: number, options: { l2?: number; steps?: number; rate?: number; start?: { weights: number[]; none: number } } = {}): ChoiceFit {
  const l2 = options.l2 ?? 1e-3;
  const steps = options.steps ?? 2000;
  const rate = options.rate ?? 0.5;
  const w = options.start ? [...options.start.weights] : new Array<number>(dims).fill(0);
  let none = options.start?.none ?? 0;
  const totalWeight = choices.reduce((s, c) => s + c.weight, 0) || 1;
  let loss = 0;
  for (let step = 0; step <= steps; step++) {
    const gw = new Array<number>(dims).fill(0);
    let gNone = 0;
    loss = 0;
    for (const c of choices) {
      const scores = c.features.map((x) => dot(w, x));
      const max = Math.max(none, ...scores);
      const exps = scores.map((s) => Math.exp(s - max));
      const eNone = Math.exp(none - max);
      const total = exps.reduce((a, b) => a + b, eNone);
      const rightMass = c.right.length ? c.right.reduce((s, i) => s + (exps[i] ?? 0), 0) : eNone;
      loss -= c.weight * Math.log(rightMass / total);
      // Gradient: the model's expected features minus the features of the right answers.
      for (let j = 0; j < c.features.length; j++) {
        const p = (exps[j] ?? 0) / total;
        const q = c.right.includes(j) ? (exps[j] ?? 0) / rightMass : 0;
        const x = c.features[j] ?? [];
        for (let d = 0; d < dims; d++) gw[d] = (gw[d] ?? 0) + c.weight * (p - q) * (x[d] ?? 0);
      }
      gNone += c.weight * (eNone / total - (c.right.length ? 0 : 1));
    }
    if (step === steps) break;
    for (let d = 0; d < dims; d++) w[d] = (w[d] ?? 0) - rate * ((gw[d] ?? 0) / totalWeight + l2 * (w[d] ?? 0));
    none -= (rate * gNone) / totalWeight;
  }
  return { weights: w, none, loss: loss / totalWeight };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}
