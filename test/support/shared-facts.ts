/**
 * The real fact base and the resolver over it, loaded and built once however many cores the tests create
 * (building the search index takes about a tenth of a second each time): once per test worker, since
 * vitest.config.ts keeps modules across test files. For tests that only read them; a test about other data
 * builds its own.
 */
import type { FactBase } from '../../src/core/facts/fact-base.js';
import { Resolver } from '../../src/core/resolver/resolver.js';
import { loadFactBase } from '../../src/infra/data-files.js';

let base: FactBase | undefined;
let resolver: Resolver | undefined;

/** The fact base in data/, loaded on first use. */
export function sharedBase(): FactBase {
  return (base ??= loadFactBase());
}

/** The fact base and its resolver, as createCoreServices takes them: `createCoreServices({ ...sharedFacts(), clock, … })`. */
export function sharedFacts(): { base: FactBase; resolver: Resolver } {
  resolver ??= new Resolver(sharedBase());
  return { base: sharedBase(), resolver };
}
