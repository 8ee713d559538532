/**
 * Polling that survives, against a loopback fake of the Bot API: a second poller (409) and an outage are
 * retried with a capped wait and logged once; a revoked token (401) stops polling with one clear error and asks
 * the bot to stop; an API that accepts connections but never answers does not hang the start.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../../src/adapters/platform.js';
import { backoffDelay, POLLING_BACKOFF, resilientGetUpdates } from '../../src/adapters/telegram/polling.js';
import { startTelegram, TelegramStartError } from '../../src/adapters/telegram/start-telegram.js';
import { loadConfig } from '../../src/config/config.js';
import { FAKE_TOKEN, testCore } from '../telegram/support/core.js';
import { capturingLogger } from '../telegram/support/logger.js';
import { FakeBotApi } from './support/fake-bot-api.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(options: { onFatal?: (reason: string) => void } = {}) {
  const fake = await FakeBotApi.start();
  cleanups.push(() => fake.stop());
  const logger = capturingLogger();
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: fake.url });
  const running: RunningPlatform = await startTelegram(
    { core: testCore(), config, logger, ...(options.onFatal ? { onFatal: options.onFatal } : {}) },
    { pollingTimeoutSeconds: 1, pollingBackoff: { firstMs: 20, maxMs: 100 }, startupRetry: { attempts: 2, firstDelayMs: 10, timeoutMs: 2_000 } },
  );
  cleanups.push(() => running.stop());
  // Polling: a getUpdates waits at the fake.
  await fake.until(() => fake.pollsWaiting > 0);
  return { fake, logger, running };
}

/** A /start in a private chat, as Telegram delivers it. */
function startCommand(chatId: number) {
  return {
    message: {
      message_id: 1,
      date: 1_700_000_000,
      chat: { id: chatId, type: 'private', first_name: 'A' },
      from: { id: chatId, is_bot: false, first_name: 'A', language_code: 'en' },
      text: '/start',
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    },
  };
}

const getUpdatesAnswered = (fake: FakeBotApi, status: number) => fake.calls.filter((c) => c.method === 'getUpdates' && c.status === status).length;

describe('polling that survives', () => {
  it('409 (another poller): one clear error, retried with a capped wait, and it goes on when the other stops', async () => {
    const { fake, logger, running } = await start();
    fake.setMode('conflict');
    await fake.until(() => getUpdatesAnswered(fake, 409) >= 4);
    expect(running.status?.()).toBe('conflict');
    expect(running.isConnected()).toBe(false);
    const errors = logger.entries.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/another process is polling with this bot token/);

    fake.setMode('up');
    fake.push(startCommand(501));
    await fake.until(() => fake.to(501).length === 1);
    expect(running.status?.()).toBe('connected');
    expect(logger.entries.some((e) => e.msg === 'telegram polling recovered')).toBe(true);
  });

  it('401 (the token was revoked): one clear error, polling stops, and the bot is asked to stop', async () => {
    const fatal: string[] = [];
    const { fake, logger, running } = await start({ onFatal: (reason) => fatal.push(reason) });
    fake.setMode('unauthorized');
    await fake.until(() => fatal.length > 0);
    expect(fatal).toEqual(['telegram refused the bot token']);
    expect(running.status?.()).toBe('unauthorized');
    const refused = logger.entries.filter((e) => e.level === 'error' && /refused the bot token/.test(e.msg ?? ''));
    expect(refused).toHaveLength(1);
    // Polling has stopped: no more getUpdates.
    const calls = fake.calls.length;
    await running.stop();
    expect(fake.calls.filter((c) => c.method === 'getUpdates').length).toBeLessThanOrEqual(calls);
  });

  it('an outage: reported while it lasts, retried, and polling resumes when the API is back', async () => {
    const { fake, logger, running } = await start();
    fake.setMode('down');
    // Several failed polls (retried after 20, 40, 80 ms): reported once.
    await fake.until(() => running.status?.() === 'disconnected' && fake.resets >= 3);
    expect(logger.entries.filter((e) => e.msg?.startsWith('telegram polling failed'))).toHaveLength(1);
    fake.setMode('up');
    fake.push(startCommand(502));
    await fake.until(() => fake.to(502).length === 1);
    expect(running.isConnected()).toBe(true);
  });

  it('waits 1, 2, 4… seconds between failed getUpdates, never more than 30', async () => {
    const waits: number[] = [];
    let failures = 9;
    const monitor = resilientGetUpdates(capturingLogger(), FAKE_TOKEN, { sleep: (ms) => Promise.resolve(void waits.push(ms)) });
    const prev = () => (failures-- > 0 ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve({ ok: true as const, result: [] }));
    await monitor.transformer(prev as never, 'getUpdates', {});
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000]);
    expect(backoffDelay(POLLING_BACKOFF, 100)).toBe(30_000);
  });

  it('an API that accepts connections but never answers: start-up requests time out, are retried (logged), and the start fails clearly', async () => {
    const fake = await FakeBotApi.start();
    cleanups.push(() => fake.stop());
    fake.setMode('hang');
    const logger = capturingLogger();
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: fake.url });
    const error = await startTelegram({ core: testCore(), config, logger }, { startupRetry: { attempts: 2, timeoutMs: 50, firstDelayMs: 10 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramStartError);
    expect((error as Error).message).toMatch(/getMe failed/);
    expect(logger.entries.filter((e) => e.msg === 'telegram getMe failed; retrying')).toHaveLength(1);
  });
});
