import type { Migration } from '../migrate.js';

/**
 * Whether a study session runs in a group or for one player (a private chat, the terminal): misses go to the
 * review queue only in a group, and a one-player reveal has no "how many got it right". Sessions stored before
 * this migration are guessed from their address: the terminal and Telegram's private chats (positive ids).
 */
export const studyChatKindMigration: Migration = {
  version: 4,
  name: 'study-chat-kind',
  up: `
    ALTER TABLE study_sessions ADD COLUMN chat_kind TEXT NOT NULL DEFAULT 'group' CHECK (chat_kind IN ('private', 'group'));
    UPDATE study_sessions SET chat_kind = 'private'
      WHERE platform = 'terminal' OR (platform = 'telegram' AND chat_id NOT LIKE '-%');
  `,
};
