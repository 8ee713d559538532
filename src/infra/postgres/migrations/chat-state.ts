import type { FeatureMigrations } from '../migrate.js';

/**
 * The chat service's state that every instance must see: conversation contexts (follow-ups) and per-user
 * rate-limit windows, each with its expiry, and the webhook updates already handled.
 */
export const chatStateMigrations: FeatureMigrations = {
  feature: 'chat-state',
  migrations: [
    {
      version: 1,
      name: 'conversations, rate windows, seen updates',
      up: `
        CREATE TABLE conversations (
          chat_key TEXT PRIMARY KEY,
          context JSONB NOT NULL,
          expires_at BIGINT NOT NULL
        );
        CREATE INDEX conversations_expiry ON conversations (expires_at);
        CREATE TABLE rate_windows (
          key TEXT PRIMARY KEY,
          events JSONB NOT NULL,
          noticed_until BIGINT NOT NULL,
          expires_at BIGINT NOT NULL
        );
        CREATE INDEX rate_windows_expiry ON rate_windows (expires_at);
        CREATE TABLE seen_updates (
          source TEXT NOT NULL,
          update_id BIGINT NOT NULL,
          expires_at BIGINT NOT NULL,
          PRIMARY KEY (source, update_id)
        );
        CREATE INDEX seen_updates_expiry ON seen_updates (expires_at);
      `,
    },
  ],
};
