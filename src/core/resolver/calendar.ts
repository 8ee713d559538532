import type { FactBase } from '../facts/fact-base.js';
import type { Fact, Lang } from '../facts/schema.js';
import type { I18n } from '../i18n/i18n.js';
import { formatCalendarDate, formatFactDate, parseDateValue } from '../text/dates.js';
import { dateMatches, type DateQuery } from './date-query.js';

/** The events of the asked dates, one line per event, as many as fit the reply. */
export interface CalendarListing {
  /** The reply text (intro and lines), or the "nothing dated" sentence when `facts` is empty. */
  text: string;
  /** The facts shown, in date order. */
  shown: Fact[];
  /** Dated facts of those dates that did not fit. */
  more: Fact[];
}

/**
 * "What happened on …": the facts dated within the asked dates (day and month precision only: a vague or
 * seasonal date is not an event of a day), one line per event (facts of one event are one line), in date
 * order, within a character budget.
 */
export function calendarListing(base: FactBase, i18n: I18n, dates: DateQuery[], lang: Lang, budget: number): CalendarListing {
  const facts = base.facts
    .filter((f) => f.date && !f.topics.includes('article') && dates.some((d) => preciseEnough(f, d) && dateMatches(f.date?.value ?? '', d)))
    .sort((a, b) => (a.date?.value ?? '').localeCompare(b.date?.value ?? '') || kindOrder(a) - kindOrder(b));
  const when = dates.map((d) => formatCalendarDate(d, lang)).join(', ');
  if (facts.length === 0) return { text: i18n.t(lang, 'calendar-none', { when }), shown: [], more: [] };
  const intro = i18n.t(lang, 'calendar-intro', { when });
  const lines: string[] = [];
  const shown: Fact[] = [];
  for (const f of facts) {
    // One line per event: the referendum and the changes it made are one line; an event's own facts
    // (the talks in Moscow, the visit to Kazan) are lines of their own.
    if (f.kind !== 'event' && f.event && shown.some((s) => s.event === f.event && s.date?.value === f.date?.value)) continue;
    const title = f.kind !== 'event' && f.event ? (base.entity(f.event)?.name[lang] ?? f.title[lang]) : f.title[lang];
    const line = `• ${formatFactDate(f.date!, lang)}: ${withoutDate(title, f, lang)}`;
    if (intro.length + lines.join('\n').length + line.length + 2 > budget) break;
    lines.push(line);
    shown.push(f);
  }
  return { text: `${intro}\n${lines.join('\n')}`, shown, more: facts.filter((f) => !shown.includes(f) && !shown.some((s) => s.event && s.event === f.event)) };
}

/**
 * Whether a fact's date is as precise as the asked one: a day asks for facts of that day, a month for facts
 * of that month (a vague "some day in March 2023" included), a year for anything in it.
 */
function preciseEnough(f: Fact, d: DateQuery): boolean {
  const p = f.date?.precision;
  if (d.day !== undefined) return p === 'day';
  if (d.month !== undefined) return p === 'day' || p === 'month' || (p === 'vague' && (f.date?.value.length ?? 0) >= 7);
  return true;
}

/**
 * A title without the date the line already gives: in brackets ("(June 5, 2022)"), or written in ("of March
 * 16, 2022", "16 марта 2022 года", "2022 жылғы 16 наурыздағы").
 */
function withoutDate(title: string, f: Fact, lang: Lang): string {
  let out = title.replace(/\s*\([^)]*\d{4}[^)]*\)\s*$/u, '');
  const { year, month, day } = parseDateValue(f.date?.value ?? '');
  if (month && day) {
    const forms = [formatCalendarDate({ year, month, day }, lang), formatCalendarDate({ month, day }, lang)];
    for (const form of forms) out = out.replace(new RegExp(`\\s*(?:of |on )?${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:да|де|дағы|дегі)?`, 'u'), '');
  }
  return out.trim().replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** Events before statements when several facts share a date. */
function kindOrder(f: Fact): number {
  return f.kind === 'event' ? 0 : 1;
}
