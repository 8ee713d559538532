import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore, openDatabase } from '../../src/infra/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../src/infra/sqlite/migrations/index.js';

describe('SQLite store', () => {
  it('runs every migration at open, in WAL mode, and again not at all', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'bot.db');
    const db = openDatabase(`file:${path}`);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const newest = Math.max(...MIGRATIONS.map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(newest);
    db.close();
    const again = openDatabase(path);
    expect(again.pragma('user_version', { simple: true })).toBe(newest);
    again.close();
  });

  it('keeps chat settings and moves them with a migrated chat', () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    const chat = { platform: 'telegram' as const, chatId: '-100' };
    store.chats.setLang(chat, 'kk');
    store.chats.setPaused(chat, true);
    expect(store.chats.get(chat)).toEqual({ address: chat, lang: 'kk', paused: true });
    store.chats.migrate(chat, '-100200');
    expect(store.chats.get(chat)).toBeUndefined();
    expect(store.chats.get({ platform: 'telegram', chatId: '-100200' })?.lang).toBe('kk');
    expect(store.ping()).toBe(true);
    store.close();
    expect(store.ping()).toBe(false);
  });

  it('rolls a failed transaction back whole', () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    const chat = { platform: 'discord' as const, chatId: '1' };
    expect(() =>
      store.transaction(() => {
        store.chats.setLang(chat, 'ru');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.chats.get(chat)).toBeUndefined();
  });

  it('says it cannot write when the database is full, though a tiny probe write still fits, until a write succeeds', () => {
    const codes: string[] = [];
    const store = new SqliteStore(openDatabase(join(mkdtempSync(join(tmpdir(), 'store-')), 'bot.db')), { onWriteFailure: (code) => codes.push(code) });
    expect(store.checkWrite()).toEqual({ ok: true });
    // A database that may not grow: SQLite answers SQLITE_FULL, as on a full disk.
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);
    const chat = (i: number) => ({ platform: 'telegram' as const, chatId: `-${i}` });
    expect(() => {
      for (let i = 0; i < 10_000; i++) store.chats.setLang(chat(i), 'ru');
    }).toThrow(/full/);
    expect(store.checkWrite()).toEqual({ ok: false, reason: 'SQLITE_FULL' });
    expect(codes).toEqual(['SQLITE_FULL']);
    store.db.pragma('max_page_count = 1000000');
    store.chats.setLang(chat(1), 'kk');
    expect(store.checkWrite()).toEqual({ ok: true });
    store.close();
  });

  it('says it cannot write when the connection is read-only', () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    store.db.pragma('query_only = ON');
    expect(store.checkWrite()).toEqual({ ok: false, reason: 'SQLITE_READONLY' });
    expect(store.ping()).toBe(true);
    store.close();
  });
});
