/**
 * A Bot API outage in the middle of the daily fan-out, through the real outgoing path (grammY, auto-retry,
 * the per-chat limits) against the loopback fake: the posts that could not go out are retried at the next
 * tick once the API is back; none is lost, none doubled, and the failed sends are counted.
 */
import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramMessenger } from '../../src/adapters/telegram/messenger.js';
import { useOutgoingPath } from '../../src/adapters/telegram/outbox.js';
import { dailyPostsHealth } from '../../src/core/subscriptions/daily-posts.js';
import { PrometheusMetrics } from '../../src/infra/metrics/prometheus-metrics.js';
import { FAKE_TOKEN } from '../telegram/support/core.js';
import { FakeClock, fakeTimer, postingCore, request } from '../subscriptions/support.js';
import { FakeBotApi } from './support/fake-bot-api.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('an outage of the Bot API mid fan-out', () => {
  it('sends what is left once the API is back, each chat once, and counts the failed sends', async () => {
    const fake = await FakeBotApi.start();
    cleanups.push(() => fake.stop());
    const clock = FakeClock.at('2024-06-10T03:59:00Z');
    const metrics = new PrometheusMetrics({ processMetrics: false, platforms: ['telegram'] });
    const { core } = postingCore(clock, { metrics });
    const api = new Api(FAKE_TOKEN, { apiRoot: fake.url });
    // The outgoing path's per-chat limits on the test's clock too: the failed attempts take a chat's burst, and
    // its next message is due seconds later (a minute later here, at the next tick), not in real time.
    const timer = fakeTimer(clock);
    useOutgoingPath(api, { metrics, now: () => timer.now(), sleep: (ms) => timer.sleep(ms) });
    core.messengers.register('telegram', new TelegramMessenger(api));
    const chats = Array.from({ length: 20 }, (_, i) => `-3${i}`);
    for (const id of chats) await core.chat.command(request(id), 'subscribe', '09:00');

    // The API goes away after the fifth post (between two posts: see the README on a post in flight).
    fake.downAfterMessages = 5;
    clock.set('2024-06-10T04:00:00Z');
    await core.dailyPosts.scheduler!.tick();
    await core.dailyPosts.queue!.drain();
    const during = fake.received.length;
    expect(during).toBe(5);
    // Send failures are not the store's: the fan-out is not stalled, it retries at the next tick.
    expect(dailyPostsHealth(core.dailyPosts)).toBe('ok');
    expect((await metrics.expose()).body).toMatch(/bot_send_failures_total\{platform="telegram",reason="network"\} [1-9]/);

    fake.setMode('up');
    clock.set('2024-06-10T04:01:00Z');
    const result = await core.dailyPosts.scheduler!.tick();
    await core.dailyPosts.queue!.drain();
    expect(result.resent).toBe(20 - during);
    const perChat = new Map<string, number>();
    for (const m of fake.received) perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
    expect(perChat.size).toBe(20);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
  });
});
