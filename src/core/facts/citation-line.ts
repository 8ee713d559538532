import type { I18n } from '../i18n/i18n.js';
import { formatDateValue } from '../text/dates.js';
import type { FactBase } from './fact-base.js';
import { placesOf, type Fact, type Lang } from './schema.js';

/** Longest section heading a citation line shows whole; longer ones are cut at a word. */
const MAX_HEADING = 48;

/**
 * The one-line citation of a fact, in a language: document title, date, section (long headings
 * shortened) and paragraph. Used by answers, quiz reveals and daily posts alike.
 */
export function citationLine(base: FactBase, i18n: I18n, fact: Fact, lang: Lang): string {
  const c = base.citation(fact);
  const section = shorten(c.section);
  return i18n.t(lang, 'source-line', { title: c.title, date: formatDateValue(c.date, lang), section, paragraph: c.paragraph });
}

/**
 * One citation line for several facts (a daily post tells an event from several paragraphs): the document
 * once, then each section with its paragraphs ("section “Nationwide Council”, paragraphs 1, 2"). Facts of
 * several documents get a line each.
 */
export function citationLineOfMany(base: FactBase, i18n: I18n, facts: readonly Fact[], lang: Lang): string {
  if (facts.length === 1 && facts[0]) return citationLine(base, i18n, facts[0], lang);
  const lines: string[] = [];
  for (const docId of [...new Set(facts.map((f) => f.source.doc))]) {
    const doc = base.document(docId);
    const sections = new Map<string, Set<number>>();
    for (const f of facts.filter((x) => x.source.doc === docId)) {
      // The locator's own paragraph: what the fact is cited for (its `also` paragraphs support it).
      const main = placesOf(f.source)[0];
      if (main) sections.set(main.section, (sections.get(main.section) ?? new Set()).add(main.paragraph));
    }
    const places = [...sections].map(([id, paragraphs]) => {
      const heading = doc?.sections.find((s) => s.id === id)?.heading ?? id;
      const list = [...paragraphs].sort((a, b) => a - b);
      return i18n.t(lang, 'source-place', { section: shorten(heading), count: list.length, paragraphs: list.join(', ') });
    });
    lines.push(i18n.t(lang, 'source-lines', { title: doc?.title ?? docId, date: formatDateValue(doc?.date ?? '', lang), places: places.join('; ') }));
  }
  return lines.join('\n');
}

function shorten(heading: string): string {
  return heading.length > MAX_HEADING ? `${heading.slice(0, MAX_HEADING - 3).replace(/\s+\S*$/, '')}…` : heading;
}
