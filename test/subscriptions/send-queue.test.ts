import { describe, expect, it } from 'vitest';
import type { Messenger } from '../../src/core/messenger.js';
import { silentLogger } from '../../src/core/ports.js';
import { SendQueue } from '../../src/core/subscriptions/send-queue.js';
import { FakeClock, fakeTimer, RecordingMessenger } from './support.js';

/** A promise and the function that resolves it. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

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

  it('queues a key once: a second job with a queued key is not sent', async () => {
    const clock = FakeClock.at('2024-06-10T04:00:00Z');
    const messenger = new RecordingMessenger(clock);
    const queue = new SendQueue({ messenger, timer: fakeTimer(clock), logger: silentLogger, rates: { telegram: { perSecond: 1 } }, concurrency: 1 });
    const recorded: string[] = [];
    const job = (key: string, text: string) => ({ key, address: { platform: 'telegram' as const, chatId: key }, group: false, reply: () => ({ lang: 'en' as const, text, buttons: [] }), onSent: () => void recorded.push(text), onUnavailable: () => undefined });
    queue.enqueue(job('a', 'first a'));
    queue.enqueue(job('a', 'second a'));
    queue.enqueue(job('b', 'b'));
    expect(queue.size).toBe(2);
    await queue.drain();
    expect(messenger.sent.map((s) => s.reply.text)).toEqual(['first a', 'b']);
    expect(recorded).toEqual(['first a', 'b']);
  });

  it('on stop, finishes the message in flight and drops the queued ones unsent and unrecorded (their claims stay for the restart)', async () => {
    const clock = FakeClock.at('2024-06-10T04:00:00Z');
    const messenger = new RecordingMessenger(clock);
    // The first send waits at the platform until the test lets it go: it is in flight when the queue stops.
    const [sending, released] = [deferred(), deferred()];
    const gated: Messenger = {
      send: async (to, reply) => {
        sending.resolve();
        await released.promise;
        return messenger.send(to, reply);
      },
    };
    const queue = new SendQueue({ messenger: gated, timer: fakeTimer(clock), logger: silentLogger, rates: { telegram: { perSecond: 1 } }, concurrency: 1 });
    const recorded: string[] = [];
    const job = (key: string) => ({ key, address: { platform: 'telegram' as const, chatId: key }, group: false, reply: () => ({ lang: 'en' as const, text: key, buttons: [] }), onSent: () => void recorded.push(key), onUnavailable: () => void recorded.push(`unavailable ${key}`) });
    queue.enqueue(job('a'));
    queue.enqueue(job('b'));
    queue.enqueue(job('c'));
    expect(queue.size).toBe(3);
    await sending.promise;
    const stopped = queue.stop();
    released.resolve();
    await stopped;
    expect(messenger.sent.map((s) => s.to.chatId)).toEqual(['a']);
    expect(recorded).toEqual(['a']);
    expect(queue.size).toBe(0);
    // A stopped queue takes nothing new, and nothing dropped comes back later.
    queue.enqueue(job('d'));
    clock.ms += 60_000;
    await queue.drain();
    expect(messenger.sent.map((s) => s.to.chatId)).toEqual(['a']);
    expect(queue.has('b') || queue.has('d')).toBe(false);
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
