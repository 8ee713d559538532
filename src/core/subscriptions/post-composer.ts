import { ACTION, type Button, type ChatReply } from '../chat/chat-service.js';
import type { FactBase } from '../facts/fact-base.js';
import type { Fact, Lang } from '../facts/schema.js';
import type { I18n } from '../i18n/i18n.js';
import { citationLine } from '../facts/citation-line.js';
import { formatCalendarDate, formatFactDate, parseDateValue } from '../text/dates.js';
import { addDays } from './local-time.js';
import type { RotationTrack } from './subscription-repository.js';

/** Button data prefix of daily posts ("d:a:<fact>" reveals the answer to the question of the day). */
export const DAILY_ACTION = { prefix: 'd:', answer: 'd:a:' } as const;

/**
 * What a day's post shows, stored with its delivery so that a re-send after a crash shows the same thing
 * (rendered again in the chat's language of the moment).
 */
export type PostPlan =
  /** Facts that happened on this month and day. */
  | { kind: 'events'; factIds: string[] }
  /** An anniversary a few days ahead (`date`: the local date it falls on), and a question of the day. */
  | { kind: 'upcoming'; date: string; factIds: string[]; questionId?: string }
  /** A fact of the day from the chat's rotation, and a question of the day. */
  | { kind: 'fact'; factId: string; questionId?: string };

/** What the composer knows of a chat's past posts. */
export interface PlanContext {
  /** Stable per chat: orders its rotations, so chats do not all see the same fact on the same day. */
  seed: string;
  /** The chat's newest posts, newest first (the first is yesterday's when there was one). */
  recent: PostPlan[];
  /** Facts already shown on each rotation track since its last reset. */
  shown: Record<RotationTrack, ReadonlySet<string>>;
}

/** A plan and the rotation entries it uses up. */
export interface PlannedPost {
  plan: PostPlan;
  shown: { track: RotationTrack; factId: string }[];
  resetTracks: RotationTrack[];
}

/** How many days ahead an anniversary is announced (not tomorrow: tomorrow's post is the anniversary itself). */
const UPCOMING_FROM = 2;
const UPCOMING_TO = 4;
/** Facts written out in an "on this day" post; the rest become buttons. */
const EVENTS_SHOWN = 3;

/**
 * Composes the daily "on this day" post. Only facts dated to the day count as "on this day"; a vague, season,
 * year or month date never does.
 */
export class PostComposer {
  private readonly byMonthDay = new Map<string, Fact[]>();
  private readonly idHashes: [string, number][];

  constructor(
    private readonly base: FactBase,
    private readonly i18n: I18n,
  ) {
    this.idHashes = base.facts.map((f) => [f.id, hash(f.id)]);
    for (const f of base.facts) {
      if (f.date?.precision !== 'day' || f.date.value.length !== 10) continue;
      const key = f.date.value.slice(5);
      const list = this.byMonthDay.get(key) ?? [];
      list.push(f);
      this.byMonthDay.set(key, list);
    }
  }

  /** Facts dated to the day whose month and day are those of `date` (`YYYY-MM-DD` or `MM-DD`), oldest first. */
  eventsOn(date: string): Fact[] {
    return [...(this.byMonthDay.get(date.slice(-5)) ?? [])].sort((a, b) => (a.date?.value ?? '').localeCompare(b.date?.value ?? ''));
  }

  /** Chooses what a chat's post for `localDate` shows; never something yesterday's post showed. */
  plan(localDate: string, ctx: PlanContext): PlannedPost {
    const previous = ctx.recent[0];
    const excluded = new Set(previous ? planFactIds(previous) : []);
    const events = this.eventsOn(localDate).filter((f) => !excluded.has(f.id));
    if (events.length > 0) return { plan: { kind: 'events', factIds: events.map((f) => f.id) }, shown: [], resetTracks: [] };

    // Tomorrow's anniversary is tomorrow's post: not today's fact or question.
    for (const f of this.eventsOn(addDays(localDate, 1))) excluded.add(f.id);
    const out: PlannedPost = { plan: { kind: 'fact', factId: '' }, shown: [], resetTracks: [] };

    let upcoming: { date: string; facts: Fact[] } | undefined;
    for (let days = UPCOMING_FROM; days <= UPCOMING_TO && !upcoming; days++) {
      const date = addDays(localDate, days);
      const facts = this.eventsOn(date).filter((f) => !excluded.has(f.id));
      const announced = ctx.recent.some((p) => p.kind === 'upcoming' && p.date.slice(5) === date.slice(5));
      if (facts.length > 0 && !announced) upcoming = { date, facts };
    }
    let factId: string | undefined;
    if (upcoming) upcoming.facts.slice(0, 1).forEach((f) => excluded.add(f.id));
    else {
      factId = this.next('fact', ctx, excluded, out);
      if (factId) excluded.add(factId);
    }
    const questionId = this.next('question', ctx, excluded, out);
    const question = questionId ? { questionId } : {};
    out.plan = upcoming
      ? { kind: 'upcoming', date: upcoming.date, factIds: upcoming.facts.slice(0, 1).map((f) => f.id), ...question }
      : { kind: 'fact', factId: factId ?? '', ...question };
    return out;
  }

  /**
   * The next fact of a rotation: every fact once, in the chat's own order, before any repeats. The order is a
   * per-chat mix of each fact id's hash, so the next one is a minimum, not a sort (this runs for every chat).
   */
  private next(track: RotationTrack, ctx: PlanContext, excluded: ReadonlySet<string>, out: PlannedPost): string | undefined {
    const seed = hash(`${ctx.seed}:${track}`);
    const shown = ctx.shown[track];
    let best: { id: string; key: number } | undefined;
    let bestAny: { id: string; key: number } | undefined;
    for (const [id, h] of this.idHashes) {
      if (excluded.has(id)) continue;
      const key = mix(h ^ seed);
      if (!bestAny || key < bestAny.key) bestAny = { id, key };
      if (!shown.has(id) && (!best || key < best.key)) best = { id, key };
    }
    if (!best) out.resetTracks.push(track);
    const pick = (best ?? bestAny)?.id;
    if (pick) out.shown.push({ track, factId: pick });
    return pick;
  }

  /** The post as a reply, in a language. */
  render(plan: PostPlan, localDate: string, lang: Lang): ChatReply {
    const t = this.i18n;
    const year = Number(localDate.slice(0, 4));
    const citations: string[] = [];
    const cite = (f: Fact) => {
      const line = citationLine(this.base, this.i18n, f, lang);
      if (!citations.includes(line)) citations.push(line);
    };
    const buttons: Button[][] = [];
    const blocks: string[] = [];
    let date: string | undefined;

    if (plan.kind === 'events') {
      const facts = this.facts(plan.factIds);
      const shown = facts.slice(0, EVENTS_SHOWN);
      let lastYear: string | undefined;
      for (const f of shown) {
        const factYear = f.date?.value.slice(0, 4) ?? '';
        if (factYear !== lastYear) {
          const years = year - Number(factYear);
          blocks.push(
            years > 0
              ? t.t(lang, 'daily-on-this-day', { year: factYear, ago: t.t(lang, 'daily-years-ago', { years }) })
              : t.t(lang, 'daily-on-this-day-plain', { year: factYear }),
          );
          lastYear = factYear;
        }
        blocks.push(`• ${f.answer[lang]}`);
        cite(f);
      }
      date = shown[0]?.date?.value;
      for (const f of facts.slice(EVENTS_SHOWN, EVENTS_SHOWN + 5))
        buttons.push([{ label: f.questions[lang][0] ?? f.title[lang], data: `${ACTION.answerFact}${f.id}` }]);
    } else if (plan.kind === 'upcoming') {
      const facts = this.facts(plan.factIds);
      const first = facts[0];
      const years = Number(plan.date.slice(0, 4)) - Number(first?.date?.value.slice(0, 4) ?? plan.date.slice(0, 4));
      const when = formatCalendarDate({ month: Number(plan.date.slice(5, 7)), day: Number(plan.date.slice(8, 10)) }, lang);
      blocks.push(t.t(lang, 'daily-upcoming', { days: daysFrom(localDate, plan.date), date: when, years }));
      for (const f of facts) {
        blocks.push(f.answer[lang]);
        cite(f);
      }
    } else {
      const fact = this.base.fact(plan.factId);
      if (fact) {
        blocks.push(t.t(lang, 'daily-fact-of-the-day'));
        blocks.push(fact.date && fact.date.precision !== 'vague' ? `${formatFactDate(fact.date, lang)}: ${fact.answer[lang]}` : fact.answer[lang]);
        cite(fact);
        if (fact.date?.precision === 'day' || fact.date?.precision === 'month') date = fact.date.value;
      }
    }

    if (plan.kind !== 'events' && plan.questionId) {
      const q = this.base.fact(plan.questionId);
      if (q) {
        blocks.push(t.t(lang, 'daily-question-of-the-day', { question: q.questions[lang][0] ?? q.title[lang] }));
        buttons.push([{ label: t.t(lang, 'daily-show-answer'), data: `${DAILY_ACTION.answer}${q.id}` }]);
      }
    }
    if (blocks.length === 0) blocks.push(t.t(lang, 'on-this-day-none', { when: formatCalendarDate(parseDateValue(localDate), lang) }));
    return { lang, text: blocks.join('\n\n'), citation: citations.join('\n') || undefined, date, buttons };
  }

  /** Plans and renders in one go, with no history (previews, `/today`, the CLI). */
  preview(localDate: string, lang: Lang, ctx: PlanContext = { seed: 'preview', recent: [], shown: { fact: new Set(), question: new Set() } }): ChatReply {
    return this.render(this.plan(localDate, ctx).plan, localDate, lang);
  }

  private facts(ids: string[]): Fact[] {
    return ids.map((id) => this.base.fact(id)).filter((f): f is Fact => f !== undefined);
  }
}

/** Every fact a plan shows (facts and question). */
export function planFactIds(plan: PostPlan): string[] {
  if (plan.kind === 'events') return plan.factIds;
  const ids = plan.kind === 'upcoming' ? [...plan.factIds] : [plan.factId];
  if (plan.questionId) ids.push(plan.questionId);
  return ids;
}

/** A short key that tells two plans apart (for logs and checks). */
export function planKey(plan: PostPlan): string {
  return `${plan.kind}:${planFactIds(plan).join(',')}`;
}

function daysFrom(from: string, to: string): number {
  for (let d = 0; d < 10; d++) if (addDays(from, d) === to) return d;
  return 0;
}

/** A 32-bit finaliser (MurmurHash3's fmix32): spreads a combined hash into a well-mixed key. */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a, 32 bits: a stable order that differs from chat to chat. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
