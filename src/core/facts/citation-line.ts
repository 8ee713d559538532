import type { I18n } from '../i18n/i18n.js';
import { formatDateValue } from '../text/dates.js';
import type { FactBase } from './fact-base.js';
import type { Fact, Lang } from './schema.js';

/** Longest section heading a citation line shows whole; longer ones are cut at a word. */
const MAX_HEADING = 48;

/**
 * The one-line citation of a fact, in a language: document title, date, section (long headings
 * shortened) and paragraph. Used by answers, quiz reveals and daily posts alike.
 */
export function citationLine(base: FactBase, i18n: I18n, fact: Fact, lang: Lang): string {
  const c = base.citation(fact);
  const section = c.section.length > MAX_HEADING ? `${c.section.slice(0, MAX_HEADING - 3).replace(/\s+\S*$/, '')}…` : c.section;
  return i18n.t(lang, 'source-line', { title: c.title, date: formatDateValue(c.date, lang), section, paragraph: c.paragraph });
}
