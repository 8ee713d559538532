/**
 * `npm run bench:fanout`: the daily-post fan-out to 10,000 subscribed Telegram chats through a loopback fake
 * of the Bot API (a node:http server answering sendMessage), with the real scheduler, send queue, SQLite
 * store (a temporary file) and Telegram messenger (grammY). Prints messages per second against the configured
 * rate, duplicates and losses (both must be 0), for:
 *   1. a clean run with the limiter at a high rate;
 *   2. a run that "crashes" halfway: the queue is stopped between claim and send, the database closed, then
 *      reopened from the same file by a fresh scheduler (another owner) that takes the claims over once
 *      their lease has expired and finishes the job;
 *   3. a short run at a low rate, to show the limiter holds it.
 * Exits with 1 when a run has a duplicate or a loss.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api } from 'grammy';
import { TelegramMessenger } from '../src/adapters/telegram/messenger.js';
import { useOutgoingPath } from '../src/adapters/telegram/outbox.js';
import { DEFAULT_LEASE_MS } from '../src/core/subscriptions/scheduler.js';
import { createCoreServices, type CoreServices } from '../src/app/core-services.js';
import type { Clock } from '../src/core/ports.js';
import { silentLogger } from '../src/core/ports.js';
import { loadFactBase } from '../src/infra/data-files.js';
import { SqliteStore, openDatabase } from '../src/infra/sqlite/sqlite-store.js';

const TOKEN = '123456:BENCH-fanout-token';
const CHATS = Number(process.env.BENCH_CHATS ?? 10_000);
const HIGH_RATE = Number(process.env.BENCH_RATE ?? 5_000);
const base = loadFactBase();
// The scheduler's clock stands at the post time (09:00 in Almaty); the queue paces in real time.
const clock: Clock = { now: () => new Date('2024-06-10T04:00:00Z') };
// After the crash, the restarted process's clock stands past the dead owner's lease.
const afterLease: Clock = { now: () => new Date(Date.parse('2024-06-10T04:00:00Z') + DEFAULT_LEASE_MS + 1_000) };
const realTimer = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

/** A fake Bot API counting sendMessage per chat. */
async function fakeBotApi(): Promise<{ server: Server; url: string; received: Map<string, number>; total: () => number }> {
  const received = new Map<string, number>();
  let total = 0;
  let messageId = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { chat_id?: string | number; text?: string };
      const chatId = String(body.chat_id);
      res.setHeader('content-type', 'application/json');
      if (!req.url?.endsWith('/sendMessage')) {
        res.end(JSON.stringify({ ok: true, result: true }));
        return;
      }
      received.set(chatId, (received.get(chatId) ?? 0) + 1);
      total++;
      res.end(JSON.stringify({ ok: true, result: { message_id: ++messageId, date: 0, chat: { id: Number(chatId), type: 'group' }, text: body.text } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, total: () => total };
}

/** The core on a store, posting through the bot's real outgoing path (auto-retry, per-chat limits) at `rate`. */
function coreOn(store: SqliteStore, apiRoot: string, rate: number, at: Clock = clock): CoreServices {
  const core = createCoreServices({
    base,
    clock: at,
    logger: silentLogger,
    store,
    dailyPosts: { timeZone: 'Asia/Almaty', postTime: '09:00', catchUpHours: 3, telegramPostsPerSecond: rate, timer: realTimer },
  });
  const api = new Api(TOKEN, { apiRoot });
  useOutgoingPath(api);
  core.messengers.register('telegram', new TelegramMessenger(api));
  return core;
}

function subscribe(store: SqliteStore, count: number): string[] {
  const ids = Array.from({ length: count }, (_, i) => String(-1_000_000_000_000 - i));
  store.transaction(() => {
    for (const chatId of ids)
      store.subscriptions.save({ address: { platform: 'telegram', chatId }, postMinutes: 540, timeZone: 'Asia/Almaty', startDate: '2024-06-10', changedAt: 0, group: true });
  });
  return ids;
}

interface RunResult {
  name: string;
  chats: number;
  seconds: number;
  rate: number;
  duplicates: number;
  losses: number;
  unsent: number;
  note?: string;
}

function check(name: string, ids: string[], received: Map<string, number>, store: SqliteStore, seconds: number, rate: number, note?: string): RunResult {
  const duplicates = ids.reduce((n, id) => n + Math.max(0, (received.get(id) ?? 0) - 1), 0);
  const losses = ids.filter((id) => !received.has(id)).length;
  return { name, chats: ids.length, seconds, rate, duplicates, losses, unsent: store.subscriptions.listUnsent().length, note };
}

async function cleanRun(rate: number, chats: number, name: string): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fanout-'));
  const api = await fakeBotApi();
  const store = new SqliteStore(openDatabase(join(dir, 'bot.db')));
  try {
    const ids = subscribe(store, chats);
    const core = coreOn(store, api.url, rate);
    const started = performance.now();
    await core.dailyPosts.scheduler!.tick();
    await core.dailyPosts.queue!.drain();
    const seconds = (performance.now() - started) / 1000;
    return check(name, ids, api.received, store, seconds, rate);
  } finally {
    store.close();
    api.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function crashRun(rate: number, chats: number): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fanout-'));
  const file = join(dir, 'bot.db');
  const api = await fakeBotApi();
  try {
    const first = new SqliteStore(openDatabase(file));
    const ids = subscribe(first, chats);
    const core = coreOn(first, api.url, rate);
    const started = performance.now();
    await core.dailyPosts.scheduler!.tick(); // every delivery claimed
    // "Crash" when half the messages are out: queued sends are dropped, their claims stay in the file.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (api.total() >= chats / 2) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    await core.dailyPosts.queue!.stop();
    const beforeCrash = api.total();
    const unsentAtCrash = first.subscriptions.listUnsent().length;
    first.close();

    // Restart: the same file, a fresh scheduler (another owner) after the lease; its first tick re-sends the
    // claimed-but-unsent posts.
    const second = new SqliteStore(openDatabase(file));
    const restarted = coreOn(second, api.url, rate, afterLease);
    const tick = await restarted.dailyPosts.scheduler!.tick();
    await restarted.dailyPosts.queue!.drain();
    const seconds = (performance.now() - started) / 1000;
    const result = check('crash halfway, restart', ids, api.received, second, seconds, rate, `${beforeCrash} sent before the crash, ${unsentAtCrash} claimed but unsent, ${tick.resent} re-sent after restart, ${tick.claimed} new claims`);
    second.close();
    return result;
  } finally {
    api.server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: RunResult[] = [];
results.push(await cleanRun(HIGH_RATE, CHATS, 'clean run'));
results.push(await crashRun(HIGH_RATE, CHATS));
results.push(await cleanRun(100, 500, 'limiter check'));

console.log(`daily-post fan-out through a loopback Bot API (${CHATS} chats; SQLite file; grammY messenger on the outgoing path; 3 in flight)\n`);
console.log('run                       chats   seconds   msg/s    configured   duplicates   losses   unsent');
for (const r of results)
  console.log(
    `${r.name.padEnd(24)} ${String(r.chats).padStart(6)} ${r.seconds.toFixed(2).padStart(9)} ${(r.chats / r.seconds).toFixed(0).padStart(7)} ${String(r.rate).padStart(11)}/s ${String(r.duplicates).padStart(11)} ${String(r.losses).padStart(8)} ${String(r.unsent).padStart(8)}`,
  );
for (const r of results) if (r.note) console.log(`\n${r.name}: ${r.note}`);
const bad = results.some((r) => r.duplicates > 0 || r.losses > 0 || r.unsent > 0);
console.log(bad ? '\nFAIL: duplicates or losses' : '\nOK: no duplicates, no losses');
process.exitCode = bad ? 1 : 0;
