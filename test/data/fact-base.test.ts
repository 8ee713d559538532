import { describe, expect, it } from 'vitest';
import { LANGS, placesOf } from '../../src/core/facts/schema.js';
import { crossCheck } from '../../src/core/facts/validate.js';
import { loadFactBaseData } from '../../src/infra/data-files.js';

const data = loadFactBaseData();

describe('the fact base', () => {
  it('loads and passes every cross-file check', () => {
    expect(crossCheck(data)).toEqual([]);
    expect(data.facts.length).toBeGreaterThan(100);
  });

  it('has unique fact ids', () => {
    const ids = data.facts.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has every language present and non-empty in every fact', () => {
    for (const f of data.facts)
      for (const lang of LANGS) {
        expect(f.title[lang].trim(), `${f.id} title.${lang}`).not.toBe('');
        expect(f.answer[lang].trim(), `${f.id} answer.${lang}`).not.toBe('');
        expect(f.short[lang].trim(), `${f.id} short.${lang}`).not.toBe('');
        expect(f.questions[lang].length, `${f.id} questions.${lang}`).toBeGreaterThan(0);
      }
  });

  it('writes Kazakh with Kazakh letters and Russian without them', () => {
    const kazakhLetters = /[әғқңөұүһі]/i;
    const kk = data.facts.filter((f) => kazakhLetters.test(f.answer.kk)).length;
    expect(kk / data.facts.length).toBeGreaterThan(0.95);
    for (const f of data.facts) expect(f.answer.ru, `${f.id} answer.ru`).not.toMatch(kazakhLetters);
  });

  it('keeps every related id, entity, topic and locator valid', () => {
    const ids = new Set(data.facts.map((f) => f.id));
    const sections = new Map(data.documents.flatMap((d) => d.sections.map((s) => [`${d.id}/${s.id}`, s.paragraphs])));
    for (const f of data.facts) {
      for (const r of f.related) expect(ids.has(r), `${f.id} related ${r}`).toBe(true);
      for (const p of placesOf(f.source)) {
        const count = sections.get(`${f.source.doc}/${p.section}`);
        expect(count, `${f.id} section ${p.section}`).toBeDefined();
        expect(p.paragraph, `${f.id} paragraph`).toBeLessThanOrEqual(count ?? 0);
      }
    }
  });

  it('names every topic and entity in all languages', () => {
    for (const t of data.topics) for (const lang of LANGS) expect(t.name[lang]).not.toBe('');
    for (const e of data.entities) for (const lang of LANGS) expect(e.name[lang]).not.toBe('');
  });

  it('keeps answers short enough for a chat reply', () => {
    for (const f of data.facts) for (const lang of LANGS) expect(f.answer[lang].length, `${f.id} ${lang}`).toBeLessThanOrEqual(450);
  });
});
