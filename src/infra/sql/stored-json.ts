/** JSON that both stores keep and parse with zod when it comes back (it may hold what another version wrote). */
import { z } from 'zod';

/** A conversation context: the facts last talked about. */
export const contextSchema = z.object({ factIds: z.array(z.string()) });

/** A rate-limit window's events (epoch ms). */
export const eventsSchema = z.array(z.number());

/** A list of topic ids (answers). */
export const topicsSchema = z.array(z.string());
