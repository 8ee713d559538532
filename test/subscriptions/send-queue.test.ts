import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/ports.js';
import { SendQueue } from '../../src/core/subscriptions/send-queue.js';
import { FakeClock, fakeTimer, RecordingMessenger } from './support.js';

describe('the send queue', () => {
  it('sends at most 20 messages a minute to one Telegram group', async () => {
    const clock = FakeClock.at('2024-06-10T04:00:00Z');
    const messenger = new RecordingMessenger(clock);
    const queue = new SendQueue({ messenger, timer: fakeTimer(clock), logger: silentLogger, rates: { telegram: { perSecond: 30, perGroupPerMinute: 20 } }, concurrency: 1 });
    for (let i = 0; i < 25; i++)
      queue.enqueue({ key: `k${i}`, address: { platform: 'telegram', chatId: '-1' }, group: true, reply: () => ({ lang: 'en', text: `m${i}`, buttons: [] }), onSent: () => undefined, onUnavailable: () => undefined });
    await queue.drain();
    const times = messenger.sent.map((s) => Date.parse(s.at));
    expect(times).toHaveLength(25);
    for (let i = 20; i < times.length; i++) expect(times[i]! - times[i - 20]!).toBeGreaterThanOrEqual(60_000);
  });

  it('queues a key once, and drops queued jobs on stop (their claims stay for the restart)', async () => {
    const clock = FakeClock.at('2024-06-10T04:00:00Z');
    const messenger = new RecordingMessenger(clock);
    const queue = new SendQueue({ messenger, timer: fakeTimer(clock), logger: silentLogger, rates: { telegram: { perSecond: 1 } }, concurrency: 1 });
    const job = (key: string) => ({ key, address: { platform: 'telegram' as const, chatId: key }, group: false, reply: () => ({ lang: 'en' as const, text: key, buttons: [] }), onSent: () => undefined, onUnavailable: () => undefined });
    queue.enqueue(job('a'));
    queue.enqueue(job('a'));
    queue.enqueue(job('b'));
    queue.enqueue(job('c'));
    expect(queue.size).toBe(3);
    await queue.stop();
    expect(messenger.sent.length).toBeLessThanOrEqual(1);
    expect(queue.size).toBe(0);
  });
});

describe('sending and recording are separate steps', () => {
  it('never sends again a message whose record failed: the write is retried, and nothing else starts meanwhile', async () => {
    const clock = FakeClock.at('2024-06-10T04:00:00Z');
    const messenger = new RecordingMessenger(clock);
    const queue = new SendQueue({ messenger, timer: fakeTimer(clock), logger: silentLogger, rates: { telegram: { perSecond: 30 } }, concurrency: 1 });
    const writes: string[] = [];
    let failures = 3;
    const states: string[] = [];
    const job = (key: string) => ({
      key,
      address: { platform: 'telegram' as const, chatId: key },
      group: false,
      reply: () => ({ lang: 'en' as const, text: key, buttons: [] }),
      onSent: () => {
        states.push(queue.recording);
        if (key === 'a' && failures-- > 0) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        writes.push(key);
      },
      onUnavailable: () => undefined,
    });
    queue.enqueue(job('a'));
    queue.enqueue(job('b'));
    await queue.drain();
    expect(messenger.sent.map((s) => s.to.chatId)).toEqual(['a', 'b']);
    expect(writes).toEqual(['a', 'b']);
    expect(queue.stats).toMatchObject({ sent: 2, recordFailed: 3, failed: 0 });
    // While 'a' could not be recorded the queue said so, and 'b' waited for the store.
    expect(states).toEqual(['ok', 'failing', 'failing', 'failing', 'ok']);
    expect(queue.recording).toBe('ok');
  });
});
