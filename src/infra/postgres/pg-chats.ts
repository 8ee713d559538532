import { LANGS, type Lang } from '../../core/facts/schema.js';
import type { ChatAddress } from '../../core/messenger.js';
import type { ChatSettings, ChatSettingsRepository } from '../../core/store/chat-settings.js';
import type { Lease, LeaseRepository } from '../../core/store/leases.js';
import type { PgDb } from './pg-db.js';

/** Chat settings in PostgreSQL. */
export class PgChatSettings implements ChatSettingsRepository {
  constructor(private readonly db: PgDb) {}

  async get(address: ChatAddress): Promise<ChatSettings | undefined> {
    const { rows } = await this.db.query<{ lang: string | null; paused: boolean }>('SELECT lang, paused FROM chats WHERE platform = $1 AND chat_id = $2', [
      address.platform,
      address.chatId,
    ]);
    const row = rows[0];
    if (!row) return undefined;
    const lang = LANGS.find((l) => l === row.lang);
    return { address, ...(lang ? { lang } : {}), paused: row.paused };
  }

  async setLang(address: ChatAddress, lang: Lang | undefined): Promise<void> {
    await this.db.query(
      `INSERT INTO chats (platform, chat_id, lang) VALUES ($1, $2, $3)
       ON CONFLICT (platform, chat_id) DO UPDATE SET lang = excluded.lang, updated_at = now()`,
      [address.platform, address.chatId, lang ?? null],
    );
  }

  async setPaused(address: ChatAddress, paused: boolean): Promise<void> {
    await this.db.query(
      `INSERT INTO chats (platform, chat_id, paused) VALUES ($1, $2, $3)
       ON CONFLICT (platform, chat_id) DO UPDATE SET paused = excluded.paused, updated_at = now()`,
      [address.platform, address.chatId, paused],
    );
  }

  moveChat(from: ChatAddress, toChatId: string): Promise<void> {
    return this.db.transaction(() => moveRows(this.db, 'chats', [], from, toChatId));
  }
}

/**
 * Moves a table's rows of chat `from` to `toChatId`, replacing the rows the new id already has under the same
 * key (`keyColumns`: the primary key's columns besides platform and chat id), as SQLite's UPDATE OR REPLACE does.
 */
export async function moveRows(db: PgDb, table: string, keyColumns: readonly string[], from: ChatAddress, toChatId: string): Promise<void> {
  const same = keyColumns.map((c) => `AND t.${c} = s.${c}`).join(' ');
  await db.query(
    `DELETE FROM ${table} t WHERE t.platform = $1 AND t.chat_id = $3
       AND EXISTS (SELECT 1 FROM ${table} s WHERE s.platform = $1 AND s.chat_id = $2 ${same})`,
    [from.platform, from.chatId, toChatId],
  );
  await db.query(`UPDATE ${table} SET chat_id = $3 WHERE platform = $1 AND chat_id = $2`, [from.platform, from.chatId, toChatId]);
}

/** Named leases in PostgreSQL: a row changes hands only when expired (or renewed by its owner), in one statement. */
export class PgLeases implements LeaseRepository {
  constructor(private readonly db: PgDb) {}

  acquire(name: string, owner: string, now: number, until: number): Promise<Lease> {
    return this.db.transaction(async () => {
      await this.db.query(
        `INSERT INTO leases (name, owner, expires_at, acquired_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at,
           acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at ELSE excluded.acquired_at END
         WHERE leases.owner = excluded.owner OR leases.expires_at <= $4`,
        [name, owner, until, now],
      );
      const { rows } = await this.db.query<{ owner: string; expires_at: number }>('SELECT owner, expires_at FROM leases WHERE name = $1', [name]);
      const row = rows[0];
      return row ? { name, owner: row.owner, expiresAt: row.expires_at } : { name, owner, expiresAt: until };
    });
  }

  async release(name: string, owner: string): Promise<void> {
    await this.db.query('UPDATE leases SET expires_at = 0 WHERE name = $1 AND owner = $2', [name, owner]);
  }
}
