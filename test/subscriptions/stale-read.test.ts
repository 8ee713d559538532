/**
 * The store answers later than the queue works: a tick that reads the unsent claims while a post of this
 * process is being recorded gets that post back as unsent. It must not send it again (a race of the
 * asynchronous store, on every store: the read and the record interleave).
 */
import { describe, expect, it } from 'vitest';
import type { ChatReply } from '../../src/core/chat/chat-service.js';
import type { ChatAddress, SentMessage } from '../../src/core/messenger.js';
import { SqliteStore, openDatabase } from '../../src/infra/sqlite/sqlite-store.js';
import { FakeClock, postingCore, request } from './support.js';

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise((r) => setImmediate(r));
  expect(done()).toBe(true);
}

describe('a tick whose read of unsent claims overlaps a record', () => {
  it('does not send again the post recorded meanwhile', async () => {
    const clock = FakeClock.at('2024-06-10T03:59:00Z');
    const store = new SqliteStore(openDatabase(':memory:'));
    // The read of unsent claims answers when the test says so (a slow server).
    const subscriptions = store.subscriptions;
    const leaseClaims = subscriptions.leaseClaims.bind(subscriptions);
    let openRead: (() => void) | undefined;
    let slowRead = false;
    subscriptions.leaseClaims = async (...args) => {
      const rows = await leaseClaims(...args);
      if (slowRead) await new Promise<void>((resolve) => (openRead = resolve));
      return rows;
    };
    const { core } = postingCore(clock, { store });
    // Telegram answers the post when the test says so.
    const sent: ChatAddress[] = [];
    let answer: ((m: SentMessage) => void) | undefined;
    core.messengers.register('telegram', {
      send: (to: ChatAddress, _reply: ChatReply) => {
        sent.push(to);
        // The first post waits for the test; any later one is answered at once.
        if (answer) return Promise.resolve({ messageId: String(sent.length) });
        return new Promise<SentMessage>((resolve) => (answer = resolve));
      },
    });
    await core.chat.command(request('g1'), 'subscribe', '09:00 Asia/Almaty');
    const { scheduler, queue } = core.dailyPosts;

    clock.set('2024-06-10T04:00:00Z');
    await scheduler!.tick();
    await until(() => answer !== undefined);
    // The next tick reads the claim as unsent, and waits for the store's answer.
    slowRead = true;
    const next = scheduler!.tick();
    await until(() => openRead !== undefined);
    // Meanwhile Telegram answers and the post is recorded.
    answer!({ messageId: '1' });
    await until(() => queue!.size === 0);
    openRead!();
    await next;
    await queue!.drain();
    expect(sent).toHaveLength(1);
    expect((await store.subscriptions.recent({ platform: 'telegram', chatId: 'g1' }, 1))[0]?.status).toBe('sent');
  });
});
