import type { Migration } from '../migrate.js';

/**
 * Daily posts: subscriptions (post time and zone per chat), deliveries (one row per chat and local date,
 * claimed before sending: the primary key is what makes a post happen once) and the per-chat rotations of
 * the fact and the question of the day.
 */
export const subscriptionsMigration: Migration = {
  version: 2,
  name: 'subscriptions',
  up: `
    CREATE TABLE subscriptions (
      platform TEXT NOT NULL,
      chat_id TEXT NOT NULL,
      post_minutes INTEGER NOT NULL CHECK (post_minutes BETWEEN 0 AND 1439),
      time_zone TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1,
      start_date TEXT NOT NULL,
      changed_at INTEGER NOT NULL DEFAULT 0,
      last_local_date TEXT,
      is_group INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      PRIMARY KEY (platform, chat_id)
    ) STRICT;
    CREATE TABLE deliveries (
      platform TEXT NOT NULL,
      chat_id TEXT NOT NULL,
      local_date TEXT NOT NULL,
      due_at INTEGER NOT NULL,
      plan TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'skipped')),
      is_group INTEGER NOT NULL DEFAULT 0,
      claimed_at INTEGER NOT NULL,
      sent_at INTEGER,
      message_id TEXT,
      note TEXT,
      PRIMARY KEY (platform, chat_id, local_date)
    ) STRICT;
    CREATE INDEX deliveries_unsent ON deliveries (status) WHERE status = 'claimed';
    CREATE TABLE post_rotation (
      platform TEXT NOT NULL,
      chat_id TEXT NOT NULL,
      track TEXT NOT NULL,
      fact_id TEXT NOT NULL,
      shown_at INTEGER NOT NULL,
      PRIMARY KEY (platform, chat_id, track, fact_id)
    ) STRICT;
  `,
};
