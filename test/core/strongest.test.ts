/**
 * The resolver keeps the 40 facts that explain a question best: picked by selection, it must keep exactly
 * those, in exactly the order, that a stable sort by strength cut to 40 would, ties included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kthLargest, strongest } from '../../src/core/resolver/strongest.js';

/** What the resolver did before: a stable sort of every item, strongest first, cut to `n`. */
const bySorting = <T>(items: readonly T[], strength: (item: T) => number, n: number) =>
  items.length <= n ? items : [...items].sort((a, b) => strength(b) - strength(a)).slice(0, n);

// Strengths from a handful of values as often as from many, so that the n-th place is often shared.
const strengths = fc.oneof(fc.array(fc.integer({ min: 0, max: 4 }).map((i) => i / 4), { maxLength: 200 }), fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { maxLength: 200 }));

describe('strongest', () => {
  it('keeps what a stable sort cut to n keeps, in its order, ties included', () => {
    fc.assert(
      fc.property(strengths, fc.integer({ min: 1, max: 60 }), (values, n) => {
        const items = values.map((s, id) => ({ id, s }));
        const strength = (x: { s: number }) => x.s;
        expect(strongest(items, strength, n).map((x) => x.id)).toEqual(bySorting(items, strength, n).map((x) => x.id));
      }),
      { numRuns: 2_000 },
    );
  });

  it('returns the items themselves when there are no more than n', () => {
    const items = [{ s: 0.1 }, { s: 0.9 }];
    expect(strongest(items, (x) => x.s, 2)).toBe(items);
  });
});

describe('kthLargest', () => {
  it('finds the k-th largest value, as sorting would', () => {
    fc.assert(
      fc.property(strengths.filter((v) => v.length > 0), fc.nat(), (values, at) => {
        const k = 1 + (at % values.length);
        expect(kthLargest(Float64Array.from(values), k)).toBe(Float64Array.from(values).sort()[values.length - k]);
      }),
      { numRuns: 2_000 },
    );
  });
});
