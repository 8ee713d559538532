/**
 * Two real processes on one SQLite file, posting through the loopback Bot API: one runs the schedule, the
 * other stands by (and says so once). The active one is killed with SIGKILL in the middle of its fan-out;
 * the other takes its claims over once their lease has expired and finishes the job. Every chat gets its
 * post exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SqliteStore } from '../../src/infra/sqlite/sqlite-store.js';
import { FakeBotApi } from './support/fake-bot-api.js';
import { runHelper, until, type Child } from './support/processes.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const CHATS = 60;

describe('a second instance on the same database', () => {
  it('stands by while the first posts, takes over after a SIGKILL mid fan-out, and no chat gets two posts or none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'second-instance-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'bot.db');
    const store = new SqliteStore(openDatabase(file));
    const chats = Array.from({ length: CHATS }, (_, i) => String(-2_000_000 - i));
    await store.transaction(async () => {
      for (const chatId of chats)
        await store.subscriptions.save({ address: { platform: 'telegram', chatId }, postMinutes: 540, timeZone: 'Asia/Almaty', startDate: '2024-06-10', changedAt: 0, group: true });
    });
    await store.close();

    const fake = await FakeBotApi.start();
    cleanups.push(() => fake.stop());
    // After 20 posts the API holds everything back (429, retry after 60 s): the active process waits, with
    // nothing in flight, when it is killed.
    let holding = true;
    fake.override = (method) =>
      method === 'sendMessage' && holding && fake.received.length >= 20
        ? { ok: false, error_code: 429, description: 'Too Many Requests: retry after 60', parameters: { retry_after: 60 } }
        : undefined;

    // Both processes see 09:00 in Almaty now, and the time runs on.
    const env = (owner: string) => ({
      DATABASE: file,
      API_ROOT: fake.url,
      OWNER: owner,
      CLOCK_OFFSET_MS: String(Date.parse('2024-06-10T04:00:00Z') - Date.now()),
      // Long enough that a process on a loaded machine (CI runs the suite in parallel) still renews in time.
      LEASE_MS: '4000',
      TICK_MS: '200',
      RATE: '50',
    });
    const children = new Map<string, Child>();
    for (const owner of ['first', 'second']) {
      const child = runHelper('test/faults/support/fanout-process.ts', env(owner));
      children.set(owner, child);
      cleanups.push(() => void child.process.kill('SIGKILL'));
    }

    // Whoever got the schedule posts 20 and is then held; every post it made is recorded, and the other has
    // started and stands by.
    const standingBy = (child: Child) => child.logs().some((l) => /standing by/.test(String(l.msg)));
    const sent = () => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'").get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    await until(() => fake.received.length === 20 && sent() === 20 && fake.calls.some((c) => c.status === 429) && [...children.values()].some(standingBy), 30_000, '20 posts and a process standing by');
    const standby = [...children].filter(([, c]) => standingBy(c));
    expect(standby).toHaveLength(1);
    const [passiveName, passive] = standby[0]!;
    const [activeName, active] = [...children].find(([name]) => name !== passiveName)!;
    expect(activeName).not.toBe(passiveName);

    active.process.kill('SIGKILL');
    expect((await active.exited).signal).toBe('SIGKILL');
    holding = false;

    // The survivor takes the schedule and the dead owner's claims once their lease has run out: its clock moves
    // a lease ahead rather than the test waiting one out.
    passive.process.kill('SIGUSR2');
    await until(() => new Set(fake.received.map((m) => m.chatId)).size === CHATS, 30_000, 'every chat posted');
    passive.process.kill('SIGTERM');
    expect((await passive.exited).code).toBe(0);

    const perChat = new Map<string, number>();
    for (const m of fake.received) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    expect([...perChat.keys()].sort()).toEqual([...chats].sort());
    expect([...perChat.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(sent()).toBe(CHATS);
    expect(passive.logs().filter((l) => /standing by/.test(String(l.msg)))).toHaveLength(1);
    expect(passive.logs().some((l) => /the schedule is this instance's now/.test(String(l.msg)))).toBe(true);
  });
});
