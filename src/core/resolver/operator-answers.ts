import type { FactBase } from '../facts/fact-base.js';
import type { Fact, Lang } from '../facts/schema.js';
import type { I18n, MessageId } from '../i18n/i18n.js';
import { formatCalendarDate, formatFactDate, parseDateValue } from '../text/dates.js';
import type { Operator } from './operators.js';
import type { QuestionAnalysis } from './question-analysis.js';
import type { Candidate } from './signals.js';
import type { ResolvedAnswer } from './types.js';

/** What an operator needs from the resolver. */
export interface OperatorDeps {
  base: FactBase;
  i18n: I18n;
  /** The best dated fact an argument names, read with the rest of the question as context. */
  find(arg: string, context: string, lang: Lang, other: string): Candidate | undefined;
  reply(status: 'answered' | 'unsure', facts: Fact[], text: string, lang: Lang, confidence: number): ResolvedAnswer;
}

/** A point in time as precisely as the source gives it. */
interface When {
  fact: Fact;
  year: number;
  month?: number;
  day?: number;
}

/**
 * Answers a comparison or a duration from the typed dates of the two facts its arguments name. Returns
 * undefined when an argument names no dated fact, or the dates cannot tell (two facts of the same month
 * whose order the source does not give): the resolver then treats the question as an ordinary one.
 */
export function applyOperator(op: Operator, q: QuestionAnalysis, lang: Lang, deps: OperatorDeps): ResolvedAnswer | undefined {
  const found = op.args.map((arg, i) => deps.find(arg, op.context, q.lang, op.args[1 - i] ?? ''));
  const [a, b] = found;
  if (!a || !b || a.fact.id === b.fact.id) return undefined;
  const wa = whenOf(a.fact);
  const wb = whenOf(b.fact);
  if (!wa || !wb) return undefined;
  const confidence = Math.min(a.probability, b.probability);
  const status = confidence >= 0.5 ? 'answered' : 'unsure';
  if (op.kind === 'compare') {
    const order = compareWhen(wa, wb, deps.base);
    if (order === 0) return undefined;
    const [earlier, later] = order < 0 ? [wa, wb] : [wb, wa];
    const [first, second] = op.want === 'earlier' ? [earlier, later] : [later, earlier];
    const sameEvent = first.fact.event !== undefined && first.fact.event === second.fact.event;
    const text = deps.i18n.t(lang, op.want === 'earlier' ? 'compare-earlier' : 'compare-later', {
      first: labelOf(first.fact, lang, deps.base, sameEvent),
      second: labelOf(second.fact, lang, deps.base, sameEvent),
    });
    return deps.reply(status, [first.fact, second.fact], capitalizeFirst(text), lang, confidence);
  }
  const amount = durationText(wa, wb, op.unit, lang, deps.i18n);
  if (!amount) return undefined;
  const [from, to] = compareWhen(wa, wb, deps.base) <= 0 ? [wa, wb] : [wb, wa];
  const sameEvent = from.fact.event !== undefined && from.fact.event === to.fact.event;
  const text = deps.i18n.t(lang, 'duration', { amount, from: labelOf(from.fact, lang, deps.base, sameEvent), to: labelOf(to.fact, lang, deps.base, sameEvent) });
  return deps.reply(status, [from.fact, to.fact], capitalizeFirst(text), lang, confidence);
}

function whenOf(fact: Fact): When | undefined {
  if (!fact.date) return undefined;
  const { year, month, day } = parseDateValue(fact.date.value);
  // A vague or seasonal date still orders by what it gives, but never says more.
  const precise = fact.date.precision === 'day' || fact.date.precision === 'month' || fact.date.precision === 'year';
  return { fact, year, month: precise || fact.date.precision === 'season' || fact.date.precision === 'vague' ? month : undefined, day: fact.date.precision === 'day' ? day : undefined };
}

/**
 * Orders two dates by what both give: −1 when the first is earlier, 1 when later, 0 when the source cannot
 * tell. Same-period events are ordered by the event sequence the source states (an event entity's
 * `follows`).
 */
function compareWhen(a: When, b: When, base: FactBase): number {
  const keys: [number | undefined, number | undefined][] = [
    [a.year, b.year],
    [a.month, b.month],
    [a.day, b.day],
  ];
  for (const [x, y] of keys) {
    if (x === undefined || y === undefined) break;
    if (x !== y) return x < y ? -1 : 1;
  }
  const ea = a.fact.event ? base.entity(a.fact.event) : undefined;
  const eb = b.fact.event ? base.entity(b.fact.event) : undefined;
  if (ea && eb && ea.follows === eb.id) return 1;
  if (ea && eb && eb.follows === ea.id) return -1;
  return 0;
}

/** How much time lies between two dates, at the precision both give, in the unit asked (or the natural one). */
function durationText(a: When, b: When, unit: 'days' | 'weeks' | 'months' | 'years' | undefined, lang: Lang, i18n: I18n): string | undefined {
  const t = (id: MessageId, n: number) => i18n.t(lang, id, { n });
  if (a.day !== undefined && b.day !== undefined && a.month !== undefined && b.month !== undefined) {
    const days = Math.abs(Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000;
    const months = days / 30.44;
    if (unit === 'days' || (!unit && days < 45)) return days >= 14 && !unit ? `${t('amount-days', days)} (${t('amount-about-weeks', Math.round(days / 7))})` : t('amount-days', days);
    if (unit === 'weeks') return t('amount-about-weeks', Math.round(days / 7));
    if (unit === 'years' || (!unit && days >= 330)) {
      const years = wholeYears(a, b);
      return days >= 330 && years === 0 ? t('amount-about-years', 1) : `${t('amount-years', years)} (${t('amount-days', days)})`;
    }
    return `${t('amount-days', days)} (${t('amount-about-months', Math.round(months))})`;
  }
  if (a.month !== undefined && b.month !== undefined) {
    const months = Math.abs((b.year - a.year) * 12 + (b.month - a.month));
    if (months === 0) return undefined;
    if (unit === 'years' || months >= 12) return t('amount-about-years', Math.round(months / 12));
    return t('amount-about-months', months);
  }
  // A year on one side: whole years only, and nothing when both fall in one year (the source cannot tell).
  const years = Math.abs(b.year - a.year);
  return years === 0 ? undefined : t('amount-years', years);
}

/** Whole years from the earlier date to the later one (an age: "30 years" until the 31st anniversary). */
function wholeYears(a: When, b: When): number {
  const [x, y] = Date.UTC(a.year, (a.month ?? 1) - 1, a.day ?? 1) <= Date.UTC(b.year, (b.month ?? 1) - 1, b.day ?? 1) ? [a, b] : [b, a];
  let years = y.year - x.year;
  if ((y.month ?? 1) < (x.month ?? 1) || ((y.month ?? 1) === (x.month ?? 1) && (y.day ?? 1) < (x.day ?? 1))) years -= 1;
  return years;
}

/**
 * A fact as the thing that happened, with its date: the name of its event (or, to tell two facts of one
 * event apart, its own title), followed by the date in brackets unless the name already says it.
 */
function labelOf(fact: Fact, lang: Lang, base: FactBase, ownTitle: boolean): string {
  const eventName = !ownTitle && fact.event ? base.entity(fact.event)?.name[lang] : undefined;
  const name = (eventName ?? fact.title[lang]).replace(/\s*\([^)]*\)\s*$/u, '');
  const date = formatFactDate(fact.date!, lang);
  const { month, day } = parseDateValue(fact.date!.value);
  const dayMonth = month && day ? formatCalendarDate({ month, day }, lang) : undefined;
  const says = name.includes(date) || (dayMonth !== undefined && name.includes(dayMonth)) || (fact.date!.precision !== 'day' && name.includes(fact.date!.value.slice(0, 4)));
  return midSentence(says ? name : `${name} (${date})`, base);
}

/**
 * A label as it reads inside a sentence: a common noun loses its capital ("Внеочередное послание" →
 * "внеочередное послание"), a name keeps it ("Tokayev in Kazan").
 */
function midSentence(label: string, base: FactBase): string {
  const first = label.split(/[\s–-]/u)[0] ?? '';
  if (!/^\p{Lu}\p{Ll}/u.test(first)) return label;
  const isName = base.entities.some((e) => [e.name.en, e.name.ru, e.name.kk, ...e.aliases].some((n) => n.split(/\s+/u).some((w) => w === first || first.startsWith(w.slice(0, Math.max(4, w.length - 2))))));
  return isName ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function capitalizeFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
