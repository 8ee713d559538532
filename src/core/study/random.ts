/** A source of random numbers in [0, 1), injected so that the core never calls Math.random itself. */
export interface RandomSource {
  next(): number;
}

/** A small seeded generator (mulberry32): the same seed gives the same sequence, so quizzes are reproducible. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return {
    next: () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** An integer in [0, n). */
export function randomInt(rng: RandomSource, n: number): number {
  return Math.min(n - 1, Math.floor(rng.next() * n));
}

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(rng: RandomSource, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A 31-bit seed drawn from a random source. */
export function newSeed(rng: RandomSource): number {
  return Math.floor(rng.next() * 0x7fffffff);
}
