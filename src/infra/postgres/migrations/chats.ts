import type { FeatureMigrations } from '../migrate.js';

/** Chat settings (language, paused) and the leases of whole processes (the schedule, the Telegram poller). */
export const chatsMigrations: FeatureMigrations = {
  feature: 'chats',
  migrations: [
    {
      version: 1,
      name: 'chats and leases',
      up: `
        CREATE TABLE chats (
          platform TEXT NOT NULL,
          chat_id TEXT NOT NULL,
          lang TEXT,
          paused BOOLEAN NOT NULL DEFAULT false,
          updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          PRIMARY KEY (platform, chat_id)
        );
        CREATE TABLE leases (
          name TEXT PRIMARY KEY,
          owner TEXT NOT NULL,
          expires_at BIGINT NOT NULL,
          acquired_at BIGINT NOT NULL
        );
      `,
    },
  ],
};
