import type { FeatureMigrations } from '../migrate.js';

/**
 * Study sessions, answers and review cards. One active session per chat and one answer per member and
 * question are enforced here, so presses arriving at several instances at once count once. The instance that
 * runs an open round's timer holds it with a lease (`timer_owner`, `timer_lease_until`).
 */
export const studyMigrations: FeatureMigrations = {
  feature: 'study',
  migrations: [
    {
      version: 1,
      name: 'sessions, answers, reviews, timer leases',
      up: `
        CREATE TABLE study_sessions (
          id BIGSERIAL PRIMARY KEY,
          platform TEXT NOT NULL,
          chat_id TEXT NOT NULL,
          starter_id TEXT NOT NULL,
          chat_kind TEXT NOT NULL DEFAULT 'group' CHECK (chat_kind IN ('private', 'group')),
          lang TEXT NOT NULL,
          topic TEXT,
          questions JSONB NOT NULL,
          current INTEGER NOT NULL DEFAULT 0,
          round_opened_at BIGINT NOT NULL,
          status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
          started_at BIGINT NOT NULL,
          ended_at BIGINT,
          bot_username TEXT,
          timer_owner TEXT,
          timer_lease_until BIGINT NOT NULL DEFAULT 0
        );
        CREATE UNIQUE INDEX study_sessions_one_active ON study_sessions (platform, chat_id) WHERE status = 'active';
        CREATE TABLE study_answers (
          session_id BIGINT NOT NULL REFERENCES study_sessions (id) ON DELETE CASCADE,
          round INTEGER NOT NULL,
          platform TEXT NOT NULL,
          chat_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          user_name TEXT,
          choice INTEGER NOT NULL,
          correct BOOLEAN NOT NULL,
          fact_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          topics JSONB NOT NULL,
          answered_at BIGINT NOT NULL,
          seq BIGSERIAL,
          PRIMARY KEY (session_id, round, user_id)
        );
        CREATE INDEX study_answers_chat ON study_answers (platform, chat_id, answered_at);
        CREATE INDEX study_answers_user ON study_answers (platform, user_id, answered_at);
        CREATE TABLE study_reviews (
          id BIGSERIAL PRIMARY KEY,
          platform TEXT NOT NULL,
          user_id TEXT NOT NULL,
          fact_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          card TEXT NOT NULL,
          due BIGINT NOT NULL,
          reps INTEGER NOT NULL,
          UNIQUE (platform, user_id, fact_id, kind)
        );
        CREATE INDEX study_reviews_due ON study_reviews (platform, user_id, due);
      `,
    },
  ],
};
