import type { Migration } from '../migrate.js';
import { chatsMigration } from './001-chats.js';
import { subscriptionsMigration } from './002-subscriptions.js';
import { studyMigration } from './003-study.js';
import { studyChatKindMigration } from './004-study-chat-kind.js';
import { deliveryLeasesMigration } from './005-delivery-leases.js';
import { dailyAnswersMigration } from './006-daily-answers.js';
import { questionLogMigration } from './007-question-log.js';
import { sharedStateMigration } from './008-shared-state.js';

/**
 * Every schema migration of the SQLite file, in order (one `user_version` for the file). A migration is never
 * edited once released: add a new one. Each belongs to one feature, named beside it; each feature's
 * repository moves its own rows when a chat changes id (no list of every table here).
 */
export const MIGRATIONS: readonly Migration[] = [
  chatsMigration, // chat settings
  subscriptionsMigration, // daily posts
  studyMigration, // study sessions
  studyChatKindMigration, // study sessions
  deliveryLeasesMigration, // daily posts, leases
  dailyAnswersMigration, // question of the day
  questionLogMigration, // question log
  sharedStateMigration, // conversations, rate limits, updates, send pace, study timers
];
