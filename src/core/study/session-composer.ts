/**
 * The session composer: draws a study session's questions from the quiz bank, deterministically for a seed.
 *
 * Rules, in the order they bind:
 * 1. A topic session draws only that topic's items.
 * 2. No two items of one fact, and no two with the same right answer.
 * 3. Never two items of the same event in a row; an unused event is preferred to one already asked about.
 *    In a session on the whole bank, events that cannot be kept apart limit the session (it is then shorter
 *    than asked, and says so). A topic session asks its topic's items even when most are of one event (the
 *    2022 referendum): those then follow each other as few times as the topic allows.
 * 4. Kinds, then topics, then difficulties mixed as the bank allows: the least used so far is preferred.
 * 5. Difficulty rises through the session (easiest first), as far as rule 3 lets it.
 * 6. Choices shuffled by the seed.
 */
import type { Lang } from '../facts/schema.js';
import { normalize } from '../text/normalize.js';
import type { QuizItem } from './quiz-bank-schema.js';
import { askItem, type QuizQuestion } from './quiz.js';
import { seededRandom, shuffled } from './random.js';

/** What a session asks for. */
export interface ComposeOptions {
  lang: Lang;
  count: number;
  topic?: string;
  seed: number;
}

/** The quiz bank's items with the lookups the study features need. */
export class QuizBank {
  private readonly byFact = new Map<string, QuizItem[]>();
  /** Worked out once: sessions are composed while a member waits for the first question. */
  private readonly events = new Map<QuizItem, string>();
  private readonly answers = new Map<QuizItem, Record<Lang, string>>();

  /**
   * @param items the bank's items
   * @param eventOf the event (speech, meeting, vote) a fact belongs to, if any (FactBase facts' `event`)
   */
  constructor(
    readonly items: readonly QuizItem[],
    eventOf: (factId: string) => string | undefined,
  ) {
    for (const item of items) {
      this.byFact.set(item.fact, [...(this.byFact.get(item.fact) ?? []), item]);
      this.events.set(item, eventOf(item.fact) ?? `fact:${item.fact}`);
      this.answers.set(item, { en: answerKey(item, 'en'), ru: answerKey(item, 'ru'), kk: answerKey(item, 'kk') });
    }
  }

  /** The items that test one fact, in bank order. */
  itemsOfFact(factId: string): QuizItem[] {
    return this.byFact.get(factId) ?? [];
  }

  /** How many items a topic has. */
  topicSize(topic: string): number {
    return this.items.filter((i) => i.topic === topic).length;
  }

  /** A session's questions (fewer than `count` when the bank or the topic cannot give more under the rules). */
  compose(options: ComposeOptions): QuizQuestion[] {
    const rng = seededRandom(options.seed);
    const pool = shuffled(
      rng,
      this.items.filter((i) => !options.topic || i.topic === options.topic),
    );
    const picked = this.select(pool, options);
    return this.order(picked).map((item) => askItem(item, options.lang, rng));
  }

  /** The event key of an item: its fact's event, or the fact itself when it belongs to none. */
  private eventKey(item: QuizItem): string {
    return this.events.get(item) ?? `fact:${item.fact}`;
  }

  private answerOf(item: QuizItem, lang: Lang): string {
    return this.answers.get(item)?.[lang] ?? answerKey(item, lang);
  }

  /** Rules 2–4: which items, in pool order among equals. */
  private select(pool: readonly QuizItem[], options: ComposeOptions): QuizItem[] {
    const { lang, count } = options;
    const picked: QuizItem[] = [];
    const facts = new Set<string>();
    const answers = new Set<string>();
    const uses = new Map<string, number>();
    const used = (key: string) => uses.get(key) ?? 0;
    const use = (key: string) => uses.set(key, used(key) + 1);
    // On the whole bank an event may fill at most every other place, or the session could not keep it apart.
    const strict = options.topic === undefined;
    const perEvent = strict ? Math.ceil(count / 2) : Infinity;
    while (picked.length < count) {
      let best: QuizItem | undefined;
      let bestScore: number[] = [];
      for (const item of pool) {
        if (facts.has(item.fact) || answers.has(this.answerOf(item, lang))) continue;
        const event = used(`e:${this.eventKey(item)}`);
        if (event >= perEvent) continue;
        // Least used first: event, then kind, then topic, then difficulty; the pool's (seeded) order breaks ties.
        const score = [event, used(`k:${item.kind}`), used(`t:${item.topic}`), used(`d:${item.difficulty}`)];
        if (!best || lexLess(score, bestScore)) {
          best = item;
          bestScore = score;
        }
      }
      if (!best) break;
      picked.push(best);
      facts.add(best.fact);
      answers.add(this.answerOf(best, lang));
      for (const key of [`e:${this.eventKey(best)}`, `k:${best.kind}`, `t:${best.topic}`, `d:${best.difficulty}`]) use(key);
    }
    return strict ? this.arrangeable(picked) : picked;
  }

  /** Drops the last-picked items of the most-asked event until no event needs to sit next to itself. */
  private arrangeable(picked: QuizItem[]): QuizItem[] {
    const out = [...picked];
    for (;;) {
      const counts = countBy(out, (i) => this.eventKey(i));
      const [event, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      if (n <= Math.ceil(out.length / 2)) return out;
      const last = out.map((i) => this.eventKey(i)).lastIndexOf(event);
      out.splice(last, 1);
    }
  }

  /**
   * Rules 3 and 5: easiest first, never the previous item's event, and (among equals) not its kind or topic;
   * each step keeps the rest arrangeable, so the greedy order never paints itself into a corner.
   */
  private order(items: QuizItem[]): QuizItem[] {
    const rest = [...items];
    const out: QuizItem[] = [];
    while (rest.length > 0) {
      const prev = out[out.length - 1];
      const prevEvent = prev ? this.eventKey(prev) : undefined;
      const counts = countBy(rest, (i) => this.eventKey(i));
      const fits = rest
        .map((item, i) => ({ item, i }))
        .filter(({ item }) => this.eventKey(item) !== prevEvent && feasibleAfter(counts, rest.length, this.eventKey(item)));
      // A topic mostly of one event: that event's items wherever the previous one was another, between them the
      // others, and the event twice in a row only when nothing else is left.
      const choices = fits.length > 0 ? fits : this.crowded(rest, prevEvent);
      const score = (item: QuizItem) => item.difficulty * 4 + (prev && item.kind === prev.kind ? 2 : 0) + (prev && item.topic === prev.topic ? 1 : 0);
      const pick = choices.reduce((a, b) => (score(b.item) < score(a.item) ? b : a));
      out.push(pick.item);
      rest.splice(pick.i, 1);
    }
    return out;
  }

  /** The items to place next when one event has too many to keep apart: it, unless it came last. */
  private crowded(rest: readonly QuizItem[], prevEvent: string | undefined): { item: QuizItem; i: number }[] {
    const all = rest.map((item, i) => ({ item, i }));
    const [top] = [...countBy(rest, (i) => this.eventKey(i))].sort((a, b) => b[1] - a[1])[0] ?? [];
    const ofTop = all.filter(({ item }) => this.eventKey(item) === top);
    const others = all.filter(({ item }) => this.eventKey(item) !== top);
    if (top !== prevEvent) return ofTop;
    return others.length > 0 ? others : ofTop;
  }

}

/**
 * Whether, after taking one item of event `taken` from items counted per event (`total` in all), the rest can
 * follow it with no event twice in a row: no event may fill more than every other place, and `taken` (which
 * cannot come first) not even that when the rest is odd in number.
 */
function feasibleAfter(counts: ReadonlyMap<string, number>, total: number, taken: string): boolean {
  const n = total - 1;
  for (const [event, count] of counts) {
    const left = event === taken ? count - 1 : count;
    if (left > (event === taken ? Math.floor(n / 2) : Math.ceil(n / 2))) return false;
  }
  return true;
}

/** An item's right answer compared loosely: "5 June" and "5 june." are the same answer. */
function answerKey(item: QuizItem, lang: Lang): string {
  return normalize(item[lang].answer).replace(/[^\p{L}\p{N}%$]+/gu, ' ').trim();
}

/** Whether `a` comes before `b` in lexicographic order. */
function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}
