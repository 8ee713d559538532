/** The HTTP server on PORT: /healthz and /metrics, with the Prometheus counters fed by the chat service. */
import { afterEach, describe, expect, it } from 'vitest';
import { createCoreServices } from '../../src/app/core-services.js';
import { silentLogger } from '../../src/core/ports.js';
import { systemClock } from '../../src/infra/system-clock.js';
import { startHttpServer, type HttpServer } from '../../src/infra/http/http-server.js';
import { checkHealth, mountOpsRoutes, type HealthSources } from '../../src/infra/http/ops-routes.js';
import { PrometheusMetrics } from '../../src/infra/metrics/prometheus-metrics.js';
import { sharedFacts } from '../support/shared-facts.js';

const servers: HttpServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve(sources: HealthSources, metrics = new PrometheusMetrics({ processMetrics: false })) {
  const http = await startHttpServer({ port: 0, host: '127.0.0.1', logger: silentLogger });
  servers.push(http);
  mountOpsRoutes(http, sources, metrics);
  const get = (path: string, method = 'GET') => fetch(`http://127.0.0.1:${http.port}${path}`, { method });
  return { http, get, metrics };
}

describe('/healthz', () => {
  it('is 200 with the store and every platform when all are up', async () => {
    const { get } = await serve({ store: { checkWrite: () => Promise.resolve({ ok: true as const }) }, platforms: [{ name: 'telegram', isConnected: () => true }, { name: 'discord', isConnected: () => true }] });
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ status: 'ok', store: 'ok', platforms: { telegram: 'connected', discord: 'connected' } });
  });

  it('is 503 when a platform is disconnected, the store cannot write, the daily posts stall, or the bot is stopping', async () => {
    let connected = false;
    let writes = true;
    let stopping = false;
    let posts: 'ok' | 'standby' | 'stalled' = 'ok';
    const { get } = await serve({
      store: { checkWrite: () => Promise.resolve(writes ? { ok: true as const } : { ok: false as const, reason: 'SQLITE_FULL' }) },
      platforms: [{ name: 'telegram', isConnected: () => connected }],
      dailyPosts: () => posts,
      stopping: () => stopping,
    });
    let res = await get('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', store: 'ok', platforms: { telegram: 'disconnected' }, dailyPosts: 'ok' });
    connected = true;
    expect((await get('/healthz')).status).toBe(200);
    writes = false;
    res = await get('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', store: 'failing', storeError: 'SQLITE_FULL' });
    writes = true;
    posts = 'standby'; // another instance runs the schedule: nothing wrong here
    expect((await get('/healthz')).status).toBe(200);
    posts = 'stalled';
    res = await get('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', store: 'ok', dailyPosts: 'stalled' });
    posts = 'ok';
    stopping = true;
    res = await get('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'stopping' });
  });

  it('counts a check that throws as failing', async () => {
    const report = await checkHealth({
      store: {
        checkWrite: () => {
          throw new Error('closed');
        },
      },
      platforms: [],
    });
    expect(report).toEqual({ status: 'unavailable', store: 'failing', storeError: 'error', platforms: {} });
  });

  it('names a platform\'s finer status (a Telegram conflict) and is 503 for it', async () => {
    const report = await checkHealth({ platforms: [{ name: 'telegram', isConnected: () => false, status: () => 'conflict' }] });
    expect(report).toEqual({ status: 'unavailable', store: 'none', platforms: { telegram: 'conflict' } });
  });

  it('answers only GET and HEAD, and 404 elsewhere', async () => {
    const { get } = await serve({ platforms: [] });
    expect((await get('/healthz', 'POST')).status).toBe(405);
    expect((await get('/healthz', 'HEAD')).status).toBe(200);
    expect((await get('/nothing')).status).toBe(404);
  });
});

describe('/metrics', () => {
  it('serves Prometheus text with questions by status and language, posts, study sessions and errors', async () => {
    const metrics = new PrometheusMetrics({ platforms: ['telegram'] });
    const core = createCoreServices({ ...sharedFacts(), clock: systemClock, logger: silentLogger, metrics, rateLimit: { limit: 2, windowMs: 60_000 } });
    const req = { platform: 'telegram' as const, chatId: '1', userId: '1', chatKind: 'private' as const };
    await core.chat.question(req, 'When was the constitutional referendum held?');
    await core.chat.question(req, 'Когда прошёл конституционный референдум?');
    await core.chat.question(req, 'and one more'); // over the limit of 2
    core.metrics.postSent('telegram');
    core.metrics.postFailed('telegram');
    core.metrics.studySessionStarted('telegram');
    core.metrics.error('telegram_update');
    core.metrics.sendFailed('telegram', 'rate_limited');
    core.metrics.storeWriteFailed('SQLITE_FULL');

    const { get } = await serve({ platforms: [] }, metrics);
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('# TYPE bot_questions_total counter');
    expect(text).toContain('bot_questions_total{status="answered",lang="en"} 1');
    expect(text).toContain('bot_questions_total{status="answered",lang="ru"} 1');
    expect(text).toContain('bot_questions_total{status="rate_limited",lang="en"} 1');
    expect(text).toContain('bot_questions_total{status="unknown",lang="kk"} 0');
    expect(text).toContain('bot_posts_total{platform="telegram",result="sent"} 1');
    expect(text).toContain('bot_posts_total{platform="telegram",result="failed"} 1');
    expect(text).toContain('bot_study_sessions_started_total{platform="telegram"} 1');
    expect(text).toContain('bot_errors_total{kind="telegram_update"} 1');
    expect(text).toContain('bot_send_failures_total{platform="telegram",reason="rate_limited"} 1');
    expect(text).toContain('bot_send_failures_total{platform="telegram",reason="network"} 0');
    expect(text).toContain('bot_store_write_failures_total{code="SQLITE_FULL"} 1');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('keeps two registries apart (tests and the app never share counters)', () => {
    const a = new PrometheusMetrics({ processMetrics: false });
    const b = new PrometheusMetrics({ processMetrics: false });
    a.error('x');
    expect(a.registry).not.toBe(b.registry);
  });
});

describe('the server', () => {
  it('refuses a path mounted twice and frees it when unmounted', async () => {
    const http = await startHttpServer({ port: 0, host: '127.0.0.1', logger: silentLogger });
    servers.push(http);
    const unmount = http.route('/x', (_req, res) => void res.end('x'));
    expect(() => http.route('/x', () => undefined)).toThrow(/already taken/);
    expect(await (await fetch(`http://127.0.0.1:${http.port}/x?q=1`)).text()).toBe('x');
    unmount();
    expect((await fetch(`http://127.0.0.1:${http.port}/x`)).status).toBe(404);
  });

  it('answers 500 when a handler fails, and waits for a request in flight on close', async () => {
    const http = await startHttpServer({ port: 0, host: '127.0.0.1', logger: silentLogger });
    http.route('/fail', () => Promise.reject(new Error('boom')));
    const order: string[] = [];
    let release = () => undefined as void;
    const released = new Promise<void>((r) => (release = r));
    let arrived = () => undefined as void;
    const inHandler = new Promise<void>((r) => (arrived = r));
    http.route('/slow', async (_req, res) => {
      arrived();
      await released;
      order.push('response');
      res.end('done');
    });
    expect((await fetch(`http://127.0.0.1:${http.port}/fail`)).status).toBe(500);
    const slow = fetch(`http://127.0.0.1:${http.port}/slow`);
    await inHandler;
    const closing = http.close().then(() => void order.push('closed'));
    // Closing has begun (no new connection is taken), and it has not finished: the request is still in flight.
    await expect(fetch(`http://127.0.0.1:${http.port}/healthz`)).rejects.toThrow();
    expect(http.isListening()).toBe(false);
    expect(order).toEqual([]);
    release();
    expect(await (await slow).text()).toBe('done');
    await closing;
    expect(order).toEqual(['response', 'closed']);
  });
});
