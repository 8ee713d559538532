/**
 * Logistic regression by batch gradient descent with an L2 penalty: deterministic (no random start, fixed
 * steps), small enough to read, and enough for a dozen signals.
 */
export interface LogisticFit {
  bias: number;
  weights: number[];
  /** Mean log loss on the training data. */
  loss: number;
}

/** Fits weights so that sigmoid(bias + w·x) predicts the labels. */
export function fitLogistic(xs: readonly number[][], ys: readonly number[], options: { l2?: number; steps?: number; rate?: number } = {}): LogisticFit {
  const l2 = options.l2 ?? 1e-3;
  const steps = options.steps ?? 3000;
  const rate = options.rate ?? 1;
  const dims = xs[0]?.length ?? 0;
  const w = new Array<number>(dims).fill(0);
  let b = 0;
  const n = xs.length || 1;
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(dims).fill(0);
    let gb = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] ?? [];
      const err = sigmoid(b + dot(w, x)) - (ys[i] ?? 0);
      gb += err;
      for (let d = 0; d < dims; d++) gw[d] = (gw[d] ?? 0) + err * (x[d] ?? 0);
    }
    b -= (rate * gb) / n;
    for (let d = 0; d < dims; d++) w[d] = (w[d] ?? 0) - rate * ((gw[d] ?? 0) / n + l2 * (w[d] ?? 0));
  }
  let loss = 0;
  for (let i = 0; i < xs.length; i++) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(b + dot(w, xs[i] ?? []))));
    loss -= (ys[i] ?? 0) * Math.log(p) + (1 - (ys[i] ?? 0)) * Math.log(1 - p);
  }
  return { bias: b, weights: w, loss: loss / n };
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
