/**
 * Delivery of daily posts with a fake clock: exactly once per chat and local day, in every zone, through
 * downtime, crashes between claim and send, 429s, blocked chats and time-zone changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChatUnavailableError, RateLimitedError } from '../../src/core/messenger.js';
import { planFactIds } from '../../src/core/subscriptions/post-composer.js';
import { SqliteStore, openDatabase } from '../../src/infra/sqlite/sqlite-store.js';
import { FakeClock, postingCore, request, runUntil } from './support.js';

const tg = (chatId: string) => ({ platform: 'telegram' as const, chatId });

describe('the daily post scheduler', () => {
  it('posts once to a chat at 09:00 Asia/Almaty, at 04:00 UTC', async () => {
    const clock = FakeClock.at('2024-06-10T00:00:00Z');
    const { core, messenger } = postingCore(clock);
    core.chat.command(request('-100'), 'subscribe', '09:00 Asia/Almaty');
    await runUntil(core, clock, '2024-06-10T23:59:00Z');
    expect(messenger.to('-100').map((s) => s.at)).toEqual(['2024-06-10T04:00:00.000Z']);
  });

  it('posts at 09:00 local time in several zones, once a day each', async () => {
    const clock = FakeClock.at('2024-06-09T20:00:00Z');
    const { core, messenger } = postingCore(clock);
    const zones = { a: 'Asia/Almaty', m: 'Europe/Moscow', n: 'America/New_York', t: 'Asia/Tokyo', k: 'Asia/Kathmandu' };
    for (const [id, zone] of Object.entries(zones)) core.chat.command(request(id), 'subscribe', `09:00 ${zone}`);
    await runUntil(core, clock, '2024-06-11T19:59:00Z');
    expect(messenger.to('a').map((s) => s.at)).toEqual(['2024-06-10T04:00:00.000Z', '2024-06-11T04:00:00.000Z']);
    expect(messenger.to('m').map((s) => s.at)).toEqual(['2024-06-10T06:00:00.000Z', '2024-06-11T06:00:00.000Z']);
    expect(messenger.to('n').map((s) => s.at)).toEqual(['2024-06-10T13:00:00.000Z', '2024-06-11T13:00:00.000Z']);
    expect(messenger.to('t').map((s) => s.at)).toEqual(['2024-06-10T00:00:00.000Z', '2024-06-11T00:00:00.000Z']);
    expect(messenger.to('k').map((s) => s.at)).toEqual(['2024-06-10T03:15:00.000Z', '2024-06-11T03:15:00.000Z']);
  });

  it('does not post for a time already past when subscribing, and starts the next day', async () => {
    const clock = FakeClock.at('2024-06-10T05:00:00Z'); // 10:00 in Almaty
    const { core, messenger } = postingCore(clock);
    core.chat.command(request('c'), 'subscribe', '09:00');
    await runUntil(core, clock, '2024-06-11T04:30:00Z');
    expect(messenger.to('c').map((s) => s.at)).toEqual(['2024-06-11T04:00:00.000Z']);
  });

  it('catches up a post missed by downtime within POST_CATCH_UP_HOURS, and skips an older one', async () => {
    const clock = FakeClock.at('2024-06-09T20:00:00Z');
    const { core, messenger } = postingCore(clock, { catchUpHours: 3 });
    core.chat.command(request('c'), 'subscribe', '09:00 Asia/Almaty');
    // Down from before 04:00 until 06:30 UTC: 2.5 hours late, still posted.
    clock.set('2024-06-10T06:30:00Z');
    await runUntil(core, clock, '2024-06-10T06:31:00Z');
    expect(messenger.to('c').map((s) => s.at)).toEqual(['2024-06-10T06:30:00.000Z']);
    // Down over the next post time until 4 hours after it: skipped; the day after comes on time.
    clock.set('2024-06-11T08:00:00Z');
    await runUntil(core, clock, '2024-06-12T04:00:00Z');
    expect(messenger.to('c').map((s) => s.at)).toEqual(['2024-06-10T06:30:00.000Z', '2024-06-12T04:00:00.000Z']);
  });

  it('a crash between claim and send leads to no duplicate and no loss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'posts-'));
    try {
      const db = join(dir, 'bot.db');
      const clock = FakeClock.at('2024-06-10T03:59:00Z');
      const first = postingCore(clock, { db });
      const chats = Array.from({ length: 40 }, (_, i) => `g${i}`);
      for (const id of chats) first.core.chat.command(request(id), 'subscribe', '09:00 Asia/Almaty');
      // The first process delivers 15 posts, then dies while sending the rest.
      first.messenger.fail = () => (first.messenger.sent.length >= 15 ? ((first.messenger.hang = true), undefined) : undefined);
      clock.set('2024-06-10T04:00:00Z');
      await first.core.dailyPosts.scheduler!.tick();
      for (let i = 0; i < 50; i++) await Promise.resolve();
      const delivered = first.messenger.sent.length;
      expect(delivered).toBeGreaterThanOrEqual(15);
      expect(delivered).toBeLessThan(40);
      (first.store as SqliteStore).db.close();

      // The restarted process: same database file, a minute later.
      clock.set('2024-06-10T04:01:00Z');
      const second = postingCore(clock, { store: new SqliteStore(openDatabase(db)) });
      await runUntil(second.core, clock, '2024-06-10T05:00:00Z');
      const all = [...first.messenger.sent, ...second.messenger.sent].map((s) => s.to.chatId);
      expect(all.sort()).toEqual([...chats].sort());
      expect(second.store.subscriptions.listUnsent()).toEqual([]);
      (second.store as SqliteStore).db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips, rather than sends, a claimed post older than the catch-up window after a restart', async () => {
    const clock = FakeClock.at('2024-06-10T03:59:00Z');
    const { core, messenger, store } = postingCore(clock, { catchUpHours: 2 });
    core.chat.command(request('c'), 'subscribe', '09:00 Asia/Almaty');
    messenger.hang = true;
    clock.set('2024-06-10T04:00:00Z');
    await core.dailyPosts.scheduler!.tick();
    const restarted = postingCore(clock, { store, catchUpHours: 2 });
    clock.set('2024-06-10T07:00:00Z');
    const result = await restarted.core.dailyPosts.scheduler!.tick();
    expect(result.skipped).toBe(1);
    expect(restarted.messenger.sent).toEqual([]);
    expect(store.subscriptions.recent(tg('c'), 1)[0]?.status).toBe('skipped');
  });

  it('waits retry_after when rate limited (429), then sends', async () => {
    const clock = FakeClock.at('2024-06-10T03:59:00Z');
    const { core, messenger } = postingCore(clock);
    for (const id of ['x', 'y', 'z']) core.chat.command(request(id), 'subscribe', '09:00');
    messenger.fail = (to, attempt) => (to.chatId === 'x' && attempt === 1 ? new RateLimitedError(7_000) : undefined);
    await runUntil(core, clock, '2024-06-10T04:00:00Z');
    const times = messenger.sent.map((s) => `${s.to.chatId}@${s.at}`);
    expect(messenger.sent.map((s) => s.to.chatId).sort()).toEqual(['x', 'y', 'z']);
    // Nothing went out during the 7 seconds after the 429.
    const x = messenger.to('x')[0]!;
    expect(Date.parse(x.at) - Date.parse('2024-06-10T04:00:00Z')).toBeGreaterThanOrEqual(7_000);
    expect(times.length).toBe(3);
    expect(core.dailyPosts.queue!.stats.rateLimited).toBe(1);
  });

  it('pauses a chat that blocked the bot and stops posting there', async () => {
    const clock = FakeClock.at('2024-06-10T03:59:00Z');
    const { core, messenger, store } = postingCore(clock);
    core.chat.command(request('gone'), 'subscribe', '09:00');
    core.chat.command(request('ok'), 'subscribe', '09:00');
    let attempts = 0;
    messenger.fail = (to) => (to.chatId === 'gone' ? (attempts++, new ChatUnavailableError(to, 'telegram 403')) : undefined);
    await runUntil(core, clock, '2024-06-12T05:00:00Z');
    expect(attempts).toBe(1);
    expect(store.chats.get(tg('gone'))?.paused).toBe(true);
    expect(store.subscriptions.get(tg('gone'))?.active).toBe(false);
    expect(messenger.to('ok')).toHaveLength(3);
  });

  it('retries a transient failure and then at the next tick, never twice in a day', async () => {
    const clock = FakeClock.at('2024-06-10T03:59:00Z');
    const { core, messenger } = postingCore(clock);
    core.chat.command(request('flaky'), 'subscribe', '09:00');
    messenger.fail = (_to, attempt) => (attempt <= 4 ? new Error('ECONNRESET') : undefined);
    await runUntil(core, clock, '2024-06-10T23:00:00Z');
    expect(messenger.to('flaky')).toHaveLength(1);
  });

  describe('time-zone changes across midnight', () => {
    it('moving west after the post: no second post for the same day', async () => {
      const clock = FakeClock.at('2024-06-10T03:00:00Z');
      const { core, messenger } = postingCore(clock);
      core.chat.command(request('c'), 'subscribe', '09:00 Asia/Almaty');
      await runUntil(core, clock, '2024-06-10T05:00:00Z'); // posted 10 June (Almaty)
      core.chat.command(request('c'), 'settings', 'zone America/Los_Angeles'); // it is 9 June, 22:00 there
      await runUntil(core, clock, '2024-06-11T23:59:00Z');
      // 10 June in Los Angeles had its post already; 11 June comes at 09:00 there (16:00 UTC).
      expect(messenger.to('c').map((s) => s.at)).toEqual(['2024-06-10T04:00:00.000Z', '2024-06-11T16:00:00.000Z']);
    });

    it('moving east past midnight: the new day still gets its post', async () => {
      const clock = FakeClock.at('2024-06-09T15:00:00Z');
      const { core, messenger } = postingCore(clock);
      core.chat.command(request('c'), 'subscribe', '09:00 America/Los_Angeles');
      await runUntil(core, clock, '2024-06-09T20:00:00Z'); // posted 9 June at 16:00 UTC
      core.chat.command(request('c'), 'settings', 'zone Asia/Almaty'); // 10 June, 01:00 there
      await runUntil(core, clock, '2024-06-10T23:00:00Z');
      expect(messenger.to('c').map((s) => s.at)).toEqual(['2024-06-09T16:00:00.000Z', '2024-06-10T04:00:00.000Z']);
    });

    it('moving to a zone where the post time has passed today: posted at once, not lost', async () => {
      const clock = FakeClock.at('2024-06-10T03:30:00Z'); // 08:30 in Almaty, not posted yet
      const { core, messenger } = postingCore(clock);
      core.chat.command(request('c'), 'subscribe', '09:00 Asia/Almaty');
      core.chat.command(request('c'), 'settings', 'zone Asia/Tokyo'); // 12:30 there: 09:00 passed
      await runUntil(core, clock, '2024-06-10T23:00:00Z');
      expect(messenger.to('c').map((s) => s.at)).toEqual(['2024-06-10T03:30:00.000Z']);
    });
  });

  it('paces Telegram to TELEGRAM_POSTS_PER_SECOND', async () => {
    const clock = FakeClock.at('2024-06-10T03:59:00Z');
    const { core, messenger } = postingCore(clock, { rate: 10, concurrency: 1 });
    for (let i = 0; i < 50; i++) core.chat.command(request(`p${i}`), 'subscribe', '09:00');
    await runUntil(core, clock, '2024-06-10T04:00:00Z');
    const times = messenger.sent.map((s) => Date.parse(s.at));
    expect(times).toHaveLength(50);
    // 50 messages at 10 a second: the last goes out no sooner than 4.9 seconds after the first.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(4_900);
    for (let i = 10; i < times.length; i++) expect(times[i]! - times[i - 10]!).toBeGreaterThanOrEqual(999);
  });

  it('never shows the same thing two days running, and every fact before any repeats', async () => {
    const clock = FakeClock.at('2024-01-01T00:00:00Z');
    const { core, store } = postingCore(clock);
    core.chat.command(request('r'), 'subscribe', '09:00 Asia/Almaty');
    // One tick a day at the post time is enough here (a year of minutes would be slow).
    for (let day = 0; day < 366; day++) {
      clock.ms = Date.parse('2024-01-01T04:00:00Z') + day * 86_400_000;
      await core.dailyPosts.scheduler!.tick();
      await core.dailyPosts.queue!.drain();
    }
    const deliveries = store.subscriptions.recent(tg('r'), 400).reverse();
    expect(deliveries).toHaveLength(366);
    for (let i = 1; i < deliveries.length; i++) {
      const today = new Set(planFactIds(deliveries[i]!.plan));
      expect(planFactIds(deliveries[i - 1]!.plan).filter((id) => today.has(id))).toEqual([]);
    }
    const factsOfTheDay = deliveries.flatMap((d) => (d.plan.kind === 'fact' ? [d.plan.factId] : []));
    const firstRound = factsOfTheDay.slice(0, Math.min(factsOfTheDay.length, core.dailyPosts.composer.rotationSize - 5));
    expect(new Set(firstRound).size).toBe(firstRound.length);
    // On the referendum's anniversary, the post is about the referendum.
    const june5 = deliveries.find((d) => d.localDate === '2024-06-05')!;
    expect(june5.plan.kind).toBe('events');
    expect(planFactIds(june5.plan)).toContain('referendum-june-5');
  });
});
