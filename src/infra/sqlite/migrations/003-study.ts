import type { Migration } from '../migrate.js';

/**
 * Study sessions, their answers and the members' review cards. One active session per chat and one answer
 * per member and question are enforced here, so concurrent presses cannot score twice.
 */
export const studyMigration: Migration = {
  version: 3,
  name: 'study',
  up: `
    CREATE TABLE study_sessions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      platform TEXT NOT NULL,
      chat_id TEXT NOT NULL,
      starter_id TEXT NOT NULL,
      lang TEXT NOT NULL,
      topic TEXT,
      questions TEXT NOT NULL,
      current INTEGER NOT NULL DEFAULT 0,
      round_opened_at INTEGER NOT NULL,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
      started_at INTEGER NOT NULL,
      ended_at INTEGER,
      bot_username TEXT
    ) STRICT;
    CREATE UNIQUE INDEX study_sessions_one_active ON study_sessions (platform, chat_id) WHERE status = 'active';

    CREATE TABLE study_answers (
      session_id INTEGER NOT NULL REFERENCES study_sessions (id) ON DELETE CASCADE,
      round INTEGER NOT NULL,
      platform TEXT NOT NULL,
      chat_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      user_name TEXT,
      choice INTEGER NOT NULL,
      correct INTEGER NOT NULL,
      fact_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      topics TEXT NOT NULL,
      answered_at INTEGER NOT NULL,
      PRIMARY KEY (session_id, round, user_id)
    ) STRICT;
    CREATE INDEX study_answers_chat ON study_answers (platform, chat_id, answered_at);
    CREATE INDEX study_answers_user ON study_answers (platform, user_id, answered_at);

    CREATE TABLE study_reviews (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      platform TEXT NOT NULL,
      user_id TEXT NOT NULL,
      fact_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      card TEXT NOT NULL,
      due INTEGER NOT NULL,
      reps INTEGER NOT NULL,
      UNIQUE (platform, user_id, fact_id, kind)
    ) STRICT;
    CREATE INDEX study_reviews_due ON study_reviews (platform, user_id, due);
  `,
};
