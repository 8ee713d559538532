/**
 * Several real bot processes on one PostgreSQL database, posting the daily post through the loopback Bot API:
 * they split the fan-out between them (claims taken with FOR UPDATE SKIP LOCKED), no chat gets two posts, and
 * when one is killed with SIGKILL while its sends are in flight, the others take its claims over once their
 * lease has run out (the survivor's clock moves a lease ahead: no waiting one out in real time). Each process
 * reaches the fake through its own API root (`/i1`, `/i2`…), so the fake knows who sent what.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/infra/postgres/postgres-store.js';
import { FakeBotApi } from '../faults/support/fake-bot-api.js';
import { runHelper, until, type Child } from '../faults/support/processes.js';
import { freshDatabase } from '../support/postgres.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A fresh database with `count` group chats subscribed at 09:00 Almaty. */
async function subscribed(count: number): Promise<{ url: string; chats: string[]; store: PostgresStore }> {
  const db = await freshDatabase();
  const store = new PostgresStore(db.url);
  await store.migrate();
  cleanups.push(async () => {
    await store.close();
    await db.drop();
  });
  const chats = Array.from({ length: count }, (_, i) => String(-3_000_000 - i));
  await store.transaction(async () => {
    for (const chatId of chats)
      await store.subscriptions.save({ address: { platform: 'telegram', chatId }, postMinutes: 540, timeZone: 'Asia/Almaty', startDate: '2024-06-10', changedAt: 0, group: true });
  });
  return { url: db.url, chats, store };
}

function startInstances(names: string[], url: string, fake: FakeBotApi, rate: number): Map<string, Child> {
  // Every process sees 09:00 in Almaty now, and the time runs on.
  const offset = String(Date.parse('2024-06-10T04:00:00Z') - Date.now());
  const children = new Map<string, Child>();
  for (const name of names) {
    const child = runHelper('test/faults/support/fanout-process.ts', {
      DATABASE: url,
      API_ROOT: `${fake.url}/${name}`,
      OWNER: name,
      CLOCK_OFFSET_MS: offset,
      // Long enough that a process stalled by a loaded machine (two cores, several processes and the server)
      // still records a post before its lease margin (a third of it) runs out.
      LEASE_MS: '6000',
      TICK_MS: '250',
      RATE: String(rate),
      CLAIM_AHEAD: '40',
    });
    children.set(name, child);
    cleanups.push(() => void child.process.kill('SIGKILL'));
  }
  return children;
}

/** How many posts each chat got. */
function perChat(fake: FakeBotApi): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of fake.received) if (m.method === 'sendMessage') counts.set(m.chatId, (counts.get(m.chatId) ?? 0) + 1);
  return counts;
}

describe('several instances on one PostgreSQL database', { timeout: 90_000 }, () => {
  it('split the daily fan-out between them, and no chat gets two posts or none', async () => {
    const { url, chats, store } = await subscribed(300);
    const fake = await FakeBotApi.start();
    cleanups.push(() => fake.stop());
    const children = startInstances(['i1', 'i2', 'i3'], url, fake, 300);
    await until(() => perChat(fake).size === chats.length, 60_000, 'every chat to get its post');
    await until(async () => (await store.subscriptions.listUnsent()).length === 0, 10_000, 'every post to be recorded');
    const counts = perChat(fake);
    const doubled = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
    // On a failure, who sent the doubled posts and when.
    const detail = fake.received.filter((m) => doubled.includes(m.chatId)).map((m) => `${m.chatId} via ${m.via ?? '?'} at ${m.at}`);
    expect(doubled, detail.join('; ')).toEqual([]);
    // Each instance claimed and sent a share (the claims carry their owner).
    const owners = await store.db.query<{ owner: string; n: number }>(`SELECT owner, count(*)::int AS n FROM deliveries WHERE status = 'sent' GROUP BY owner`);
    expect(owners.rows.map((r) => r.owner).sort()).toEqual(['i1', 'i2', 'i3']);
    const sentBy = (name: string) => fake.received.filter((m) => m.via === name).length;
    for (const name of ['i1', 'i2', 'i3']) expect(sentBy(name)).toBeGreaterThan(0);
    for (const child of children.values()) expect(child.stderr()).not.toMatch(/tick failed/);
  });

  it('take over the claims of an instance killed with sends in flight, after its lease, and send each post once', async () => {
    const { url, chats, store } = await subscribed(300);
    const fake = await FakeBotApi.start();
    cleanups.push(() => fake.stop());
    // After 40 posts from i1, the fake stops answering it: its next sends hang, unrecorded, as if the process
    // died before they reached Telegram.
    let holdI1 = false;
    fake.holdIf = (method, via) => method === 'sendMessage' && via === 'i1' && (holdI1 ||= fake.received.filter((m) => m.via === 'i1').length >= 40);
    const children = startInstances(['i1', 'i2'], url, fake, 300);
    // Killed once all three of its sends in flight are held: none is between the API's answer and its record.
    await until(() => fake.held >= 3, 30_000, 'i1 to have its sends in flight');
    children.get('i1')!.process.kill('SIGKILL');
    await children.get('i1')!.exited;
    const deadClaims = (await store.subscriptions.listUnsent()).filter((d) => d.owner === 'i1').length;
    expect(deadClaims).toBeGreaterThan(0);
    // The survivor's clock moves a lease ahead rather than the test waiting one out: the dead instance's claims
    // have run out for it (and its own claims are renewed at its next tick).
    children.get('i2')!.process.kill('SIGUSR2');

    await until(() => perChat(fake).size === chats.length, 60_000, 'every chat to get its post');
    await until(async () => (await store.subscriptions.listUnsent()).length === 0, 10_000, 'every post to be recorded');
    expect([...perChat(fake).values()].every((n) => n === 1)).toBe(true);
    // The survivor sent what the dead instance had claimed.
    const takenOver = await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'sent' AND owner = 'i2'`);
    expect(takenOver.rows[0]!.n).toBe(chats.length - fake.received.filter((m) => m.via === 'i1').length);
  });
});
