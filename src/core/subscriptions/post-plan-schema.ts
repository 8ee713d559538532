import { z } from 'zod';
import type { PostPlan } from './post-composer.js';

const questionRef = z.object({ id: z.string(), factId: z.string(), date: z.string() });
const questions = { question: questionRef.optional(), reveal: questionRef.optional(), questionId: z.string().optional() };

/**
 * A stored post plan, checked when it comes back from the database (it may hold what an older or another
 * version wrote): every store parses plans with this.
 */
export const postPlanSchema: z.ZodType<PostPlan> = z.union([
  z.object({ kind: z.literal('events'), factIds: z.array(z.string()), ...questions }),
  z.object({ kind: z.literal('upcoming'), date: z.string(), factIds: z.array(z.string()), ...questions }),
  z.object({ kind: z.literal('fact'), factId: z.string(), ...questions }),
]);

/** Parses a plan stored as JSON text (SQLite) or as a decoded JSON value (PostgreSQL's jsonb). */
export function parseStoredPlan(stored: unknown): PostPlan {
  const value = typeof stored === 'string' ? (JSON.parse(stored) as unknown) : stored;
  return postPlanSchema.parse(value);
}
