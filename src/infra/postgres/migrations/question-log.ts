import type { FeatureMigrations } from '../migrate.js';

/**
 * The question log (questions declined, guessed at, or marked "Not what I asked") and the feedback tickets
 * that let a press find its question. No user id, chat id or name: `asker` is a hash under a daily salt that is
 * never stored. `id` and `seq` only grow, so the cap deletes by number.
 */
export const questionLogMigrations: FeatureMigrations = {
  feature: 'question-log',
  migrations: [
    {
      version: 1,
      name: 'entries and tickets',
      up: `
        CREATE TABLE question_log (
          id BIGSERIAL PRIMARY KEY,
          text TEXT NOT NULL,
          lang TEXT NOT NULL CHECK (lang IN ('en', 'ru', 'kk')),
          status TEXT NOT NULL CHECK (status IN ('unknown', 'unsure', 'wrong')),
          fact_id TEXT,
          score DOUBLE PRECISION NOT NULL,
          platform TEXT NOT NULL,
          chat_kind TEXT NOT NULL CHECK (chat_kind IN ('private', 'group')),
          asker TEXT NOT NULL,
          ticket TEXT,
          asked_at BIGINT NOT NULL
        );
        CREATE INDEX question_log_asked_at ON question_log (asked_at);
        CREATE UNIQUE INDEX question_log_press ON question_log (ticket, asker) WHERE ticket IS NOT NULL;
        CREATE TABLE feedback_tickets (
          seq BIGSERIAL PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          text TEXT NOT NULL,
          lang TEXT NOT NULL,
          fact_id TEXT,
          score DOUBLE PRECISION NOT NULL,
          expires_at BIGINT NOT NULL
        );
        CREATE INDEX feedback_tickets_expires_at ON feedback_tickets (expires_at);
      `,
    },
  ],
};
