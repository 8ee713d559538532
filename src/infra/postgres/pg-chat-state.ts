/** Conversations, rate-limit windows, handled updates and the send pace in PostgreSQL, seen by every instance. */
import type { ConversationRepository, StoredContext } from '../../core/chat/conversation-store.js';
import type { RateWindow, RateWindowRepository } from '../../core/chat/rate-limiter.js';
import type { SeenUpdateRepository } from '../../core/store/seen-updates.js';
import type { SendPaceRepository } from '../../core/subscriptions/send-pace.js';
import { contextSchema, eventsSchema } from '../sql/stored-json.js';
import type { PgDb } from './pg-db.js';

/** Conversation contexts; one that does not parse counts as none (a follow-up becomes a new question). */
export class PgConversations implements ConversationRepository {
  constructor(private readonly db: PgDb) {}

  async get(chatKey: string): Promise<StoredContext | undefined> {
    const { rows } = await this.db.query<{ context: unknown; expires_at: number }>('SELECT context, expires_at FROM conversations WHERE chat_key = $1', [chatKey]);
    const row = rows[0];
    if (!row) return undefined;
    const context = contextSchema.safeParse(row.context);
    return context.success ? { context: context.data, expiresAt: row.expires_at } : undefined;
  }

  async put(chatKey: string, entry: StoredContext): Promise<void> {
    await this.db.query(
      `INSERT INTO conversations (chat_key, context, expires_at) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (chat_key) DO UPDATE SET context = excluded.context, expires_at = excluded.expires_at`,
      [chatKey, JSON.stringify(entry.context), entry.expiresAt],
    );
  }

  rename(oldChatKey: string, newChatKey: string): Promise<void> {
    return this.db.transaction(async () => {
      const moved = await this.db.query('SELECT 1 FROM conversations WHERE chat_key = $1', [oldChatKey]);
      if (moved.rowCount === 0) return;
      await this.db.query('DELETE FROM conversations WHERE chat_key = $1', [newChatKey]);
      await this.db.query('UPDATE conversations SET chat_key = $2 WHERE chat_key = $1', [oldChatKey, newChatKey]);
    });
  }

  async purge(now: number): Promise<number> {
    return (await this.db.query('DELETE FROM conversations WHERE expires_at <= $1', [now])).rowCount ?? 0;
  }
}

/** Rate-limit windows: each update locks its row, so two instances counting one user's messages add up. */
export class PgRateWindows implements RateWindowRepository {
  constructor(private readonly db: PgDb) {}

  update<T>(key: string, decide: (window: RateWindow | undefined) => { window: RateWindow; result: T }): Promise<T> {
    return this.db.transaction(async () => {
      // The row exists before it is locked: two instances counting a user's first message wait for each other.
      await this.db.query(`INSERT INTO rate_windows (key, events, noticed_until, expires_at) VALUES ($1, '[]', 0, 0) ON CONFLICT DO NOTHING`, [key]);
      const { rows } = await this.db.query<{ events: unknown; noticed_until: number; expires_at: number }>(
        'SELECT events, noticed_until, expires_at FROM rate_windows WHERE key = $1 FOR UPDATE',
        [key],
      );
      const row = rows[0];
      const events = row ? eventsSchema.safeParse(row.events) : undefined;
      const { window, result } = decide(row ? { events: events?.success ? events.data : [], noticedUntil: row.noticed_until, expiresAt: row.expires_at } : undefined);
      await this.db.query('UPDATE rate_windows SET events = $2::jsonb, noticed_until = $3, expires_at = $4 WHERE key = $1', [
        key,
        JSON.stringify(window.events),
        window.noticedUntil,
        window.expiresAt,
      ]);
      return result;
    });
  }

  async purge(now: number): Promise<number> {
    return (await this.db.query('DELETE FROM rate_windows WHERE expires_at <= $1', [now])).rowCount ?? 0;
  }
}

/** Handled updates: the primary key makes the first instance's record win. */
export class PgSeenUpdates implements SeenUpdateRepository {
  constructor(private readonly db: PgDb) {}

  async first(source: string, id: number, expiresAt: number): Promise<boolean> {
    const result = await this.db.query('INSERT INTO seen_updates (source, update_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [source, id, expiresAt]);
    return result.rowCount === 1;
  }

  async purge(now: number): Promise<number> {
    return (await this.db.query('DELETE FROM seen_updates WHERE expires_at <= $1', [now])).rowCount ?? 0;
  }
}

/** The send pace: one row per platform, moved on atomically by each reservation of any instance. */
export class PgSendPace implements SendPaceRepository {
  constructor(private readonly db: PgDb) {}

  async reserve(platform: string, now: number, intervalMs: number): Promise<number> {
    const { rows } = await this.db.query<{ next_slot: number }>(
      `INSERT INTO send_pace (platform, next_slot) VALUES ($1, $2::double precision + $3::double precision)
       ON CONFLICT (platform) DO UPDATE SET next_slot = GREATEST(send_pace.next_slot, $2::double precision) + $3::double precision
       RETURNING next_slot`,
      [platform, now, intervalMs],
    );
    return (rows[0]?.next_slot ?? now + intervalMs) - intervalMs;
  }
}
