/**
 * A full disk after a send (the 838 posts to 100 chats): the store refuses the write that records a
 * sent daily post for four minutes. Each chat still gets its post exactly once, the fan-out stalls and says so
 * (/healthz 503, failed writes counted) while the store cannot write, and everything is recorded once it can.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dailyPostsHealth } from '../../src/core/subscriptions/daily-posts.js';
import { checkHealth } from '../../src/infra/http/ops-routes.js';
import { PrometheusMetrics } from '../../src/infra/metrics/prometheus-metrics.js';
import { openDatabase, SqliteStore } from '../../src/infra/sqlite/sqlite-store.js';
import { FakeClock, postingCore, request, runUntil } from '../subscriptions/support.js';
import { injectWriteFault } from './support/faulty-db.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a full disk after the send', () => {
  it('posts each of 100 chats once, stalls and reports it while the write fails, and records all once it can', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'disk-full-'));
    dirs.push(dir);
    const clock = FakeClock.at('2024-06-10T03:59:00Z');
    const healAt = Date.parse('2024-06-10T04:04:00Z');
    const metrics = new PrometheusMetrics({ processMetrics: false, platforms: ['telegram'] });
    const db = openDatabase(join(dir, 'bot.db'));
    // The write that marks a delivery sent fails as on a full disk, for four minutes.
    const fault = injectWriteFault(db, { code: 'SQLITE_FULL', match: /SET status = 'sent'/, active: () => clock.ms < healAt });
    const store = new SqliteStore(db, { onWriteFailure: (code) => metrics.storeWriteFailed(code) });
    const { core, messenger } = postingCore(clock, { store, metrics });
    const chats = Array.from({ length: 100 }, (_, i) => `-10${i}`);
    for (const id of chats) core.chat.command(request(id), 'subscribe', '09:00 Asia/Almaty');
    const health = () => checkHealth({ store, platforms: [], dailyPosts: () => dailyPostsHealth(core.dailyPosts) });

    clock.set('2024-06-10T04:00:00Z');
    await core.dailyPosts.scheduler!.tick();
    for (let i = 0; i < 10_000 && core.dailyPosts.queue!.recording === 'ok'; i++) await Promise.resolve();
    // The first post went out and could not be recorded: the fan-out waits, and the bot says so.
    expect(health()).toMatchObject({ status: 'unavailable', store: 'failing', storeError: 'SQLITE_FULL', dailyPosts: 'stalled' });
    const sentWhileFailing = messenger.sent.length;
    expect(sentWhileFailing).toBeLessThanOrEqual(3); // the posts already in flight, no more

    await runUntil(core, clock, '2024-06-10T04:30:00Z');
    const perChat = new Map<string, number>();
    for (const s of messenger.sent) perChat.set(s.to.chatId, (perChat.get(s.to.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(100);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    expect(store.subscriptions.listUnsent()).toEqual([]);
    expect(fault.failed()).toBeGreaterThan(0);
    expect(health()).toMatchObject({ status: 'ok', store: 'ok', dailyPosts: 'ok' });
    const text = (await metrics.expose()).body;
    expect(text).toMatch(/bot_store_write_failures_total\{code="SQLITE_FULL"\} [1-9]/);
    expect(text).toContain('bot_posts_total{platform="telegram",result="sent"} 100');
    store.close();
  });
});
