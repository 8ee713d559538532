/**
 * Two processes on one SQLite file (two store instances here; test/faults/second-instance.test.ts runs two real
 * processes): claims carry an owner and a lease, so a live owner's posts are never sent by the other, and a
 * crashed owner's are taken over once its lease has expired.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEASE_MS } from '../../src/core/subscriptions/scheduler.js';
import { SqliteStore, openDatabase } from '../../src/infra/sqlite/sqlite-store.js';
import { capturingLogger } from '../telegram/support/logger.js';
import { FakeClock, postingCore, request } from './support.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'owners-'));
  dirs.push(dir);
  return join(dir, 'bot.db');
}

const CHATS = Array.from({ length: 60 }, (_, i) => `c${i}`);

/** Two processes' cores on one database file, with the chats subscribed to 09:00 Almaty (04:00 UTC). */
function twoInstances(options: { exclusive?: boolean } = {}) {
  const db = dbFile();
  const clock = FakeClock.at('2024-06-10T03:59:00Z');
  const logger = capturingLogger();
  const a = postingCore(clock, { db, instanceId: 'host-a:1', exclusive: options.exclusive, concurrency: 3 });
  const b = postingCore(clock, { store: new SqliteStore(openDatabase(db)), instanceId: 'host-b:2', exclusive: options.exclusive, logger });
  for (const id of CHATS) a.core.chat.command(request(id), 'subscribe', '09:00 Asia/Almaty');
  return { clock, a, b, logger };
}

/** Posts per chat over both messengers. */
function perChat(...sent: { to: { chatId: string } }[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of sent) for (const s of list) counts.set(s.to.chatId, (counts.get(s.to.chatId) ?? 0) + 1);
  return counts;
}

describe('owners and leases of daily-post claims', () => {
  it('a second instance on the same SQLite file stands by (logged once) while the first runs the schedule', async () => {
    const { clock, a, b, logger } = twoInstances();
    clock.set('2024-06-10T04:00:00Z');
    for (let minute = 0; minute < 5; minute++) {
      await a.core.dailyPosts.scheduler!.tick();
      expect((await b.core.dailyPosts.scheduler!.tick()).standby).toBe(true);
      await a.core.dailyPosts.queue!.drain();
      clock.ms = Date.parse('2024-06-10T04:00:00Z') + (minute + 1) * 60_000;
    }
    expect(b.messenger.sent).toEqual([]);
    expect([...perChat(a.messenger.sent).values()].every((n) => n === 1)).toBe(true);
    expect(perChat(a.messenger.sent).size).toBe(CHATS.length);
    expect(b.core.dailyPosts.scheduler!.state).toBe('standby');
    expect(logger.entries.filter((e) => /standing by/.test(e.msg ?? ''))).toHaveLength(1);
  });

  for (const exclusive of [true, false]) {
    it(`a live owner's unsent claims are never sent by the other; a crashed owner's are, once, after the lease (exclusive: ${exclusive})`, async () => {
      const { clock, a, b } = twoInstances({ exclusive });
      // The first process claims every chat, delivers 20 posts, then its sends hang: alive, slow.
      a.messenger.fail = () => (a.messenger.sent.length >= 20 ? ((a.messenger.hang = true), undefined) : undefined);
      clock.set('2024-06-10T04:00:00Z');
      await a.core.dailyPosts.scheduler!.tick();
      // Wait until its sends hang and what it delivered is recorded.
      await until(() => a.messenger.hang && b.store.subscriptions.listUnsent().length === CHATS.length - a.messenger.sent.length);
      const delivered = a.messenger.sent.length;
      expect(delivered).toBeGreaterThanOrEqual(20);

      // Ten minutes on, both ticking every minute: the first renews its leases, the second sends nothing.
      for (let minute = 1; minute <= 10; minute++) {
        clock.set(new Date(Date.parse('2024-06-10T04:00:00Z') + minute * 60_000).toISOString());
        await a.core.dailyPosts.scheduler!.tick();
        await b.core.dailyPosts.scheduler!.tick();
        await b.core.dailyPosts.queue!.drain();
      }
      expect(b.messenger.sent).toEqual([]);

      // The first process dies (no more ticks, no release). Its last renewal was at 04:10.
      const lastRenewal = Date.parse('2024-06-10T04:10:00Z');
      for (let minute = 11; minute <= 15; minute++) {
        clock.set(new Date(Date.parse('2024-06-10T04:00:00Z') + minute * 60_000).toISOString());
        await b.core.dailyPosts.scheduler!.tick();
        await b.core.dailyPosts.queue!.drain();
      }
      const counts = perChat(a.messenger.sent, b.messenger.sent);
      expect(counts.size).toBe(CHATS.length);
      expect([...counts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      expect(b.messenger.sent).toHaveLength(CHATS.length - delivered);
      // Not one post of the dead owner's before its lease ran out.
      expect(Math.min(...b.messenger.sent.map((s) => Date.parse(s.at)))).toBeGreaterThanOrEqual(lastRenewal + DEFAULT_LEASE_MS);
      expect(b.store.subscriptions.listUnsent()).toEqual([]);
    });
  }

  it('a graceful stop releases the claims: the restarted process sends them at its first tick', async () => {
    const db = dbFile();
    const clock = FakeClock.at('2024-06-10T03:59:00Z');
    const first = postingCore(clock, { db, instanceId: 'first' });
    for (const id of CHATS) first.core.chat.command(request(id), 'subscribe', '09:00');
    clock.set('2024-06-10T04:00:00Z');
    await first.core.dailyPosts.scheduler!.tick();
    // SIGTERM right after the tick: the queued posts stay claimed, and their leases are released.
    await first.core.dailyPosts.queue!.stop();
    first.core.dailyPosts.scheduler!.release();
    const sentBefore = first.messenger.sent.length;
    expect(sentBefore).toBeLessThan(CHATS.length);

    const second = postingCore(clock, { store: new SqliteStore(openDatabase(db)), instanceId: 'second' });
    clock.set('2024-06-10T04:00:30Z');
    const result = await second.core.dailyPosts.scheduler!.tick();
    await second.core.dailyPosts.queue!.drain();
    expect(result.standby).toBeUndefined();
    expect(result.resent).toBe(CHATS.length - sentBefore);
    const counts = perChat(first.messenger.sent, second.messenger.sent);
    expect(counts.size).toBe(CHATS.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});

/** Lets queued work run (the fake timer's sleeps are microtasks) until `done` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100_000 && !done(); i++) await Promise.resolve();
  expect(done()).toBe(true);
}
