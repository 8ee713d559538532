/** Loading the quiz bank with the fact base: every problem names its file, item id and field. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR, loadFactBaseData } from '../../src/infra/data-files.js';
import { problemsOf } from '../data/problems.js';
import { moscowTalks, referendumDate } from './fixture-bank.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the data folder (facts, topics…) whose quiz bank is exactly `files`. */
function dataWithBank(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'quiz-bank-'));
  dirs.push(dir);
  cpSync(DATA_DIR, dir, { recursive: true });
  rmSync(join(dir, 'quiz'), { recursive: true, force: true });
  mkdirSync(join(dir, 'quiz'));
  for (const [name, json] of Object.entries(files)) writeFileSync(join(dir, 'quiz', name), typeof json === 'string' ? json : JSON.stringify(json));
  return dir;
}

describe('quiz bank loading', () => {
  it('loads valid items into the fact base data', () => {
    const data = loadFactBaseData(dataWithBank({ 'a.json': { items: [referendumDate] }, 'b.json': { items: [moscowTalks] } }));
    expect(data.quiz?.map((i) => i.id)).toEqual([referendumDate.id, moscowTalks.id]);
  });

  it('names the file, the item id and the field of a bad value', () => {
    const bad = structuredClone(referendumDate);
    bad.ru.distractors = ['16 марта 2022 года', '25 мая 2022 года'];
    (bad.kk as { question: string }).question = 'Қай күні дауыс берді';
    const message = problemsOf(dataWithBank({ 'mass-unrest.json': { items: [bad] } }));
    expect(message).toContain(`data/quiz/mass-unrest.json: item "${bad.id}", field ru.distractors: exactly three distractors`);
    expect(message).toContain(`item "${bad.id}", field kk.question: a question ends with "?"`);
  });

  it('rejects an unknown fact, an `also` fact, the article topic and a duplicate id', () => {
    const a = { ...structuredClone(referendumDate), fact: 'no-such-fact', also: ['nor-this'], topic: 'article' };
    const b = { ...structuredClone(moscowTalks), id: referendumDate.id, topic: 'no-such-topic' };
    const message = problemsOf(dataWithBank({ 'a.json': { items: [a] }, 'b.json': { items: [b] } }));
    expect(message).toContain(`data/quiz/a.json: item "${a.id}", field fact: unknown fact id "no-such-fact"`);
    expect(message).toContain('field also: unknown fact id "nor-this"');
    expect(message).toContain('field topic: topic "article" is not asked about');
    expect(message).toContain(`data/quiz/b.json: item "${b.id}", field id: duplicate id (also in data/quiz/a.json)`);
    expect(message).toContain('field topic: unknown topic "no-such-topic"');
  });

  it('names a file that is not JSON', () => {
    expect(problemsOf(dataWithBank({ 'broken.json': '{ "items": [' }))).toContain('data/quiz/broken.json: cannot read JSON');
  });
});
