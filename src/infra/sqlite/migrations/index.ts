import type { Migration } from '../migrate.js';
import { chatsMigration } from './001-chats.js';
import { subscriptionsMigration } from './002-subscriptions.js';
import { studyMigration } from './003-study.js';
import { studyChatKindMigration } from './004-study-chat-kind.js';
import { deliveryLeasesMigration } from './005-delivery-leases.js';
import { dailyAnswersMigration } from './006-daily-answers.js';
import { questionLogMigration } from './007-question-log.js';

/**
 * Every schema migration, in order. A migration is never edited once released: add a new one.
 * Features append theirs here (subscriptions, study).
 */
export const MIGRATIONS: readonly Migration[] = [chatsMigration, subscriptionsMigration, studyMigration, studyChatKindMigration, deliveryLeasesMigration, dailyAnswersMigration, questionLogMigration];
