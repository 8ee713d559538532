import type { Migration } from '../migrate.js';

/**
 * State that several instances share on a server database, kept here too so that both stores pass one
 * contract suite: conversation contexts and rate-limit windows (with expiry), webhook updates already handled,
 * the fan-out's pace, and who runs each study session's deadline timer (a lease, like the delivery claims').
 * Sessions stored before this have no timer owner and an expired lease: the next sweep takes them. Version 8:
 * version 7 is the question log's.
 */
export const sharedStateMigration: Migration = {
  version: 8,
  name: 'shared-state',
  up: `
    CREATE TABLE conversations (
      chat_key TEXT PRIMARY KEY,
      context TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX conversations_expiry ON conversations (expires_at);
    CREATE TABLE rate_windows (
      key TEXT PRIMARY KEY,
      events TEXT NOT NULL,
      noticed_until INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX rate_windows_expiry ON rate_windows (expires_at);
    CREATE TABLE seen_updates (
      source TEXT NOT NULL,
      update_id INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      PRIMARY KEY (source, update_id)
    ) STRICT;
    CREATE INDEX seen_updates_expiry ON seen_updates (expires_at);
    CREATE TABLE send_pace (
      platform TEXT PRIMARY KEY,
      next_slot REAL NOT NULL
    ) STRICT;
    ALTER TABLE study_sessions ADD COLUMN timer_owner TEXT;
    ALTER TABLE study_sessions ADD COLUMN timer_lease_until INTEGER NOT NULL DEFAULT 0;
  `,
};
