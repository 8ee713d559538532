/**
 * The spaced-repetition schedule of review cards (ts-fsrs): a miss is due again soon, a right answer later.
 * A card is stored as ts-fsrs's JSON and parsed with zod when it comes back.
 */
import { createEmptyCard, fsrs, Rating, type Card, type State } from 'ts-fsrs';
import { z } from 'zod';

/** ts-fsrs's card as stored (dates as ISO strings); cards stored by older versions lack `learning_steps`. */
const storedCardSchema = z.object({
  due: z.coerce.date(),
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number().default(0),
  scheduled_days: z.number(),
  learning_steps: z.number().default(0),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.number().int().min(0).max(3),
  last_review: z.coerce.date().nullish(),
});

/** A card's stored JSON read back; undefined when it does not parse (the caller starts the card over). */
export function readCard(json: string): Card | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = storedCardSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { last_review, state, ...rest } = parsed.data;
  return { ...rest, state: state as State, ...(last_review ? { last_review } : {}) };
}

/** A card's next state as stored: its JSON, when it is due, and how many times it was reviewed. */
export interface ScheduledCard {
  card: string;
  due: number;
  reps: number;
}

const scheduler = fsrs({ enable_fuzz: false });

/** The card after an answer at `now`: right (`Good`) or missed (`Again`); a new card when `card` is undefined. */
export function scheduleCard(card: Card | undefined, right: boolean, now: number): ScheduledCard {
  const next = scheduler.next(card ?? createEmptyCard(new Date(now)), new Date(now), right ? Rating.Good : Rating.Again).card;
  return { card: JSON.stringify(next), due: next.due.getTime(), reps: next.reps };
}
