import type { Lang } from '../facts/schema.js';
import { monthOf } from '../text/months.js';

/** A calendar date as precise as the question gives it. */
export interface DateQuery {
  year?: number;
  month?: number;
  day?: number;
}

const isYear = (w: string) => /^(19|20)\d\d$/.test(w);
const isDay = (w: string) => /^([1-9]|[12]\d|3[01])(st|nd|rd|th|го|-го|-ші|-шы)?$/.test(w);
const dayOf = (w: string) => Number.parseInt(w, 10);

/**
 * Finds the dates a normalised question mentions: `16 March 2022`, `March 16`, `10 and 11 February`,
 * `June 2022`, `2022-06-05`, `05.06.2022`, `в 2019 году`, `2022 жылғы 5 маусым`. A month name alone
 * ("may", "наурыз", "қазан") is not a date: it needs a day or a year beside it, since the same words name
 * a modal verb, a holiday and a city.
 */
export function findDates(normalized: string, lang: Lang = 'kk'): DateQuery[] {
  const out: DateQuery[] = [];
  let text = normalized;
  for (const m of text.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g))
    out.push({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/g))
    out.push({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) });
  text = text.replace(/\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}/g, ' ');

  const words = text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const used = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const month = monthOf(words[i] ?? '', lang);
    if (!month) continue;
    // Days before the month ("10 and 11 February", "5 June") or right after it ("March 16").
    const days: number[] = [];
    for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
      const w = words[j] ?? '';
      if (isDay(w)) {
        days.unshift(dayOf(w));
        used.add(j);
      } else if (!/^(and|и|мен|және|or|или|,|of|the)$/.test(w)) break;
    }
    if (days.length === 0 && isDay(words[i + 1] ?? '') && !isYear(words[i + 1] ?? '')) {
      days.push(dayOf(words[i + 1] ?? ''));
      used.add(i + 1);
    }
    // A year right after ("June 2022", "March 16 2022"), or before in Kazakh ("2022 жылғы 5 маусым").
    let year: number | undefined;
    for (const j of [i + 1, i + 2, i + 3, i - 1, i - 2, i - 3]) {
      const w = words[j] ?? '';
      if (isYear(w)) {
        year = Number(w);
        used.add(j);
        break;
      }
    }
    if (days.length === 0 && year === undefined) continue;
    used.add(i);
    if (days.length === 0) out.push({ year, month });
    for (const day of days) out.push(year === undefined ? { month, day } : { year, month, day });
  }
  for (let i = 0; i < words.length; i++)
    if (!used.has(i) && isYear(words[i] ?? '') && !/^(by|до|дейін|қарай)$/.test(words[i - 1] ?? ''))
      out.push({ year: Number(words[i]) });
  return out;
}

/** Whether a fact's ISO date value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) falls within a queried date. */
export function dateMatches(value: string, q: DateQuery): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (q.year !== undefined && y !== q.year) return false;
  if (q.month !== undefined && m !== q.month) return false;
  if (q.day !== undefined && d !== q.day) return false;
  return true;
}

/**
 * Phrases that ask what happened on the day it is now. A bare "today" or "сегодня" does not: "Что сегодня
 * известно о Конституционном суде?" asks about the court.
 */
export const ON_THIS_DAY =
  /on this day|this day in history|today in history|what happened today|what (?:happened|took place) on (?:this|today's) date|в этот день|сегодня в истории|что (?:было|произошло|случилось) сегодня|что сегодня (?:было|произошло|случилось)|бүгін не болды|бугин не болды|осы күні не|дәл бүгін/u;

/** Phrases that ask for the events of a date ("what happened", "which events"). */
export const WHAT_HAPPENED =
  /what happened|what took place|what was going on|which events?|what events?|what did \S+(?: \S+)? do (?:on|in|at)\b|что (?:произошло|случилось|было)|какие события|что делал|не болды|не болди|қандай оқиғалар|кандай окигалар|не істеді|не истеди/u;
