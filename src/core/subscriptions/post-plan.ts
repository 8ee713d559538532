/**
 * What a day's post shows (the plan stored with its delivery), and its zod schema: a plan read back from the
 * database is checked against it, and a row that does not parse is logged and left out, never trusted.
 */
import { z } from 'zod';
import type { Logger } from '../ports.js';
import type { ChatAddress } from '../messenger.js';

/** The question of one post: its item (see QuestionOfTheDay), the fact it tests, the post's date. */
export interface QuestionRef {
  id: string;
  factId: string;
  date: string;
}

/** The question parts of a plan: today's question, and the last post's question, answered. */
export interface PlanQuestions {
  question?: QuestionRef;
  reveal?: QuestionRef;
  /** Plans stored before {@link QuestionRef}: the fact whose question was asked (kept out of the next post). */
  questionId?: string;
}

/**
 * What a day's post shows, stored with its delivery so that a re-send after a crash shows the same thing
 * (rendered again in the chat's language of the moment).
 */
export type PostPlan =
  /** Facts that happened on this month and day, in an earlier year. */
  | ({ kind: 'events'; factIds: string[] } & PlanQuestions)
  /** An anniversary a few days ahead (`date`: the local date it falls on). */
  | ({ kind: 'upcoming'; date: string; factIds: string[] } & PlanQuestions)
  /** A fact of the day from the chat's rotation. */
  | ({ kind: 'fact'; factId: string } & PlanQuestions);

const questionRef = z.object({ id: z.string(), factId: z.string(), date: z.string() });
const questions = { question: questionRef.optional(), reveal: questionRef.optional(), questionId: z.string().optional() };

/** A stored post plan (it may hold what an older or another version wrote). */
export const postPlanSchema: z.ZodType<PostPlan> = z.union([
  z.object({ kind: z.literal('events'), factIds: z.array(z.string()), ...questions }),
  z.object({ kind: z.literal('upcoming'), date: z.string(), factIds: z.array(z.string()), ...questions }),
  z.object({ kind: z.literal('fact'), factId: z.string(), ...questions }),
]);

/**
 * The plan of a stored delivery, from JSON text (SQLite) or a decoded JSON value (PostgreSQL's jsonb); when it
 * does not parse (bad JSON, or a shape no version of the bot writes), an error is logged with the delivery it
 * belongs to and the result is undefined: the store leaves that row out rather than fail every read of it.
 */
export function readStoredPlan(stored: unknown, delivery: { address: ChatAddress; localDate: string }, logger: Logger): PostPlan | undefined {
  let value: unknown = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored);
    } catch {
      value = undefined;
    }
  }
  const parsed = postPlanSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  logger.error({ ...delivery.address, localDate: delivery.localDate, issues: parsed.error.issues }, 'daily post delivery skipped: its stored plan does not parse');
  return undefined;
}
