import type { Clock } from '../core/ports.js';

/** The system clock: the core reads the time only through a {@link Clock}, and this is the real one. */
export const systemClock: Clock = { now: () => new Date() };
