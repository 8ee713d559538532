import type { Migration } from '../migrate.js';

/**
 * Members' presses on the question of the day: one per member, platform and date (every chat gets the same
 * question on a date), so answering in two chats counts once. `choice` -1 records "Show the answer" pressed
 * first. Version 6: version 5 is taken by the delivery leases of the daily-post schedule.
 */
export const dailyAnswersMigration: Migration = {
  version: 6,
  name: 'daily-answers',
  up: `
    CREATE TABLE daily_answers (
      platform TEXT NOT NULL,
      user_id TEXT NOT NULL,
      local_date TEXT NOT NULL,
      chat_id TEXT NOT NULL,
      question_id TEXT NOT NULL,
      fact_id TEXT NOT NULL,
      choice INTEGER NOT NULL,
      correct INTEGER NOT NULL,
      topics TEXT NOT NULL,
      answered_at INTEGER NOT NULL,
      PRIMARY KEY (platform, user_id, local_date)
    ) STRICT;
    CREATE INDEX daily_answers_user ON daily_answers (platform, user_id, answered_at);
  `,
};
