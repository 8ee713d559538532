/** The one outgoing path: per-chat limits kept, a cap on messages in flight, failures counted by why. */
import { describe, expect, it } from 'vitest';
import type { Transformer } from 'grammy';
import { outbox, sendFailure } from '../../src/adapters/telegram/outbox.js';
import type { SendFailure } from '../../src/core/metrics.js';

/** Sends through the outbox with fake time; returns when each message reached the API (ms from 0). */
async function sendAll(chatIds: string[], options: { inFlight?: number } = {}) {
  let now = 0;
  const reached: { chatId: string; at: number }[] = [];
  const failures: SendFailure[] = [];
  const box = outbox({
    limits: { maxInFlight: options.inFlight ?? 100, chatBurst: 3, groupPerMinute: 20 },
    metrics: { sendFailed: (_platform, reason) => void failures.push(reason) },
    now: () => now,
    // Waiting moves the fake time forward.
    sleep: (ms) => {
      const until = now + ms;
      return Promise.resolve().then(() => void (now = Math.max(now, until)));
    },
  });
  const prev = ((_method: string, payload: { chat_id: string }) => {
    reached.push({ chatId: payload.chat_id, at: now });
    return Promise.resolve({ ok: true, result: true });
  }) as unknown as Parameters<Transformer>[0];
  // One after another, as a handler awaits each send.
  for (const chatId of chatIds) await box(prev, 'sendMessage', { chat_id: chatId, text: 'x' });
  return { reached, failures };
}

describe('the outgoing path', () => {
  it('sends three messages to a chat at once, then one a second', async () => {
    const { reached } = await sendAll(Array.from({ length: 6 }, () => '42'));
    expect(reached.map((r) => r.at)).toEqual([0, 0, 0, 3_000, 3_000, 3_000]);
  });

  it('keeps a group to 20 messages a minute', async () => {
    const { reached } = await sendAll(Array.from({ length: 25 }, () => '-100'));
    for (let i = 20; i < reached.length; i++) expect(reached[i]!.at - reached[i - 20]!.at).toBeGreaterThanOrEqual(60_000);
  });

  it('does not hold one chat up for another', async () => {
    const waits: number[] = [];
    // A wait that never ends: chat 1's fourth message stays held.
    const box = outbox({ now: () => 0, sleep: (ms) => (waits.push(ms), new Promise(() => undefined)) });
    const reached: string[] = [];
    const prev = ((_m: string, payload: { chat_id: string }) => (reached.push(payload.chat_id), Promise.resolve({ ok: true, result: true }))) as unknown as Parameters<Transformer>[0];
    const sends = ['1', '1', '1', '1', '2'].map((id) => box(prev, 'sendMessage', { chat_id: id } as never));
    await Promise.all([sends[0], sends[1], sends[2], sends[4]]);
    expect(reached).toEqual(['1', '1', '1', '2']);
    expect(waits).toEqual([3_000]);
  });

  it('keeps at most `maxInFlight` messages in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const box = outbox({ limits: { maxInFlight: 2, chatBurst: 3, groupPerMinute: 20 } });
    const prev = (async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return { ok: true, result: true };
    }) as unknown as Parameters<Transformer>[0];
    await Promise.all(['1', '2', '3', '4', '5', '6'].map((id) => box(prev, 'sendMessage', { chat_id: id } as never)));
    expect(most).toBe(2);
  });

  it('counts a message refused after its retries, by why', async () => {
    const failures: SendFailure[] = [];
    const box = outbox({ metrics: { sendFailed: (_p, reason) => void failures.push(reason) } });
    const refuse = (() => Promise.resolve({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 90' })) as unknown as Parameters<Transformer>[0];
    await box(refuse, 'sendMessage', { chat_id: '7' } as never);
    expect(failures).toEqual(['rate_limited']);
  });

  it('names why a message was not sent', () => {
    expect(sendFailure(429, 'Too Many Requests: retry after 5')).toBe('rate_limited');
    expect(sendFailure(403, 'Forbidden: bot was blocked by the user')).toBe('unavailable');
    expect(sendFailure(400, 'Bad Request: chat not found')).toBe('unavailable');
    expect(sendFailure(400, "Bad Request: can't parse entities")).toBe('rejected');
    expect(sendFailure(502, 'Bad Gateway')).toBe('server');
  });
});
