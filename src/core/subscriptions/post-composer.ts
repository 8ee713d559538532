import type { Button, ChatReply } from '../chat/chat-service.js';
import type { FactBase } from '../facts/fact-base.js';
import { LANGS, type Fact, type Lang } from '../facts/schema.js';
import type { I18n } from '../i18n/i18n.js';
import type { ChatAddress } from '../messenger.js';
import { citationLineOfMany } from '../facts/citation-line.js';
import { formatCalendarDate, parseDateValue } from '../text/dates.js';
import { addDays } from './local-time.js';
import type { PlanQuestions, PostPlan, QuestionRef } from './post-plan.js';
import { eventsOf, OnThisDay, type EventOnDay } from './on-this-day.js';
import { countsTimeFromTheArticle, namedAlike, titleWords, toldAnswer, toldStatement } from './post-text.js';
import { dayNumber, stableHash, stableOrder, type QuestionOfTheDay } from './question-of-the-day.js';
import type { RotationTrack } from './subscription-repository.js';
import { ARTICLE_TOPIC } from './yes-no-questions.js';

/**
 * Button data of daily posts. A question's buttons carry the post's date (`YYYYMMDD`), the language it was
 * shown in and the choice, so a press is checked against the question that was shown: `d:c:20240605:kk:1`.
 */
export const DAILY_ACTION = {
  prefix: 'd:',
  /** A choice pressed under a chat's post: counted, answered privately, revealed with the next post. */
  choice: 'd:c:',
  /** "Show the answer" under a chat's post: shown privately, and a later choice no longer counts. */
  show: 'd:s:',
  /** A choice under a preview (`/preview`, `/today` before the post): answered at once, not counted. */
  previewChoice: 'd:p:',
  /** "Show the answer" under a preview. */
  previewShow: 'd:q:',
  /** Posts sent before questions had choices: "d:a:<fact>" showed the fact's answer. */
  answer: 'd:a:',
} as const;

/** What the composer knows of a chat's past posts. */
export interface PlanContext {
  /** Stable per chat: chats do not all see the same fact of the day on the same day. */
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

/** Whose buttons a rendered post carries: a chat's real post (counted presses) or a preview. */
export type PostMode = 'post' | 'preview';

/** One day of a simulated subscription (previews of several days, the year test). */
export interface PostDay {
  date: string;
  plan: PostPlan;
  reply: ChatReply;
}

/** An anniversary is announced this many days ahead (once: the day itself then has its own post). */
export const UPCOMING_DAYS = 3;
/**
 * The days from a post's date on whose anniversaries stay out of its question and fact of the day: they are
 * told as "on this day" or "coming up" soon, and the question's answer is revealed the next day.
 */
const KEPT_FOR_LATER_DAYS = UPCOMING_DAYS + 2;

/** A chat's rotation seed (the scheduler's too): its fact of the day differs from other chats'. */
export function chatSeed(address: ChatAddress): string {
  return `${address.platform}:${address.chatId}`;
}

/** Choice labels up to this long share one row of buttons. */
const SHORT_LABEL = 12;
/** A fact told "on this day" is not the fact of the day for a week after. */
const RECENT_DAYS = 7;
/** A fact of the day keeps this many days away from a question its answer would give away. */
const QUESTION_SPACING = 3;
/** How many dates back the rule "never the previous date's question" is followed (a longer chain never occurs). */
const QUESTION_LOOKBACK = 7;

/** The context of a preview: no history, one seed for everyone. */
export function previewContext(seed = 'preview'): PlanContext {
  return { seed, recent: [], shown: { fact: new Set(), question: new Set() } };
}

/** What the composer derives from the fact base alone (see {@link factTables}). */
interface FactTables {
  factOrder: Fact[];
  relatedBack: ReadonlyMap<string, string[]>;
  endOf: ReadonlyMap<string, string>;
  lastEnd: string;
}

const tablesOf = new WeakMap<FactBase, FactTables>();

/**
 * The rotation, related facts and end dates of a fact base, computed once for it (a fact base never changes),
 * however many composers are built on it: comparing every fact's title with every other's is most of the cost.
 */
function factTables(base: FactBase): FactTables {
  const known = tablesOf.get(base);
  if (known) return known;
  const relatedBack = new Map<string, string[]>();
  const endOf = new Map<string, string>();
  // Not the article's own facts, and none that counts time from the article ("last year's referendum").
  const factOrder = stableOrder(
    base.facts.filter((f) => !f.topics.includes(ARTICLE_TOPIC) && !LANGS.some((l) => countsTimeFromTheArticle(toldAnswer(f, l)))),
    (f) => f.id,
    'fact-of-the-day',
  );
  for (const f of base.facts) for (const r of f.related) relatedBack.set(r, [...(relatedBack.get(r) ?? []), f.id]);
  // Facts named alike ("Simpler party registration", "Party registration simplified") tell much the same,
  // even where the data does not link them.
  const titles = base.facts.map((f) => ({ id: f.id, words: titleWords(f.title.en) }));
  for (const a of titles) for (const b of titles) if (a !== b && namedAlike(a.words, b.words)) relatedBack.set(a.id, [...(relatedBack.get(a.id) ?? []), b.id]);
  for (const f of base.facts) {
    // A fact tells its event too ("the treaty dates from 1992: its 30th anniversary fell on 25 May 2022").
    const eventDate = f.event ? base.entity(f.event)?.date?.value : undefined;
    const ends = [f.date ? lastDayOf(f.date.value) : base.citation(f).date, eventDate ? lastDayOf(eventDate) : ''];
    endOf.set(f.id, ends.reduce((a, b) => (a > b ? a : b)));
  }
  const lastEnd = [...endOf.values()].reduce((a, b) => (a > b ? a : b), '');
  const tables = { factOrder, relatedBack, endOf, lastEnd };
  tablesOf.set(base, tables);
  return tables;
}

/**
 * Composes the daily post: what happened on this day (one entry per event), else an anniversary coming up in
 * {@link UPCOMING_DAYS} days, else a fact of the day; then yesterday's question answered, and today's question
 * with its choices as buttons. Only facts dated to the day count as "on this day", only in a year before the
 * post's, and the post never gives its own question's answer away.
 */
export class PostComposer {
  private readonly days: OnThisDay;
  /** Every fact that may be a fact of the day, in one fixed order; each chat starts at its own place in it. */
  private readonly factOrder: Fact[];
  /** Facts related to a fact (its `related` the other way round, and those named alike). */
  private readonly relatedBack: ReadonlyMap<string, string[]>;
  /** The last day each fact may have happened on; facts without a date date from their source. */
  private readonly endOf: ReadonlyMap<string, string>;
  /** The latest of those: posts after it may tell any fact. */
  private readonly lastEnd: string;
  /** Questions of recent dates: every chat's plan asks for the same few. */
  private readonly questionMemo = new Map<string, QuestionRef | undefined>();

  constructor(
    private readonly base: FactBase,
    private readonly i18n: I18n,
    private readonly questions: QuestionOfTheDay,
  ) {
    this.days = new OnThisDay(base);
    ({ factOrder: this.factOrder, relatedBack: this.relatedBack, endOf: this.endOf, lastEnd: this.lastEnd } = factTables(base));
  }

  /**
   * Facts that had not happened (or not been said) before a date: a post for a date before the reforms (a
   * preview of 2020) tells none of them, in the past tense, as if they had.
   */
  private notYet(date: string): string[] {
    if (date > this.lastEnd) return [];
    return [...this.endOf.entries()].filter(([, end]) => end >= date).map(([id]) => id);
  }

  /** How many facts the fact-of-the-day rotation has: each comes once before any repeats. */
  get rotationSize(): number {
    return this.factOrder.length;
  }

  /** Facts that happened on the month and day of `date`, in data order. */
  eventsOn(date: string): Fact[] {
    return this.days.factsOn(date);
  }

  /**
   * The question of the day of a date: the same for every chat (it depends on the date alone), never the
   * previous date's, and never one the post of the date (or of the next few) tells the answer of.
   */
  questionRef(date: string): QuestionRef | undefined {
    const known = this.questionMemo.get(date);
    if (known !== undefined || this.questionMemo.has(date)) return known;
    // The source's pick for each of the days before, each day moved off its predecessor's when they meet.
    let previous: QuestionRef | undefined;
    for (let d = -QUESTION_LOOKBACK; d <= 0; d++) {
      const day = addDays(date, d);
      const avoid = this.questionAvoid(day);
      let ref = this.ref(this.questions.pick(day, avoid), day);
      if (ref && previous && ref.id === previous.id) ref = this.ref(this.questions.pick(day, new Set([...avoid, previous.factId])), day);
      previous = ref;
    }
    if (this.questionMemo.size >= 64) this.questionMemo.clear();
    this.questionMemo.set(date, previous);
    return previous;
  }

  /** Facts a date's question must not test: those told the day before, on the date and the next few, or not yet happened. */
  private questionAvoid(date: string): Set<string> {
    const avoid = new Set<string>();
    for (let d = -1; d <= KEPT_FOR_LATER_DAYS; d++) for (const f of this.days.factsOn(addDays(date, d))) this.neighbours(f).forEach((id) => avoid.add(id));
    for (const id of this.notYet(date)) avoid.add(id);
    return avoid;
  }

  /** The facts a question tests or draws on. */
  private questionFacts(ref: QuestionRef): string[] {
    const item = LANGS.map((l) => this.questions.item(ref.id, l)).find((x) => x !== undefined);
    return [ref.factId, ...(item?.also ?? [])];
  }

  private ref(id: string | undefined, date: string): QuestionRef | undefined {
    if (id === undefined) return undefined;
    const factId = LANGS.map((l) => this.questions.item(id, l)?.factId).find((x) => x !== undefined);
    return factId === undefined ? undefined : { id, factId, date };
  }

  /** Chooses what a chat's post for `localDate` shows; never something yesterday's post showed. */
  plan(localDate: string, ctx: PlanContext): PlannedPost {
    const previous = ctx.recent[0];
    const excluded = new Set(previous ? planFactIds(previous) : []);
    const question = this.questionRef(localDate);
    const reveal = previous?.question && previous.question.date < localDate ? previous.question : undefined;
    const parts: PlanQuestions = { ...(question ? { question } : {}), ...(reveal ? { reveal } : {}) };
    const out: PlannedPost = { plan: { kind: 'fact', factId: '' }, shown: [], resetTracks: [] };

    const year = yearOf(localDate);
    const events = this.days.factsOn(localDate).filter((f) => yearOf(f.date!.value) < year && !excluded.has(f.id));
    if (events.length > 0) {
      out.plan = { kind: 'events', factIds: events.map((f) => f.id), ...parts };
      return out;
    }

    const ahead = addDays(localDate, UPCOMING_DAYS);
    const coming = this.days
      .factsOn(ahead)
      .filter((f) => yearOf(f.date!.value) < yearOf(ahead) && !excluded.has(f.id) && !isAnniversary(this.base, f));
    const announced = ctx.recent.some((p) => p.kind === 'upcoming' && p.date === ahead);
    if (coming.length > 0 && !announced) {
      out.plan = { kind: 'upcoming', date: ahead, factIds: coming.map((f) => f.id), ...parts };
      return out;
    }

    // The fact of the day. Never yesterday's, none that answers today's question or is the question of a day
    // around, none not yet happened; and, unless nothing else is left to show, none of the last week's posts,
    // none told "on this day" in the week before or the next few days, none near a question of the days around.
    const never = new Set(excluded);
    const rather = new Set(ctx.recent.flatMap(planFactIds));
    for (let d = -RECENT_DAYS; d <= KEPT_FOR_LATER_DAYS; d++) for (const f of this.days.factsOn(addDays(localDate, d))) rather.add(f.id);
    for (let d = -QUESTION_SPACING; d <= QUESTION_SPACING; d++) {
      const ref = d === 0 ? question : this.questionRef(addDays(localDate, d));
      if (!ref) continue;
      never.add(ref.factId);
      for (const factId of this.questionFacts(ref)) this.neighbours(this.base.fact(factId)).forEach((id) => (d === 0 ? never : rather).add(id));
    }
    if (reveal) never.add(reveal.factId);
    for (const id of this.notYet(localDate)) never.add(id);
    out.plan = { kind: 'fact', factId: this.nextFact(localDate, ctx, never, rather, out) ?? '', ...parts };
    return out;
  }

  /**
   * The chat's fact of the day: the rotation's fact for this date (a fixed order, each chat starting at its own
   * place, one step a day), or the next one not yet shown since the rotation's last reset. So every fact comes
   * once before any repeats, and a preview without history shows what the date's post would be.
   */
  private nextFact(localDate: string, ctx: PlanContext, never: ReadonlySet<string>, rather: ReadonlySet<string>, out: PlannedPost): string | undefined {
    const n = this.factOrder.length;
    if (n === 0) return undefined;
    const start = (((dayNumber(localDate) + (stableHash(ctx.seed) % n)) % n) + n) % n;
    const order = Array.from({ length: n }, (_, i) => this.factOrder[(start + i) % n]!.id).filter((id) => !never.has(id));
    const shown = ctx.shown.fact;
    const pick =
      order.find((id) => !shown.has(id) && !rather.has(id)) ??
      // Only facts kept for later are left unshown: one of them now, rather than a repeat.
      order.find((id) => !shown.has(id));
    if (pick) {
      out.shown.push({ track: 'fact', factId: pick });
      return pick;
    }
    // Every fact was shown: the rotation starts again.
    const again = order.find((id) => !rather.has(id)) ?? order[0];
    if (again) {
      out.resetTracks.push('fact');
      out.shown.push({ track: 'fact', factId: again });
    }
    return again;
  }

  /** A fact, the facts of its event, those related to it either way and those named alike: any may give it away. */
  private neighbours(fact: Fact | undefined): string[] {
    if (!fact) return [];
    const ids = [fact.id, ...fact.related, ...(this.relatedBack.get(fact.id) ?? [])];
    if (fact.event) ids.push(...this.base.factsOfEvent(fact.event).map((f) => f.id));
    return ids;
  }

  /** What an event is called: its event entity's name (without the date in brackets), or the fact's title. */
  private eventName(fact: Fact, lang: Lang): string {
    const name = (fact.event ? this.base.entity(fact.event)?.name[lang] : undefined) ?? fact.title[lang];
    const bare = name.replace(/\s*\([^)]*\)\s*$/u, '');
    return bare.charAt(0).toUpperCase() + bare.slice(1);
  }

  /** The post as a reply, in a language. */
  render(plan: PostPlan, localDate: string, lang: Lang, mode: PostMode = 'post'): ChatReply {
    const t = this.i18n;
    const blocks: string[] = [];
    const cited: Fact[] = [];
    const buttons: Button[][] = [];
    let date: string | undefined;

    if (plan.kind === 'events') {
      const events = eventsOf(this.facts(plan.factIds)).filter((e) => yearOf(e.date) < yearOf(localDate));
      let lastYear: number | undefined;
      for (const e of events) {
        const year = yearOf(e.date);
        const lines: string[] = [];
        if (year !== lastYear) {
          // The year as written, not as a number ("2,022").
          lines.push(t.t(lang, 'daily-on-this-day', { year: String(year), ago: t.t(lang, 'daily-years-ago', { years: yearOf(localDate) - year }) }));
          lastYear = year;
        }
        lines.push(this.tell(e, lang, [String(year)]));
        blocks.push(lines.join('\n'));
        cited.push(...e.facts);
      }
      date = events[0]?.date;
    } else if (plan.kind === 'upcoming') {
      const events = eventsOf(this.facts(plan.factIds));
      const first = events[0];
      const years = first ? yearOf(plan.date) - yearOf(first.date) : 0;
      const days = dayNumber(plan.date) - dayNumber(localDate);
      if (first && years > 0 && days > 0) {
        const when = formatCalendarDate({ month: Number(plan.date.slice(5, 7)), day: Number(plan.date.slice(8, 10)) }, lang);
        // A teaser: the event's name. The story itself is told on the day, not twice within three days.
        const names = events.map((e) => `• ${this.eventName(e.lead, lang)}`);
        blocks.push([t.t(lang, 'daily-upcoming', { days, date: when, years }), ...names].join('\n'));
        cited.push(...events.map((e) => e.lead));
      }
    } else {
      const fact = this.base.fact(plan.factId);
      if (fact) {
        // The answer states its date in its own words: no date before it.
        blocks.push(`${t.t(lang, 'daily-fact-of-the-day')}\n${toldAnswer(fact, lang)}`);
        cited.push(fact);
      }
    }

    const reveal = plan.reveal && this.questions.item(plan.reveal.id, lang);
    if (plan.reveal && reveal) {
      const heading =
        addDays(plan.reveal.date, 1) === localDate
          ? t.t(lang, 'daily-reveal-yesterday', { question: reveal.question })
          : t.t(lang, 'daily-reveal-dated', { question: reveal.question, date: formatCalendarDate({ month: Number(plan.reveal.date.slice(5, 7)), day: Number(plan.reveal.date.slice(8, 10)) }, lang) });
      blocks.push(`${heading}\n${t.t(lang, 'daily-reveal-answer', { answer: reveal.choices[reveal.correct] ?? '', explanation: reveal.explanation })}`);
      const fact = this.base.fact(reveal.factId);
      if (fact) cited.push(fact);
    }

    const question = plan.question && this.questions.item(plan.question.id, lang);
    if (plan.question && question) {
      blocks.push(t.t(lang, 'daily-question-of-the-day', { question: question.question }));
      const key = `${plan.question.date.replace(/-/g, '')}:${lang}`;
      const choice = mode === 'post' ? DAILY_ACTION.choice : DAILY_ACTION.previewChoice;
      const show = mode === 'post' ? DAILY_ACTION.show : DAILY_ACTION.previewShow;
      const choices = question.choices.map((label, i) => ({ label, data: `${choice}${key}:${i}` }));
      // Short labels ("Yes", "No") share a row; longer ones get a row each, so none is cut short.
      if (question.choices.every((label) => label.length <= SHORT_LABEL)) buttons.push(choices);
      else buttons.push(...choices.map((b) => [b]));
      buttons.push([{ label: t.t(lang, 'daily-show-answer'), data: `${show}${key}` }]);
    }

    if (blocks.length === 0) {
      // The day of the year only: no event of the source is from this year, and "on June 5, 2026" would say so.
      const { month, day } = parseDateValue(localDate);
      blocks.push(t.t(lang, 'on-this-day-none', { when: formatCalendarDate({ month, day }, lang) }));
    }
    const citation = cited.length ? citationLineOfMany(this.base, this.i18n, cited, lang) : undefined;
    return { lang, text: blocks.join('\n\n'), citation, date, buttons };
  }

  /** One event: its lead's first sentence, then its other facts as a short list (or, alone, the lead's whole answer). */
  private tell(e: EventOnDay, lang: Lang, knownYears: string[]): string {
    const lead = e.more.length > 0 ? toldStatement(e.lead, lang, knownYears) : toldAnswer(e.lead, lang, knownYears);
    const items = e.more.map((f) => (f.value?.type === 'list' ? `${f.title[lang]}: ${f.value.items[lang].join(', ')}` : f.title[lang]));
    return [lead, ...items.map((item) => `• ${item}`)].join('\n');
  }

  /** Plans and renders in one go (previews, `/today` before the post, the CLI): a preview's buttons. */
  preview(localDate: string, lang: Lang, ctx: PlanContext = previewContext()): ChatReply {
    return this.render(this.plan(localDate, ctx).plan, localDate, lang, 'preview');
  }

  /**
   * The posts a new subscriber would get on `days` consecutive dates from `from`, each planned with the
   * history of the ones before (no repeats two days running, yesterday's question answered).
   */
  series(from: string, days: number, lang: Lang, seed = 'preview'): PostDay[] {
    const out: PostDay[] = [];
    const recent: PostPlan[] = [];
    let shown = new Set<string>();
    for (let i = 0; i < days; i++) {
      const date = addDays(from, i);
      const planned = this.plan(date, { seed, recent: [...recent], shown: { fact: shown, question: new Set() } });
      if (planned.resetTracks.includes('fact')) shown = new Set();
      for (const s of planned.shown) if (s.track === 'fact') shown.add(s.factId);
      recent.unshift(planned.plan);
      if (recent.length > 7) recent.pop();
      out.push({ date, plan: planned.plan, reply: this.render(planned.plan, date, lang, 'preview') });
    }
    return out;
  }

  private facts(ids: string[]): Fact[] {
    return ids.map((id) => this.base.fact(id)).filter((f): f is Fact => f !== undefined);
  }
}

/**
 * Every fact a plan shows and asks about: kept out of the next day's post. (The revealed answer is not among
 * them: it is the day before's question, which the next day's post is meant to answer.)
 */
export function planFactIds(plan: PostPlan): string[] {
  const ids = plan.kind === 'fact' ? [plan.factId] : [...plan.factIds];
  if (plan.question) ids.push(plan.question.factId);
  if (plan.questionId) ids.push(plan.questionId);
  return ids.filter(Boolean);
}

/** A short key that tells two plans apart (for logs and checks). */
export function planKey(plan: PostPlan): string {
  return `${plan.kind}:${planFactIds(plan).join(',')}`;
}

/**
 * Whether a fact's event is itself an anniversary (a treaty's 30th): "in 3 days it will be 2 years since the
 * treaty turned 30" reads as an anniversary of an anniversary, so such an event is told on its day only.
 */
function isAnniversary(base: FactBase, fact: Fact): boolean {
  const event = fact.event ? base.entity(fact.event) : undefined;
  return /\banniversary\b/i.test(event?.name.en ?? fact.title.en);
}

/** The last day a date value (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) may mean, as a comparable `YYYY-MM-DD`. */
function lastDayOf(value: string): string {
  return value.length === 4 ? `${value}-12-31` : value.length === 7 ? `${value}-31` : value;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
