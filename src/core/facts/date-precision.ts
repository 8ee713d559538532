import type { Fact } from './schema.js';

const ORDER = { day: 4, month: 3, season: 2, year: 1, vague: 0 } as const;

/**
 * How precisely a fact is dated, for choosing between facts that tell one thing: a fact that says the day (4)
 * beats one that says the month, the season, the year or only "last year" (0); an undated fact is -1.
 */
export function datePrecision(fact: Fact | undefined): number {
  return fact?.date ? ORDER[fact.date.precision] : -1;
}
