import type { FeatureMigrations } from '../migrate.js';
import { chatStateMigrations } from './chat-state.js';
import { chatsMigrations } from './chats.js';
import { studyMigrations } from './study.js';
import { subscriptionsMigrations } from './subscriptions.js';
import { questionLogMigrations } from './question-log.js';

/**
 * Every feature's migrations, in the order features depend on each other. A released migration is never
 * edited: a feature adds its next version.
 */
export const PG_MIGRATIONS: readonly FeatureMigrations[] = [chatsMigrations, chatStateMigrations, subscriptionsMigrations, studyMigrations, questionLogMigrations];
