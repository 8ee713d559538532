/** What `/study` takes: a number of questions and a topic, in either order. */
import { LANGS } from '../facts/schema.js';
import type { Topic } from '../facts/schema.js';

/** Questions in a session unless the member asks for another number. */
export const DEFAULT_QUESTIONS = 10;
/** The most questions one session may have (`/study 99` gets this many, and is told so). */
export const MAX_QUESTIONS = 30;
/** The fewest questions one session may have (`/study 0` gets this many, and is told so). */
export const MIN_QUESTIONS = 1;

/** `/study`'s arguments understood: the count to ask, the number as typed (if any) and the topic's id (if any). */
export type StudyArgs = { count: number; asked?: number; topic?: string } | { unknownTopic: string };

/**
 * `[number] [topic]` in either order; the topic as /topics names it (any language), its id or an alias. The
 * number is kept within {@link MIN_QUESTIONS}..{@link MAX_QUESTIONS}; `asked` is the number as given.
 */
export function parseStudyArgs(args: string, topics: readonly Pick<Topic, 'id' | 'name' | 'aliases'>[]): StudyArgs {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const topicOf = (text: string) => {
    const wanted = norm(text);
    return topics.find((t) => t.id === wanted.replace(/ /g, '-') || LANGS.some((l) => norm(t.name[l]) === wanted) || t.aliases.some((a) => norm(a) === wanted));
  };
  // A topic's name may hold a number of its own ("Выборы 2023 года"): the count is a number outside it.
  const numbers = words.flatMap((w, i) => (/^\d+$/.test(w) ? [i] : []));
  const split = (at: number | undefined) => ({ at, rest: words.filter((_, i) => i !== at).join(' ') });
  const options = [split(undefined), ...numbers.map(split)];
  const fit = options.find((o) => o.rest === '' || topicOf(o.rest)) ?? split(numbers[0]);
  const asked = fit.at !== undefined ? Number(words[fit.at]) : undefined;
  const count = asked !== undefined ? Math.min(MAX_QUESTIONS, Math.max(MIN_QUESTIONS, asked)) : DEFAULT_QUESTIONS;
  const withAsked = { count, ...(asked !== undefined ? { asked } : {}) };
  if (!fit.rest) return withAsked;
  const topic = topicOf(fit.rest);
  return topic ? { ...withAsked, topic: topic.id } : { unknownTopic: fit.rest };
}
