/**
 * A database that stops taking writes (read-only) or whose pages are corrupt, while the bot runs: nothing is
 * posted twice or lost, /healthz says 503 and names the fault, the metrics count the failed writes, and the
 * daily posts go out once the database is writable again.
 */
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dailyPostsHealth } from '../../src/core/subscriptions/daily-posts.js';
import { checkHealth } from '../../src/infra/http/ops-routes.js';
import { PrometheusMetrics } from '../../src/infra/metrics/prometheus-metrics.js';
import { openDatabase, SqliteStore } from '../../src/infra/sqlite/sqlite-store.js';
import { FakeClock, postingCore, request, runUntil } from '../subscriptions/support.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'db-faults-'));
  dirs.push(dir);
  return join(dir, 'bot.db');
}

describe('database faults while the bot runs', () => {
  it('read-only: nothing is posted (or doubled) while claims cannot be written; the bot says so; all post once it is writable', async () => {
    const clock = FakeClock.at('2024-06-10T03:59:00Z');
    const metrics = new PrometheusMetrics({ processMetrics: false, platforms: ['telegram'] });
    const store = new SqliteStore(openDatabase(dbFile()), { onWriteFailure: (code) => metrics.storeWriteFailed(code) });
    const { core, messenger } = postingCore(clock, { store, metrics });
    for (let i = 0; i < 10; i++) core.chat.command(request(`-5${i}`), 'subscribe', '09:00');
    const health = () => checkHealth({ store, platforms: [], dailyPosts: () => dailyPostsHealth(core.dailyPosts) });

    store.db.pragma('query_only = ON'); // the file became read-only
    clock.set('2024-06-10T04:00:00Z');
    await expect(core.dailyPosts.scheduler!.tick()).rejects.toThrow(/readonly/i);
    expect(() => core.chat.command(request('-60'), 'subscribe', '09:00')).toThrow(/readonly/i);
    expect(messenger.sent).toEqual([]);
    expect(health()).toMatchObject({ status: 'unavailable', store: 'failing', storeError: 'SQLITE_READONLY' });
    expect((await metrics.expose()).body).toMatch(/bot_store_write_failures_total\{code="SQLITE_READONLY"\} [1-9]/);

    store.db.pragma('query_only = OFF');
    clock.set('2024-06-10T04:05:00Z');
    await runUntil(core, clock, '2024-06-10T05:00:00Z');
    expect(messenger.sent).toHaveLength(10);
    expect(new Set(messenger.sent.map((s) => s.to.chatId)).size).toBe(10);
    expect(health()).toMatchObject({ status: 'ok', store: 'ok' });
  });

  it('corrupt pages: the tick fails without posting, and /healthz names the corruption', async () => {
    const file = dbFile();
    const setup = new SqliteStore(openDatabase(file));
    setup.transaction(() => {
      for (let i = 0; i < 300; i++)
        setup.subscriptions.save({ address: { platform: 'telegram', chatId: String(-i) }, postMinutes: 540, timeZone: 'Asia/Almaty', startDate: '2024-06-10', changedAt: 0, group: true });
    });
    setup.db.pragma('wal_checkpoint(TRUNCATE)');
    const root = (setup.db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'subscriptions'").get() as { rootpage: number }).rootpage;
    const pageSize = setup.db.pragma('page_size', { simple: true }) as number;
    setup.close();
    // Garbage over the subscriptions table's root page, as a failing disk would leave it.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);

    const clock = FakeClock.at('2024-06-10T04:00:00Z');
    const store = new SqliteStore(openDatabase(file));
    const { core, messenger } = postingCore(clock, { store });
    await expect(core.dailyPosts.scheduler!.tick()).rejects.toThrow(/malformed/);
    expect(messenger.sent).toEqual([]);
    expect(checkHealth({ store, platforms: [] })).toMatchObject({ status: 'unavailable', store: 'failing', storeError: expect.stringMatching(/^SQLITE_CORRUPT/) as unknown });
    store.close();
  });
});
