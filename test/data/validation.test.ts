import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../src/infra/data-files.js';
import { problemsOf } from './problems.js';

/** A copy of the real data folder with one fact file replaced. */
function dataWith(mutate: (facts: Record<string, unknown>[]) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'facts-'));
  cpSync(DATA_DIR, dir, { recursive: true });
  const file = join(dir, 'facts', 'nationwide-council.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { facts: Record<string, unknown>[] };
  mutate(json.facts);
  writeFileSync(file, JSON.stringify(json));
  return dir;
}

describe('data validation', () => {
  it('names the file, the fact id and the field of a missing translation', () => {
    const dir = dataWith((facts) => {
      const f = facts[0] as { id: string; answer: Record<string, string> };
      f.answer.kk = '';
    });
    const first = (JSON.parse(readFileSync(join(DATA_DIR, 'facts', 'nationwide-council.json'), 'utf8')) as { facts: { id: string }[] }).facts[0]?.id;
    const message = problemsOf(dir);
    expect(message).toContain('data/facts/nationwide-council.json');
    expect(message).toContain(`fact "${first}"`);
    expect(message).toContain('answer.kk');
  });

  it('rejects a duplicate id and an unknown related id', () => {
    const dir = dataWith((facts) => {
      const [a, b] = facts as { id: string; related: string[] }[];
      if (a && b) {
        b.id = a.id;
        a.related = ['no-such-fact'];
      }
    });
    const message = problemsOf(dir);
    expect(message).toContain('duplicate id');
    expect(message).toContain('unknown fact id "no-such-fact"');
  });

  it('rejects a locator past the end of its section', () => {
    const dir = dataWith((facts) => {
      (facts[0] as { source: { paragraph: number } }).source.paragraph = 99;
    });
    expect(problemsOf(dir)).toMatch(/has \d+ paragraphs, not 99/);
  });

  it("rejects an entity's identity fact that does not name the entity", () => {
    const dir = dataWith(() => undefined);
    const file = join(dir, 'entities.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { entities: { id: string; identity?: string }[] };
    const kobrinsky = json.entities.find((e) => e.id === 'kobrinsky');
    if (kobrinsky) kobrinsky.identity = 'kosherbayev-ambassador';
    writeFileSync(file, JSON.stringify(json));
    expect(problemsOf(dir)).toContain('fact "kosherbayev-ambassador" does not name "kobrinsky"');
  });

  it('rejects a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'facts-'));
    cpSync(DATA_DIR, dir, { recursive: true });
    mkdirSync(join(dir, 'facts'), { recursive: true });
    writeFileSync(join(dir, 'facts', 'broken.json'), '{ not json');
    expect(problemsOf(dir)).toContain('broken.json: cannot read JSON');
  });
});
