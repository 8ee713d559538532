import type { CommandDefinition } from './definitions.js';

/** The commands of daily "on this day" posts (filled in by the on-this-day feature). */
export const SUBSCRIPTION_COMMANDS: readonly CommandDefinition[] = [];
