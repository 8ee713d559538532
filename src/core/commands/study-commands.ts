import type { CommandDefinition } from './definitions.js';

/** The commands of group study sessions (filled in by the study feature). */
export const STUDY_COMMANDS: readonly CommandDefinition[] = [];
