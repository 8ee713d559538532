/**
 * A bot process that runs only the daily-post fan-out, for the tests with several real processes on one
 * SQLite file: the real core, store, scheduler, send queue and Telegram path (grammY against the fake Bot API
 * at API_ROOT). Its clock runs in real time from CLOCK_OFFSET_MS after the real one, ticks every TICK_MS, and
 * logs JSON lines to standard error. SIGTERM stops it as the bot stops (claims released).
 *
 * Environment: DATABASE (file), API_ROOT, OWNER, CLOCK_OFFSET_MS, LEASE_MS, TICK_MS, RATE.
 */
import { Api } from 'grammy';
import { TelegramMessenger } from '../../../src/adapters/telegram/messenger.js';
import { useOutgoingPath } from '../../../src/adapters/telegram/outbox.js';
import { createCoreServices } from '../../../src/app/core-services.js';
import { loadFactBase } from '../../../src/infra/data-files.js';
import { createLogger } from '../../../src/infra/logger.js';
import { openStore } from '../../../src/infra/sqlite/open-store.js';
import { FAKE_TOKEN } from '../../telegram/support/core.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const offset = Number(env('CLOCK_OFFSET_MS'));
const clock = { now: () => new Date(Date.now() + offset) };
const logger = createLogger('info', { destination: process.stderr });
const store = openStore(env('DATABASE'));
const core = createCoreServices({
  base: loadFactBase(),
  clock,
  logger,
  store,
  instanceId: env('OWNER'),
  dailyPosts: { timeZone: 'Asia/Almaty', postTime: '09:00', catchUpHours: 3, telegramPostsPerSecond: Number(env('RATE')), leaseMs: Number(env('LEASE_MS')) },
});
const api = new Api(FAKE_TOKEN, { apiRoot: env('API_ROOT') });
useOutgoingPath(api);
core.messengers.register('telegram', new TelegramMessenger(api));
const { scheduler, queue } = core.dailyPosts;
if (!scheduler || !queue) throw new Error('no scheduler');

const tick = () =>
  scheduler.tick().catch((error: unknown) => logger.error({ err: { message: error instanceof Error ? error.message : String(error) } }, 'tick failed'));
const timer = setInterval(() => void tick(), Number(env('TICK_MS')));
void tick();
logger.info({ owner: env('OWNER') }, 'fan-out process started');

process.on('SIGTERM', () => {
  clearInterval(timer);
  void queue.stop().then(() => {
    scheduler.release();
    store.close();
    logger.info({}, 'fan-out process stopped');
    process.exit(0);
  });
});
