import { beforeEach, describe, expect, it } from 'vitest';
import { FactBase } from '../../src/core/facts/fact-base.js';
import { checkFaithfulness } from '../../src/core/sources/faithfulness.js';
import { splitSource, type SplitSource } from '../../src/core/sources/paragraphs.js';
import { loadFactBaseData } from '../../src/infra/data-files.js';
import { SOURCES_DIR, readSourceText } from '../../src/infra/source-texts.js';

const base = new FactBase(loadFactBaseData());
const splits = new Map<string, SplitSource>();
for (const doc of base.documents) {
  const text = readSourceText(doc);
  if (text !== undefined) splits.set(doc.id, splitSource(doc, text));
}
const present = splits.size === base.documents.length;
/** Each test here skips, counted as skipped and named with this reason, when the source texts are not there. */
const missing = `source documents not found in ${SOURCES_DIR} (clone them there, or set SOURCES_DIR)`;

describe('faithfulness to the source', () => {
  beforeEach(({ skip }) => skip(!present, missing));

  it('finds every declared section with the declared number of paragraphs', () => {
    for (const doc of base.documents) {
      const split = splits.get(doc.id);
      for (const s of doc.sections) expect(split?.sections.get(s.id)?.length, `${doc.id}/${s.id}`).toBe(s.paragraphs);
    }
  });

  it('states no number or proper name that its paragraphs do not contain or declare (English against the source; Russian and Kazakh against the English answer and the declared names)', () => {
    expect(checkFaithfulness(base, splits)).toEqual([]);
  });

  it('copies no sentence of the source: no answer shares ten words in a row with it', () => {
    // Official names (a treaty, an organisation) are facts, not prose: they stand as one token on both sides.
    const names = base.entities
      .flatMap((e) => [e.name.en, ...e.aliases])
      .filter((n) => n.split(/\s+/).length > 2)
      .map((n) => n.toLowerCase())
      .sort((a, b) => b.length - a.length);
    const words = (s: string) => {
      let t = s.toLowerCase();
      for (const n of names) t = t.split(n).join(' name ');
      return t.match(/[\p{L}\p{N}]+/gu) ?? [];
    };
    const shingles = new Set<string>();
    for (const split of splits.values())
      for (const paras of split.sections.values())
        for (const p of paras) {
          const w = words(p);
          for (let i = 0; i + 10 <= w.length; i++) shingles.add(w.slice(i, i + 10).join(' '));
        }
    const copied: string[] = [];
    for (const f of base.facts) {
      const w = words(f.answer.en);
      for (let i = 0; i + 10 <= w.length; i++) if (shingles.has(w.slice(i, i + 10).join(' '))) copied.push(`${f.id}: ${w.slice(i, i + 10).join(' ')}`);
    }
    expect(copied).toEqual([]);
  });
});
