/**
 * startTelegram as main.ts calls it: webhook mode behind its secret, long polling against telegram-test-api,
 * a graceful stop, and a token that never shows in logs or errors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HttpError } from 'grammy';
import { createBot } from '../../src/adapters/telegram/create-bot.js';
import { startTelegram, TelegramStartError } from '../../src/adapters/telegram/start-telegram.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/infra/logger.js';
import { duplicateKeys } from '../support/json-keys.js';
import { apiStub, BOT_INFO, type ApiCall, type Override } from './support/api-stub.js';
import { FAKE_TOKEN, FAKE_TOKEN_SECRET, testCore } from './support/core.js';
import { Emulator, freePort } from './support/emulator.js';
import { seen } from './support/html.js';
import { capturingLogger } from './support/logger.js';
import { person, textMessage } from './support/offline-bot.js';

const core = testCore();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('webhook mode', () => {
  const secret = 'hook-secret_0123456789';

  async function startWebhook(override?: Override) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/telegram/hook`;
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: secret, PORT: String(port) });
    const logger = capturingLogger();
    const stub = apiStub({ mode: 'offline', override });
    const running = await startTelegram({ core, config, logger }, { transformers: [stub.transformer], webhookHost: '127.0.0.1' });
    cleanups.push(() => running.stop());
    const post = (body: unknown, headers: Record<string, string> = {}, path = '/telegram/hook') =>
      fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { running, url, calls: stub.calls, logger, post };
  }

  it('registers the webhook with its secret and sets the command menu', async () => {
    const { running, url, calls } = await startWebhook();
    expect(running.isConnected()).toBe(true);
    expect(calls.find((c) => c.method === 'setWebhook')?.payload).toMatchObject({ url, secret_token: secret });
    expect(calls.filter((c) => c.method === 'setMyCommands')).toHaveLength(9);
  });

  it('rejects updates without the secret header or with a wrong one', async () => {
    const { post, calls } = await startWebhook();
    const update = { update_id: 1, ...textMessage({ id: 10, type: 'private' }, person(10), 'when was the referendum?') };
    expect((await post(update)).status).toBe(401);
    expect((await post(update, { 'X-Telegram-Bot-Api-Secret-Token': 'wrong' })).status).toBe(401);
    expect((await post(update, { 'X-Telegram-Bot-Api-Secret-Token': `${secret}x` })).status).toBe(401);
    expect((await post(update, { 'X-Telegram-Bot-Api-Secret-Token': secret }, '/elsewhere')).status).toBe(404);
    expect(calls.filter((c) => c.method === 'sendMessage')).toEqual([]);
  });

  it('answers an update that carries the right secret', async () => {
    const { post, calls } = await startWebhook();
    const update = { update_id: 2, ...textMessage({ id: 11, type: 'private' }, person(11, 'ru'), 'когда был референдум?') };
    const res = await post(update, { 'X-Telegram-Bot-Api-Secret-Token': secret });
    expect(res.status).toBe(200);
    const sent = calls.filter((c: ApiCall) => c.method === 'sendMessage');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({ chat_id: 11, parse_mode: 'HTML' });
    expect(seen(String(sent[0]!.payload.text))).toContain('5 июня');
  });

  it('acknowledges an update whose handling failed, so Telegram does not send it again', async () => {
    const { post, logger, calls } = await startWebhook((c) =>
      c.method === 'sendMessage' ? { ok: false, error_code: 400, description: 'Bad Request: message is too long' } : undefined,
    );
    const update = { update_id: 3, ...textMessage({ id: 13, type: 'private' }, person(13), 'when was the referendum?') };
    const res = await post(update, { 'X-Telegram-Bot-Api-Secret-Token': secret });
    expect(res.status).toBe(200);
    expect(logger.entries.find((e) => e.msg === 'telegram update failed')?.obj).toMatchObject({ updateId: 3, chatId: '13' });
    // The reply, then the apology: both refused here, both attempted.
    expect(calls.filter((c) => c.method === 'sendMessage')).toHaveLength(2);
  });

  it('handles an update Telegram delivers twice (a webhook retry) once', async () => {
    const { post, calls } = await startWebhook();
    const update = { update_id: 5, ...textMessage({ id: 14, type: 'private' }, person(14), 'when was the referendum?') };
    expect((await post(update, { 'X-Telegram-Bot-Api-Secret-Token': secret })).status).toBe(200);
    expect((await post(update, { 'X-Telegram-Bot-Api-Secret-Token': secret })).status).toBe(200);
    expect(calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === 14)).toHaveLength(1);
  });

  it('stops listening on stop()', async () => {
    const { running, post } = await startWebhook();
    await running.stop();
    expect(running.isConnected()).toBe(false);
    await expect(post({ update_id: 4 }, { 'X-Telegram-Bot-Api-Secret-Token': secret })).rejects.toThrow();
  });
});

describe('long polling', () => {
  async function startPollingAgainstEmulator(override?: Override) {
    const emulator = await Emulator.start();
    cleanups.push(() => emulator.stop());
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: emulator.apiRoot });
    const logger = capturingLogger();
    const stub = apiStub({ mode: 'emulator', override });
    // setMyCommands goes to the emulator, which does not know it: start must survive that.
    const running = await startTelegram({ core, config, logger }, { transformers: [passSetMyCommands(stub.transformer)], pollingTimeoutSeconds: 0 });
    cleanups.push(() => running.stop());
    return { emulator, running, logger, calls: stub.calls };
  }

  it('takes updates, logs a failed command menu without failing, and stops', async () => {
    const { emulator, running, logger } = await startPollingAgainstEmulator();
    expect(running.isConnected()).toBe(true);
    expect(logger.entries.find((e) => e.msg === 'telegram command menu not set')?.level).toBe('warn');
    await emulator.user({ chatId: 21, userId: 21, type: 'private', languageCode: 'en' }).command('/start');
    const [welcome] = await emulator.waitForSent(21, 1);
    expect(seen(welcome!.text)).toContain('Hello!');
    await running.stop();
    expect(running.isConnected()).toBe(false);
  });

  it('finishes the reply in flight before stop() resolves', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let held = false;
    const { emulator, running, calls } = await startPollingAgainstEmulator(async (call) => {
      if (call.method !== 'sendMessage' || Number(call.payload.chat_id) !== 22) return undefined;
      held = true;
      await gate;
      return undefined;
    });
    await emulator.user({ chatId: 22, userId: 22, type: 'private', languageCode: 'en' }).say('when was the referendum?');
    while (!held) await new Promise((r) => setTimeout(r, 10));
    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    open();
    await stopping;
    expect(emulator.sent(22)).toHaveLength(1);
    expect(calls.some((c) => c.method === 'sendMessage')).toBe(true);
  });
});

describe('log lines of a failed update', () => {
  it('carry the update and chat ids once each (JSON without duplicate keys), with the real logger', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { destination: { write: (line: string) => void lines.push(line) } });
    const stub = apiStub({ mode: 'offline', override: (c) => (c.method === 'sendMessage' ? { ok: false, error_code: 400, description: 'Bad Request: message is too long' } : undefined) });
    const bot = createBot({ core, logger }, { token: FAKE_TOKEN, botInfo: BOT_INFO, transformers: [stub.transformer] });
    await bot.handleUpdate({ update_id: 77, ...textMessage({ id: 32, type: 'private' }, person(32), 'when was the referendum?') });
    const failed = lines.find((l) => l.includes('telegram update failed'));
    expect(failed).toBeDefined();
    expect(JSON.parse(failed!)).toMatchObject({ updateId: 77, chatId: '32' });
    for (const line of lines) expect(duplicateKeys(line)).toEqual([]);
  });
});

describe('the token', () => {
  it('is absent from the start error and the logs when Telegram cannot be reached (after logged retries)', async () => {
    const port = await freePort(); // nothing listens there
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` });
    const logger = capturingLogger();
    const error = await startTelegram({ core, config, logger }, { startupRetry: { attempts: 3, firstDelayMs: 10 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramStartError);
    expect((error as Error).message).toMatch(/getMe failed/);
    expect(logger.entries.filter((e) => e.msg === 'telegram getMe failed; retrying').map((e) => e.obj.attempt)).toEqual([1, 2]);
    expect(`${String(error)} ${(error as Error).stack}`).not.toContain(FAKE_TOKEN_SECRET);
    expect(logger.text()).not.toContain(FAKE_TOKEN_SECRET);
  });

  it('is absent from the logs when sending fails on the network', async () => {
    const port = await freePort();
    const logger = capturingLogger();
    const bot = createBot({ core, logger }, { token: FAKE_TOKEN, apiRoot: `http://127.0.0.1:${port}`, botInfo: BOT_INFO });
    // The raw error does carry the token (in the request URL): this is what the adapter must not log.
    const raw = await bot.api.sendMessage(1, 'x').catch((e: unknown) => e);
    expect(raw).toBeInstanceOf(HttpError);
    expect(String((raw as HttpError).error)).toContain(FAKE_TOKEN_SECRET);

    await bot.handleUpdate({ update_id: 1, ...textMessage({ id: 31, type: 'private' }, person(31), 'when was the referendum?') });
    const failure = logger.entries.find((e) => e.msg === 'telegram update failed');
    expect(failure?.obj).toMatchObject({ updateId: 1, chatId: '31', err: { name: 'HttpError' } });
    expect(JSON.stringify(failure)).toContain('[secret]');
    expect(logger.text()).not.toContain(FAKE_TOKEN_SECRET);
    expect(logger.text()).not.toContain('referendum');
  });
});

/** Lets setMyCommands reach the emulator (which rejects it) instead of being answered by the stub. */
function passSetMyCommands(stub: ReturnType<typeof apiStub>['transformer']): ReturnType<typeof apiStub>['transformer'] {
  return (prev, method, payload, signal) => (method === 'setMyCommands' ? prev(method, payload, signal) : stub(prev, method, payload, signal));
}
