/**
 * A 429 storm against the loopback Bot API: the fake refuses every message above 30 a second. The real bot
 * (grammY, the runner, the outgoing path) polls it while many users ask at once: every question gets its
 * answer or the one rate-limit notice, none gets an apology, and a quiz round the bot posts during the storm
 * is posted once, late rather than lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCoreServices } from '../../src/app/core-services.js';
import { createBot } from '../../src/adapters/telegram/create-bot.js';
import { TelegramMessenger } from '../../src/adapters/telegram/messenger.js';
import { startPolling } from '../../src/adapters/telegram/polling.js';
import { silentLogger } from '../../src/core/ports.js';
import { PrometheusMetrics } from '../../src/infra/metrics/prometheus-metrics.js';
import { openDatabase, SqliteStore } from '../../src/infra/sqlite/sqlite-store.js';
import { systemClock } from '../../src/infra/system-clock.js';
import { sharedFacts } from '../support/shared-facts.js';
import { FAKE_TOKEN } from '../telegram/support/core.js';
import { fastPace } from '../telegram/support/fast-pace.js';
import { FakeBotApi } from './support/fake-bot-api.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function floodedBot(options: { rateLimit: number; questionSeconds?: number }) {
  const fake = await FakeBotApi.start();
  cleanups.push(() => fake.stop());
  const store = new SqliteStore(openDatabase(':memory:'));
  const metrics = new PrometheusMetrics({ processMetrics: false, platforms: ['telegram'] });
  const core = createCoreServices({
    ...sharedFacts(),
    clock: systemClock,
    logger: silentLogger,
    store,
    metrics,
    rateLimit: { limit: options.rateLimit, windowMs: 60_000 },
    study: { questionSeconds: options.questionSeconds ?? 30 },
  });
  const bot = createBot({ core, logger: silentLogger }, { token: FAKE_TOKEN, apiRoot: fake.url, outbox: fastPace() });
  core.messengers.register('telegram', new TelegramMessenger(bot.api));
  await bot.init();
  const polling = startPolling(bot, silentLogger, FAKE_TOKEN, { timeoutSeconds: 1 });
  cleanups.push(async () => {
    core.study?.close();
    await polling.stop();
    await store.close();
  });
  return { fake, core, store, metrics, polling };
}

function message(chatId: number, text: string, messageId: number, type: 'private' | 'supergroup' = 'private', from = chatId) {
  const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] : undefined;
  return {
    message: {
      message_id: messageId,
      date: 1_700_000_000,
      chat: type === 'private' ? { id: chatId, type, first_name: 'A' } : { id: chatId, type, title: 'Readers' },
      from: { id: from, is_bot: false, first_name: 'A', language_code: 'en' },
      text,
      ...(entities ? { entities } : {}),
    },
  };
}

describe('a 429 storm', () => {
  it('answers every question or gives the one notice, never an apology, while the API refuses above 30 messages a second', async () => {
    const { fake, metrics, polling } = await floodedBot({ rateLimit: 5 });
    fake.floodLimitPerSecond = 30;
    const users = Array.from({ length: 10 }, (_, i) => 7000 + i);
    let id = 1;
    for (let round = 0; round < 10; round++) for (const user of users) fake.push(message(user, 'When was the constitutional referendum held?', id++));
    // Each user: five answers and one notice (the other four questions of the window get nothing).
    await fake.until(() => fake.allDelivered() && users.every((u) => fake.to(u).length >= 6), 60_000);
    // Stopping waits for every update still being handled: after it, nothing more can be sent.
    await polling.stop();
    for (const user of users) {
      const texts = fake.to(user).map((m) => m.text);
      expect(texts).toHaveLength(6);
      expect(texts.filter((t) => /June 5, 2022/.test(t))).toHaveLength(5);
      expect(texts.filter((t) => /asking very fast/.test(t))).toHaveLength(1);
      expect(texts.some((t) => /Sorry/i.test(t))).toBe(false);
    }
    // The storm happened, and nothing was given up.
    expect(fake.floodRefusals).toBeGreaterThan(0);
    expect((await metrics.expose()).body).toContain('bot_send_failures_total{platform="telegram",reason="rate_limited"} 0');
  });

  it('posts a quiz round refused with 429 once it may, and opens it only then', async () => {
    const { fake, store } = await floodedBot({ rateLimit: 100, questionSeconds: 1 });
    const group = -7100;
    fake.push(message(group, '/study 3', 1, 'supergroup', 71));
    await fake.until(() => fake.to(group).length === 1);
    // The bot's own post at the deadline is refused with 429.
    let refusals = 1;
    fake.override = (method, payload) =>
      method === 'sendMessage' && String(payload.chat_id) === String(group) && refusals-- > 0
        ? { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }
        : undefined;
    await fake.until(() => fake.to(group).length === 2, 15_000);
    const reveal = fake.to(group)[1]!;
    expect(reveal.text).toContain('Question 2/3');
    const session = async () => (await store.study.activeSession({ platform: 'telegram', chatId: String(group) }))!;
    expect((await session()).current).toBe(1);
    // The question's time counts from its post (once the bot hears back), which came after the refusal.
    await fake.until(async () => (await session()).roundOpenedAt >= reveal.at - 50, 5_000);
    expect(fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 429)).toHaveLength(1);
    expect(fake.to(group).filter((m) => m.text.includes('Question 2/3'))).toHaveLength(1);
  });
});
