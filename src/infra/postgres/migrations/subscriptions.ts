import type { FeatureMigrations } from '../migrate.js';

/**
 * Daily posts: subscriptions, deliveries (one per chat and local date: the primary key makes a post happen
 * once; a claim carries its owner and lease), the rotations, the shared send pace, and the members' presses on
 * the question of the day.
 */
export const subscriptionsMigrations: FeatureMigrations = {
  feature: 'daily-posts',
  migrations: [
    {
      version: 1,
      name: 'subscriptions, deliveries, rotations, pace, presses',
      up: `
        CREATE TABLE subscriptions (
          platform TEXT NOT NULL,
          chat_id TEXT NOT NULL,
          post_minutes INTEGER NOT NULL CHECK (post_minutes BETWEEN 0 AND 1439),
          time_zone TEXT NOT NULL,
          active BOOLEAN NOT NULL DEFAULT true,
          start_date TEXT NOT NULL,
          changed_at BIGINT NOT NULL DEFAULT 0,
          last_local_date TEXT,
          is_group BOOLEAN NOT NULL DEFAULT false,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          PRIMARY KEY (platform, chat_id)
        );
        CREATE TABLE deliveries (
          platform TEXT NOT NULL,
          chat_id TEXT NOT NULL,
          local_date TEXT NOT NULL,
          due_at BIGINT NOT NULL,
          plan JSONB NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped')),
          is_group BOOLEAN NOT NULL DEFAULT false,
          claimed_at BIGINT NOT NULL,
          sent_at BIGINT,
          message_id TEXT,
          note TEXT,
          owner TEXT,
          lease_until BIGINT NOT NULL DEFAULT 0,
          PRIMARY KEY (platform, chat_id, local_date)
        );
        CREATE INDEX deliveries_unsent ON deliveries (lease_until) WHERE status = 'claimed';
        CREATE TABLE post_rotation (
          platform TEXT NOT NULL,
          chat_id TEXT NOT NULL,
          track TEXT NOT NULL,
          fact_id TEXT NOT NULL,
          shown_at BIGINT NOT NULL,
          PRIMARY KEY (platform, chat_id, track, fact_id)
        );
        CREATE TABLE send_pace (
          platform TEXT PRIMARY KEY,
          next_slot DOUBLE PRECISION NOT NULL
        );
        CREATE TABLE daily_answers (
          platform TEXT NOT NULL,
          user_id TEXT NOT NULL,
          local_date TEXT NOT NULL,
          chat_id TEXT NOT NULL,
          question_id TEXT NOT NULL,
          fact_id TEXT NOT NULL,
          choice INTEGER NOT NULL,
          correct BOOLEAN NOT NULL,
          topics JSONB NOT NULL,
          answered_at BIGINT NOT NULL,
          seq BIGSERIAL,
          PRIMARY KEY (platform, user_id, local_date)
        );
        CREATE INDEX daily_answers_user ON daily_answers (platform, user_id, answered_at);
      `,
    },
  ],
};
