/** The Telegram webhook on the bot's shared HTTP server, beside /healthz and /metrics (as main.ts wires it). */
import { afterEach, describe, expect, it } from 'vitest';
import { startTelegram } from '../../src/adapters/telegram/start-telegram.js';
import { loadConfig } from '../../src/config/config.js';
import { startHttpServer, type HttpServer } from '../../src/infra/http/http-server.js';
import { mountOpsRoutes } from '../../src/infra/http/ops-routes.js';
import { PrometheusMetrics } from '../../src/infra/metrics/prometheus-metrics.js';
import { apiStub } from './support/api-stub.js';
import { FAKE_TOKEN, testCore } from './support/core.js';
import { capturingLogger } from './support/logger.js';
import { person, textMessage } from './support/offline-bot.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('one HTTP server for the webhook, /healthz and /metrics', () => {
  it('serves all three on one port, and stopping Telegram leaves the server to the others', async () => {
    const secret = 'hook-secret_0123456789';
    const logger = capturingLogger();
    const http: HttpServer = await startHttpServer({ port: 0, host: '127.0.0.1', logger });
    cleanups.push(() => http.close());
    const base = `http://127.0.0.1:${http.port}`;
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_WEBHOOK_URL: `${base}/telegram/hook`, TELEGRAM_WEBHOOK_SECRET: secret });
    const stub = apiStub({ mode: 'offline' });
    const running = await startTelegram({ core: testCore(), config, logger, http }, { transformers: [stub.transformer] });
    cleanups.push(() => running.stop());
    mountOpsRoutes(http, { platforms: [running] }, new PrometheusMetrics({ processMetrics: false }));

    const update = { update_id: 5, ...textMessage({ id: 12, type: 'private' }, person(12), 'when was the referendum?') };
    const post = () => fetch(`${base}/telegram/hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': secret }, body: JSON.stringify(update) });
    expect((await post()).status).toBe(200);
    expect(stub.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok', platforms: { telegram: 'connected' } });
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
    // The update's log lines carry its ids (one child logger per update).
    expect(logger.entries.find((e) => e.msg === 'telegram question')?.obj).toMatchObject({ platform: 'telegram', updateId: 5, chatId: '12' });

    await running.stop();
    expect(running.isConnected()).toBe(false);
    expect(http.isListening()).toBe(true);
    expect((await post()).status).toBe(404);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ platforms: { telegram: 'disconnected' } });
  });
});
