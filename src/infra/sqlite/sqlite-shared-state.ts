/** Conversations, rate-limit windows, handled updates and the send pace in SQLite (tables of migration 007). */
import type Database from 'better-sqlite3';
import type { ConversationRepository, StoredContext } from '../../core/chat/conversation-store.js';
import type { RateWindow, RateWindowRepository } from '../../core/chat/rate-limiter.js';
import type { SeenUpdateRepository } from '../../core/store/seen-updates.js';
import type { SendPaceRepository } from '../../core/subscriptions/send-pace.js';
import type { SqliteGate, Synchronous } from './gate.js';
import { contextSchema, eventsSchema } from '../sql/stored-json.js';

/** Conversation contexts; a context that does not parse counts as none (a follow-up becomes a new question). */
export class SqliteConversations implements Synchronous<ConversationRepository> {
  private readonly q;
  constructor(db: Database.Database) {
    this.q = {
      get: db.prepare<[string], { context: string; expires_at: number }>('SELECT context, expires_at FROM conversations WHERE chat_key = ?'),
      put: db.prepare(
        'INSERT INTO conversations (chat_key, context, expires_at) VALUES (?, ?, ?) ON CONFLICT (chat_key) DO UPDATE SET context = excluded.context, expires_at = excluded.expires_at',
      ),
      rename: db.prepare('UPDATE OR REPLACE conversations SET chat_key = ? WHERE chat_key = ?'),
      purge: db.prepare('DELETE FROM conversations WHERE expires_at <= ?'),
    };
  }

  get(chatKey: string): StoredContext | undefined {
    const row = this.q.get.get(chatKey);
    if (!row) return undefined;
    const context = contextSchema.safeParse(safeJson(row.context));
    return context.success ? { context: context.data, expiresAt: row.expires_at } : undefined;
  }

  put(chatKey: string, entry: StoredContext): void {
    this.q.put.run(chatKey, JSON.stringify(entry.context), entry.expiresAt);
  }

  rename(oldChatKey: string, newChatKey: string): void {
    this.q.rename.run(newChatKey, oldChatKey);
  }

  purge(now: number): number {
    return this.q.purge.run(now).changes;
  }
}

/** Rate-limit windows: each update reads and writes one row in one transaction of the single writer. */
export class SqliteRateWindows implements RateWindowRepository {
  private readonly q;
  constructor(
    private readonly db: Database.Database,
    private readonly gate: SqliteGate,
  ) {
    this.q = {
      get: db.prepare<[string], { events: string; noticed_until: number; expires_at: number }>('SELECT events, noticed_until, expires_at FROM rate_windows WHERE key = ?'),
      put: db.prepare(
        `INSERT INTO rate_windows (key, events, noticed_until, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET events = excluded.events, noticed_until = excluded.noticed_until, expires_at = excluded.expires_at`,
      ),
      purge: db.prepare('DELETE FROM rate_windows WHERE expires_at <= ?'),
    };
  }

  update<T>(key: string, decide: (window: RateWindow | undefined) => { window: RateWindow; result: T }): Promise<T> {
    return this.gate.run(() =>
      this.db.transaction(() => {
        const row = this.q.get.get(key);
        const events = row ? eventsSchema.safeParse(safeJson(row.events)) : undefined;
        const stored = row ? { events: events?.success ? events.data : [], noticedUntil: row.noticed_until, expiresAt: row.expires_at } : undefined;
        const { window, result } = decide(stored);
        this.q.put.run(key, JSON.stringify(window.events), window.noticedUntil, window.expiresAt);
        return result;
      })(),
    );
  }

  purge(now: number): Promise<number> {
    return this.gate.run(() => this.q.purge.run(now).changes);
  }
}

/** Handled updates: the primary key makes the first record win. */
export class SqliteSeenUpdates implements Synchronous<SeenUpdateRepository> {
  private readonly q;
  constructor(db: Database.Database) {
    this.q = {
      insert: db.prepare('INSERT INTO seen_updates (source, update_id, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
      purge: db.prepare('DELETE FROM seen_updates WHERE expires_at <= ?'),
    };
  }

  first(source: string, id: number, expiresAt: number): boolean {
    return this.q.insert.run(source, id, expiresAt).changes === 1;
  }

  purge(now: number): number {
    return this.q.purge.run(now).changes;
  }
}

/** The send pace: one row per platform, moved on by each reservation. */
export class SqliteSendPace implements Synchronous<SendPaceRepository> {
  private readonly q;
  constructor(db: Database.Database) {
    this.q = {
      reserve: db.prepare<{ platform: string; now: number; interval: number }, { next_slot: number }>(
        `INSERT INTO send_pace (platform, next_slot) VALUES (@platform, @now + @interval)
         ON CONFLICT (platform) DO UPDATE SET next_slot = MAX(send_pace.next_slot, @now) + @interval
         RETURNING next_slot`,
      ),
    };
  }

  reserve(platform: string, now: number, intervalMs: number): number {
    const row = this.q.reserve.get({ platform, now, interval: intervalMs });
    return (row?.next_slot ?? now + intervalMs) - intervalMs;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

