/**
 * `questions:apply` on a copy of data/: a good patch is written (formatted as before) and the data still loads;
 * a patch that would break validation, or is unfinished, is refused and nothing changes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Addition, DataPatch } from '../../src/core/questions/data-patch.js';
import { DATA_DIR, loadFactBaseData } from '../../src/infra/data-files.js';
import { applyPatchToData, PatchRefused, readPatch } from '../../src/infra/data-patch-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'data-'));
  cpSync(DATA_DIR, dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const patch = (...additions: Addition[]): DataPatch => ({ kind: 'question-log-review', version: 1, created: '2024-06-30T12:00:00.000Z', additions });
const about = { en: 'how many polling stations were open', ru: 'сколько было открыто избирательных участков', kk: 'қанша сайлау учаскесі ашық болғаны' };

/** Every data file's text, to show that a refusal changed nothing. */
function snapshot(): string {
  return ['entities.json', ...['nationwide-council', 'sanction-swing', 'mass-unrest'].map((f) => `facts/${f}.json`)].map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

function refusal(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof PatchRefused) return error.problems;
    throw error;
  }
  throw new Error('the patch was applied');
}

describe('questions:apply', () => {
  it('adds questions, gaps and gap keywords, keeps the files formatted, and the data loads', () => {
    const before = readFileSync(join(dir, 'facts/nationwide-council.json'), 'utf8');
    const result = applyPatchToData(
      patch(
        { type: 'question', fact: 'referendum-june-5', lang: 'en', question: 'when was the referendum?' },
        { type: 'gap', fact: 'referendum-june-5', gap: { about, keywords: ['stations'], types: [] } },
        { type: 'gap-keywords', entity: 'tokayev', index: 0, keywords: ['birthday', 'born'] },
      ),
      dir,
    );
    expect(result.changed).toEqual(['entities.json', 'facts/nationwide-council.json']);
    expect(result.added).toEqual([{ question: 'when was the referendum?', fact: 'referendum-june-5', now: expect.objectContaining({ factIds: ['referendum-june-5'] }) as unknown }]);
    const data = loadFactBaseData(dir);
    const fact = data.facts.find((f) => f.id === 'referendum-june-5');
    expect(fact?.questions.en.at(-1)).toBe('when was the referendum?');
    expect(fact?.gaps?.at(-1)).toEqual({ about, keywords: ['stations'], types: [] });
    // A keyword already there is not repeated.
    expect(data.entities.find((e) => e.id === 'tokayev')?.gaps?.[0]?.keywords.filter((k) => k === 'born')).toHaveLength(1);
    // Only the additions differ: the rest of the file is as it was, to the byte.
    const after = readFileSync(join(dir, 'facts/nationwide-council.json'), 'utf8');
    const beforeLines = new Set(before.split('\n'));
    const added = after.split('\n').filter((l) => !beforeLines.has(l));
    expect(added.join('\n')).toMatch(/when was the referendum\?[\s\S]*polling stations/);
    expect(after.length - before.length).toBeLessThan(800);
  });

  it('refuses a patch that breaks the schemas (a gap without Kazakh), and writes nothing', () => {
    const file = join(dir, 'patch.json');
    writeFileSync(file, JSON.stringify(patch({ type: 'gap', fact: 'referendum-june-5', gap: { about: { en: 'x', ru: 'y' }, keywords: [], types: [] } } as unknown as Addition)));
    const before = snapshot();
    expect(refusal(() => readPatch(file)).join('\n')).toMatch(/additions\.0\.gap\.about\.kk/);
    expect(snapshot()).toBe(before);
  });

  it('refuses unknown ids, repeated questions, unwritten TODOs and masked parts, naming each', () => {
    const before = snapshot();
    const problems = refusal(() =>
      applyPatchToData(
        patch(
          { type: 'question', fact: 'no-such-fact', lang: 'en', question: 'What is this?' },
          { type: 'question', fact: 'kobrinsky-who', lang: 'en', question: 'when was the constitutional referendum HELD' },
          { type: 'gap', entity: 'tokayev', gap: { about: { ...about, kk: 'TODO: write it' }, keywords: ['wife'], types: [] } },
          { type: 'question', fact: 'kobrinsky-who', lang: 'en', question: 'Who is Kobrinsky? mail [email]' },
          { type: 'gap-keywords', fact: 'referendum-june-5', index: 7, keywords: ['stations'] },
        ),
        dir,
      ),
    );
    expect(problems).toEqual([
      'addition 1 (question for fact "no-such-fact"): no such fact',
      'addition 2 (question for fact "kobrinsky-who"): "when was the constitutional referendum HELD" is already a question of fact "referendum-june-5"',
      'addition 3 (gap of entity "tokayev"): "TODO: write it" still needs writing (a TODO or a masked part)',
      'addition 4 (question for fact "kobrinsky-who"): "Who is Kobrinsky? mail [email]" still needs writing (a TODO or a masked part)',
      'addition 5 (gap-keywords of fact "referendum-june-5"): it has no gap number 7',
    ]);
    expect(snapshot()).toBe(before);
  });

  it('refuses when the data would not load after the patch (the same checks as the bot), and writes nothing', () => {
    // A maintainer's unfinished edit elsewhere: a fact naming a topic that does not exist.
    const path = join(dir, 'facts/mass-unrest.json');
    const broken = JSON.parse(readFileSync(path, 'utf8')) as { facts: { topics: string[] }[] };
    broken.facts[0]!.topics = ['no-such-topic'];
    writeFileSync(path, `${JSON.stringify(broken, null, 2)}\n`);
    const before = snapshot();
    const problems = refusal(() => applyPatchToData(patch({ type: 'question', fact: 'referendum-june-5', lang: 'en', question: 'when was the referendum?' }), dir));
    expect(problems.join('\n')).toMatch(/unknown topic "no-such-topic"/);
    expect(snapshot()).toBe(before);
  });
});
