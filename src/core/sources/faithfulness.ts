import type { FactBase } from '../facts/fact-base.js';
import { LANGS, placesOf, type Fact } from '../facts/schema.js';
import { parseDateValue } from '../text/dates.js';
import { foldKazakh } from '../text/kazakh-script.js';
import { monthName } from '../text/months.js';
import type { SplitSource } from './paragraphs.js';

/** A number or proper name in a fact's English answer that its source paragraphs do not contain. */
export interface Unsupported {
  factId: string;
  token: string;
  kind: 'number' | 'name';
}

/** Numbers in a text ("800", "70", "2022", "7" of "7-year"), without thousands separators. */
function numbersOf(text: string): string[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0].replace(/,(?=\d{3})/g, ''));
}

/** Capitalised words that do not open a sentence: the proper names of a text. */
function namesOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:)'"»”]\s+|\(|—\s|-)\p{Lu}[\p{L}'-]*/gu)) out.push(m[0].replace(/['’]s$/, ''));
  return out;
}

/**
 * Checks that every number and proper name in each fact's English answer appears in the paragraphs its
 * locator names, or is declared: a name of one of the fact's entities, a derived value, or part of its derived
 * date; and that the Russian and Kazakh answers state no number the English one lacks and no capitalised name
 * the fact base does not declare.
 */
export function checkFaithfulness(base: FactBase, splits: Map<string, SplitSource>): Unsupported[] {
  const out: Unsupported[] = [];
  for (const fact of base.facts) {
    const split = splits.get(fact.source.doc);
    if (!split) continue;
    const text = placesOf(fact.source)
      .map((p) => split.sections.get(p.section)?.[p.paragraph - 1] ?? '')
      .join('\n');
    const declared = declaredText(base, fact);
    const sourceNumbers = new Set(numbersOf(text).concat(numbersOf(declared)));
    for (const n of numbersOf(fact.answer.en)) if (!sourceNumbers.has(n)) out.push({ factId: fact.id, token: n, kind: 'number' });
    // The Russian and Kazakh answers say the same: no number the English one (checked against the source) lacks.
    const english = new Set(numbersOf(fact.answer.en).concat([...sourceNumbers]));
    for (const lang of ['ru', 'kk'] as const)
      for (const n of numbersOf(fact.answer[lang])) if (!english.has(n)) out.push({ factId: fact.id, token: `${lang}:${n}`, kind: 'number' });
    for (const lang of ['ru', 'kk'] as const)
      for (const name of namesOf(fact.answer[lang])) if (!knownName(base, name)) out.push({ factId: fact.id, token: `${lang}:${name}`, kind: 'name' });
    const haystack = `${text}\n${declared}`.toLowerCase();
    for (const name of namesOf(fact.answer.en)) {
      const stemLike = name.toLowerCase().replace(/(?:'s|s|es|ian|ians|i)$/u, '');
      if (!haystack.includes(name.toLowerCase()) && !haystack.includes(stemLike))
        out.push({ factId: fact.id, token: name, kind: 'name' });
    }
  }
  return out;
}

/**
 * Whether a capitalised Russian or Kazakh word is a name the fact base declares: it starts like a word of an
 * entity's name or alias in any language (case endings aside: "Токаева", "Тоқаевтың").
 */
function knownName(base: FactBase, word: string): boolean {
  const names = [
    ...base.documents.map((d) => d.title),
    ...base.entities.flatMap((e) => [e.name.en, e.name.ru, e.name.kk, ...e.aliases, ...LANGS.flatMap((l) => e.descriptors?.[l] ?? [])]),
  ].flatMap((n) => n.split(/[\s()«»"“”-]+/u).filter((w) => w.length >= 3).map((w) => foldKazakh(w)));
  // Each part of a hyphenated name ("Касым-Жомарта", "ТМД-ның") must start like a declared name's word.
  return word.split('-').every((part) => {
    const p = foldKazakh(part);
    const root = p.slice(0, Math.min(4, p.length));
    return p.length < 3 || names.some((n) => n.startsWith(root) || (p.length >= 5 && n.slice(0, 3) === p.slice(0, 3)));
  });
}

/** Everything a fact declares besides its paragraphs: entity names and aliases, derived values, its date. */
function declaredText(base: FactBase, fact: Fact): string {
  const parts: string[] = [];
  for (const id of fact.entities) {
    const e = base.entity(id);
    if (e) parts.push(e.name.en, ...e.aliases);
  }
  for (const d of fact.derived ?? []) parts.push(d.value);
  if (fact.date?.derived) {
    const { year, month, day } = parseDateValue(fact.date.value);
    parts.push(String(year), fact.date.derived);
    if (month) parts.push(monthName(month, 'en'));
    if (day) parts.push(String(day));
  }
  return parts.join('\n');
}
