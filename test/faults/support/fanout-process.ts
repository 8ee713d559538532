/**
 * A bot process that runs only the daily-post fan-out, for the tests (and the bench) with several real
 * processes on one database (an SQLite file, or PostgreSQL): the real core, store, scheduler, send queue and
 * Telegram path (grammY against the fake Bot API at API_ROOT). Its clock runs in real time from
 * CLOCK_OFFSET_MS after the real one, ticks every TICK_MS, and logs JSON lines to standard error. SIGTERM
 * stops it as the bot stops (claims released). SIGUSR2 moves its clock one lease (LEASE_MS) ahead: a test
 * lets another process's leases run out for this one without waiting for them in real time.
 *
 * Run by the tests with plain node on the compiled build (test/support/compiled-helpers.ts), by the benches
 * through tsx; so it imports only src/ and packages.
 *
 * Environment: DATABASE (a file or a postgres:// URL), API_ROOT, OWNER, CLOCK_OFFSET_MS, LEASE_MS, TICK_MS, RATE,
 * and optionally CLAIM_AHEAD and CONCURRENCY (messages in flight).
 */
import { Api } from 'grammy';
import { TelegramMessenger } from '../../../src/adapters/telegram/messenger.js';
import { useOutgoingPath } from '../../../src/adapters/telegram/outbox.js';
import { createCoreServices } from '../../../src/app/core-services.js';
import { loadFactBase } from '../../../src/infra/data-files.js';
import { createLogger } from '../../../src/infra/logger.js';
import { openStore } from '../../../src/infra/open-store.js';
import { createResolver } from '../../../src/infra/search-index-artefact.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
let offset = Number(env('CLOCK_OFFSET_MS'));
const clock = { now: () => new Date(Date.now() + offset) };
const logger = createLogger('info', { destination: process.stderr });
process.on('SIGUSR2', () => {
  offset += Number(env('LEASE_MS'));
  logger.info({ offsetMs: offset }, 'clock moved one lease ahead');
});
const store = await openStore(env('DATABASE'));
const base = loadFactBase();
const core = createCoreServices({
  base,
  // The search index restored from its artefact, as the bot starts (src/main.ts): building it would cost each
  // process most of its start.
  resolver: createResolver(base, logger),
  clock,
  logger,
  store,
  instanceId: env('OWNER'),
  dailyPosts: {
    timeZone: 'Asia/Almaty',
    postTime: '09:00',
    catchUpHours: 3,
    telegramPostsPerSecond: Number(env('RATE')),
    leaseMs: Number(env('LEASE_MS')),
    ...(process.env.CLAIM_AHEAD ? { claimAhead: Number(process.env.CLAIM_AHEAD) } : {}),
    ...(process.env.CONCURRENCY ? { concurrency: Number(process.env.CONCURRENCY) } : {}),
  },
});
// The fake Bot API at API_ROOT takes any token.
const api = new Api('123456:FAN-OUT-HELPER', { apiRoot: env('API_ROOT') });
useOutgoingPath(api);
core.messengers.register('telegram', new TelegramMessenger(api));
const { scheduler, queue } = core.dailyPosts;
if (!scheduler || !queue) throw new Error('no scheduler');

// As the daily-post cron does: a tick every TICK_MS, and one more as soon as the queue has room after a tick
// that stopped at the claim-ahead limit (several instances).
let full = false;
const tick = () =>
  scheduler
    .tick()
    .then((r) => void (full = r.full === true))
    .catch((error: unknown) => logger.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'tick failed'));
const timer = setInterval(() => void tick(), Number(env('TICK_MS')));
const refill = setInterval(() => {
  if (full && queue.size <= (scheduler.claimAhead ?? 0) / 2) {
    full = false;
    void tick();
  }
}, 100);
void tick();
logger.info({ owner: env('OWNER') }, 'fan-out process started');

process.on('SIGTERM', () => {
  clearInterval(timer);
  clearInterval(refill);
  void queue.stop().then(async () => {
    await scheduler.release();
    await store.close();
    logger.info({}, 'fan-out process stopped');
    process.exit(0);
  });
});
