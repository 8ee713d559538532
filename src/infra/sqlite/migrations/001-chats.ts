import type { Migration } from '../migrate.js';

/** Chats the bot knows: language and paused state. */
export const chatsMigration: Migration = {
  version: 1,
  name: 'chats',
  up: `
    CREATE TABLE chats (
      platform TEXT NOT NULL,
      chat_id TEXT NOT NULL,
      lang TEXT,
      paused INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      PRIMARY KEY (platform, chat_id)
    ) STRICT;
  `,
};
