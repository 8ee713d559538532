/**
 * The real fact base and the resolver over it, loaded once per test worker however many cores the tests create
 * (vitest.config.ts keeps modules across test files). The resolver comes from the index artefact
 * (var/search-index.json, which the tests' global setup brings up to date before any worker starts), as the bot
 * starts: its index restored in about 40 ms and the checks of the questions it offers read, instead of each
 * worker building the one and making the other again. For tests that only read them; a test about other data
 * builds its own. The artefact is rebuilt whenever data/, the code that reads it or the packages that read words
 * change (its fingerprint), and test/infra/search-index-artefact.test.ts shows that a restored index answers as
 * a built one.
 */
import type { FactBase } from '../../src/core/facts/fact-base.js';
import { Resolver } from '../../src/core/resolver/resolver.js';
import type { SearchIndex } from '../../src/core/resolver/search-index.js';
import { loadFactBase } from '../../src/infra/data-files.js';
import { createResolver } from '../../src/infra/search-index-artefact.js';

let base: FactBase | undefined;
let resolver: Resolver | undefined;

/** The fact base in data/, loaded on first use. */
export function sharedBase(): FactBase {
  return (base ??= loadFactBase());
}

/** The fact base and its resolver, as createCoreServices takes them: `createCoreServices({ ...sharedFacts(), clock, … })`. */
export function sharedFacts(): { base: FactBase; resolver: Resolver } {
  resolver ??= createResolver(sharedBase());
  return { base: sharedBase(), resolver };
}

/**
 * Another resolver on the real fact base, over `index` (built or restored by the test), with a scratch of its
 * own and the shared resolver's checks of the questions it offers, rather than making them again: for tests of
 * the index or the scoring, not of the offers.
 */
export function resolverOver(index: SearchIndex): Resolver {
  const { base, resolver: shared } = sharedFacts();
  const r = new Resolver(base, undefined, undefined, index);
  r.suggestions.seed(shared.suggestions.checkAll());
  return r;
}
