import type { Migration } from '../migrate.js';

/**
 * The question log (questions declined, guessed at, or marked "Not what I asked") and the feedback tickets
 * that let a press find its question. No user id, chat id or name: `asker` is a hash under a daily salt that
 * is never stored. `id` and `seq` only grow (AUTOINCREMENT), so the newest rows are those with the highest
 * numbers and the cap deletes by number. Version 7: the next after main's 006.
 */
export const questionLogMigration: Migration = {
  version: 7,
  name: 'question-log',
  up: `
    CREATE TABLE question_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      text TEXT NOT NULL,
      lang TEXT NOT NULL CHECK (lang IN ('en', 'ru', 'kk')),
      status TEXT NOT NULL CHECK (status IN ('unknown', 'unsure', 'wrong')),
      fact_id TEXT,
      score REAL NOT NULL,
      platform TEXT NOT NULL,
      chat_kind TEXT NOT NULL CHECK (chat_kind IN ('private', 'group')),
      asker TEXT NOT NULL,
      ticket TEXT,
      asked_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX question_log_asked_at ON question_log (asked_at);
    CREATE UNIQUE INDEX question_log_press ON question_log (ticket, asker) WHERE ticket IS NOT NULL;
    CREATE TABLE feedback_tickets (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      text TEXT NOT NULL,
      lang TEXT NOT NULL,
      fact_id TEXT,
      score REAL NOT NULL,
      expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX feedback_tickets_expires_at ON feedback_tickets (expires_at);
  `,
};
