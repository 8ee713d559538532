/**
 * What happened on a day of the year, one entry per event. Only facts the source dates to the day count: a
 * month, a season, a year, "after X", "by X", "shortly before X" (all vague or coarser) never do, and neither
 * does the article's own date (facts of the topic `article` are about the article, not about the reforms).
 */
import type { FactBase } from '../facts/fact-base.js';
import type { Fact } from '../facts/schema.js';
import { ARTICLE_TOPIC } from './yes-no-questions.js';

/** One event on one date, told once: a lead fact, then the rest of its facts as a short list. */
export interface EventOnDay {
  /** The event entity (a speech, a vote, a meeting), when the facts name one. */
  eventId?: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The fact whose first sentence tells the event. */
  lead: Fact;
  /** The event's other facts of that date, in data order, without those the lead or a list fact already tells. */
  more: Fact[];
  /** Every fact of the event on that date (lead first). */
  facts: Fact[];
}

/** Whether a fact happened on the day its date names (and so may be posted "on this day"). */
export function happenedOnTheDay(fact: Fact): boolean {
  return fact.date?.precision === 'day' && fact.date.value.length === 10 && !fact.date.inferred && !fact.topics.includes(ARTICLE_TOPIC);
}

/** Facts that happened on a day, by month and day, and how they group into events. */
export class OnThisDay {
  private readonly byMonthDay = new Map<string, Fact[]>();

  constructor(base: FactBase) {
    for (const f of base.facts) {
      if (!happenedOnTheDay(f)) continue;
      const key = f.date!.value.slice(5);
      this.byMonthDay.set(key, [...(this.byMonthDay.get(key) ?? []), f]);
    }
  }

  /** Facts that happened on the month and day of `date` (`YYYY-MM-DD` or `MM-DD`), in data order. */
  factsOn(date: string): Fact[] {
    return this.byMonthDay.get(date.slice(-5)) ?? [];
  }
}

/**
 * Groups facts into events: facts of one event (or, without one, the fact alone) on one date, oldest first.
 * The lead is the event's own account (an `event` fact that is nobody's statement) when there is one.
 */
export function eventsOf(facts: readonly Fact[]): EventOnDay[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = `${f.date?.value ?? ''}|${f.event ?? f.id}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const out: EventOnDay[] = [];
  for (const group of groups.values()) {
    const lead = group.find((f) => f.kind === 'event' && !f.speaker) ?? group.find((f) => f.kind === 'event') ?? group[0]!;
    // A list fact that names its parts tells them: they are not listed again. Another account of the happening
    // itself (an `event` fact: "Nazarbayev went along", "Kosherbayev recalled the address") retells the lead.
    const told = new Set(group.flatMap((f) => (f.value?.type === 'list' ? (f.value.parts ?? []) : [])));
    const more = group.filter((f) => f !== lead && !told.has(f.id) && !(lead.kind === 'event' && f.kind === 'event'));
    out.push({ ...(lead.event ? { eventId: lead.event } : {}), date: lead.date?.value ?? '', lead, more, facts: [lead, ...group.filter((f) => f !== lead)] });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
