import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchIndex, type IndexSnapshot } from '../../src/core/resolver/search-index.js';
import { createResolver, loadSearchIndex } from '../../src/infra/search-index-artefact.js';
import { readEvalSet } from '../../src/eval/eval-set.js';
import { resolverOver, sharedFacts } from '../support/shared-facts.js';

const { base } = sharedFacts();
const questions = readEvalSet(join(import.meta.dirname, '..', 'eval', 'questions.jsonl')).map((i) => i.q);

describe('the search index artefact', () => {
  it('restores an index that answers exactly as the built one', () => {
    // Built here from the data: the shared resolver's index is itself restored from the artefact.
    const builtIndex = new SearchIndex(base);
    const built = resolverOver(builtIndex);
    const restored = resolverOver(new SearchIndex(base, JSON.parse(JSON.stringify(builtIndex.snapshot())) as IndexSnapshot));
    for (const q of questions) {
      const a = built.resolve(q);
      const b = restored.resolve(q);
      expect(b.status, q).toBe(a.status);
      expect(b.answer, q).toBe(a.answer);
      expect(b.confidence, q).toBe(a.confidence);
    }
  });

  it('is written when missing, used when it matches, and rebuilt when it does not', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search-index.json');
    loadSearchIndex(base, { path });
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { fingerprint: string; snapshot: { postings: unknown[] } };
    expect(saved.snapshot.postings.length).toBeGreaterThan(100);
    // A doctored artefact with the right fingerprint is used as it is: so an empty one proves it was read…
    writeFileSync(path, JSON.stringify({ fingerprint: saved.fingerprint, snapshot: { ...saved.snapshot, postings: [] } }));
    expect(loadSearchIndex(base, { path }).postingLists.size).toBe(0);
    // …and with another fingerprint (other data or code) it is rebuilt, never used.
    writeFileSync(path, JSON.stringify({ fingerprint: 'stale', snapshot: { ...saved.snapshot, postings: [] } }));
    expect(loadSearchIndex(base, { path }).postingLists.size).toBeGreaterThan(100);
    expect((JSON.parse(readFileSync(path, 'utf8')) as { fingerprint: string }).fingerprint).toBe(saved.fingerprint);
  });

  it('carries the checks of the questions the bot offers, so a start offers the same questions without making them again', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'index-')), 'search-index.json');
    const first = createResolver(base, undefined, { path });
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { fingerprint: string; snapshot: unknown; answeredWell: string[] };
    expect(saved.answeredWell.length).toBeGreaterThan(1000);
    const second = createResolver(base, undefined, { path });
    for (const q of questions.slice(0, 40)) expect(second.resolve(q).suggestions, q).toEqual(first.resolve(q).suggestions);
    // The checks are read, not made again: with none listed as answering well, nothing is offered.
    writeFileSync(path, JSON.stringify({ ...saved, answeredWell: [] }));
    const doctored = createResolver(base, undefined, { path });
    expect(doctored.resolve('What is the price of bread?').suggestions).toEqual([]);
  });
});
