/**
 * Picking the strongest few of many scored items without sorting them all (the resolver keeps the 40 facts
 * that explain a question best, of the hundred or more that share a word with it).
 */

/**
 * The `n` items of greatest `strength`, strongest first, ties in their order; all of them, in their order, when
 * there are no more than `n`. The same as a stable sort of every item cut to `n`, without sorting them all: a
 * common word makes most facts candidates, and this runs for every question.
 */
export function strongest<T>(items: readonly T[], strength: (item: T) => number, n: number): readonly T[] {
  if (items.length <= n) return items;
  const values = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) values[i] = strength(items[i]!);
  const threshold = kthLargest(values.slice(), n);
  let ties = n;
  for (const v of values) if (v > threshold) ties--;
  const chosen: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i]! > threshold || (values[i] === threshold && ties-- > 0)) chosen.push(i);
  return chosen.sort((a, b) => values[b]! - values[a]! || a - b).map((i) => items[i]!);
}

/** The k-th largest of `values` (k from 1), which it reorders: Hoare's selection, linear on average. */
export function kthLargest(values: Float64Array, k: number): number {
  const target = values.length - k;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target]!;
  }
  return values[target]!;
}
