/**
 * `npm run bench:faults`: the two scenarios of the delivery probe, rerun with figures.
 *   1. A full disk after the send: 100 chats subscribed, the write that records a sent daily post fails for
 *      four minutes (SQLite's own SQLITE_FULL, injected where the driver answers), ticks every minute for ten.
 *      Prints posts per chat (the probe found 838 posts, most chats 8–10).
 *   2. A 429 storm: 50 users ask 20 questions each at once; the loopback Bot API refuses every message above
 *      30 a second; the real bot (grammY, runner, outgoing path) polls it with the default rate limit (10 a
 *      minute). Prints, per user, answers, notices, apologies and questions left without any reply (the probe
 *      found 12 updates without a reply and 83 apologies; notices took half the budget).
 * Exits with 1 when a chat got more or less than one post, or a user an apology.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot } from '../src/adapters/telegram/create-bot.js';
import { startPolling } from '../src/adapters/telegram/polling.js';
import { createCoreServices } from '../src/app/core-services.js';
import { silentLogger } from '../src/core/ports.js';
import { loadFactBase } from '../src/infra/data-files.js';
import { openDatabase, SqliteStore } from '../src/infra/sqlite/sqlite-store.js';
import { systemClock } from '../src/infra/system-clock.js';
import { FakeBotApi } from '../test/faults/support/fake-bot-api.js';
import { injectWriteFault } from '../test/faults/support/faulty-db.js';
import { FakeClock, postingCore, request, runUntil } from '../test/subscriptions/support.js';

const TOKEN = '123456:BENCH-faults-token-abcdefghijklmnopqrstuvwxyz';
let bad = false;

async function diskFullAfterSend(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-faults-'));
  try {
    const clock = FakeClock.at('2024-06-10T03:59:00Z');
    const healAt = Date.parse('2024-06-10T04:04:00Z');
    const db = openDatabase(join(dir, 'bot.db'));
    const fault = injectWriteFault(db, { code: 'SQLITE_FULL', match: /SET status = 'sent'/, active: () => clock.ms < healAt });
    const store = new SqliteStore(db);
    const { core, messenger } = postingCore(clock, { store });
    const chats = Array.from({ length: 100 }, (_, i) => String(-100_000 - i));
    for (const id of chats) core.chat.command(request(id), 'subscribe', '09:00 Asia/Almaty');
    await runUntil(core, clock, '2024-06-10T04:10:00Z');
    const perChat = chats.map((id) => messenger.to(id).length);
    const histogram = new Map<number, number>();
    for (const n of perChat) histogram.set(n, (histogram.get(n) ?? 0) + 1);
    console.log('1. write fails after send (100 chats, the record fails 04:00–04:04, ticks each minute to 04:10)');
    console.log(`   posts sent: ${messenger.sent.length}; per chat: ${[...histogram].map(([n, c]) => `${c} chats × ${n}`).join(', ')}`);
    console.log(`   failed writes: ${fault.failed()}; still unrecorded: ${store.subscriptions.listUnsent().length}; queue stats: ${JSON.stringify(core.dailyPosts.queue!.stats)}`);
    if (perChat.some((n) => n !== 1)) bad = true;
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function floodStorm(users: number, questions: number): Promise<void> {
  const fake = await FakeBotApi.start();
  fake.floodLimitPerSecond = 30;
  const store = new SqliteStore(openDatabase(':memory:'));
  const core = createCoreServices({ base: loadFactBase(), clock: systemClock, logger: silentLogger, store, rateLimit: { limit: 10, windowMs: 60_000 } });
  const bot = createBot({ core, logger: silentLogger }, { token: TOKEN, apiRoot: fake.url });
  await bot.init();
  const polling = startPolling(bot, silentLogger, TOKEN, { timeoutSeconds: 1 });
  const ids = Array.from({ length: users }, (_, i) => 90_000 + i);
  const started = performance.now();
  let messageId = 1;
  for (let q = 0; q < questions; q++)
    for (const id of ids)
      fake.push({
        message: {
          message_id: messageId++,
          date: 1_700_000_000,
          chat: { id, type: 'private', first_name: 'A' },
          from: { id, is_bot: false, first_name: 'A', language_code: 'en' },
          text: 'When was the constitutional referendum held?',
        },
      });
  await fake.until(() => fake.allDelivered() && ids.every((id) => fake.to(id).length >= 11), 300_000).catch(() => undefined);
  await polling.stop();
  const seconds = (performance.now() - started) / 1000;
  let answers = 0;
  let notices = 0;
  let apologies = 0;
  let other = 0;
  for (const id of ids)
    for (const m of fake.to(id)) {
      if (/June 5, 2022/.test(m.text)) answers++;
      else if (/asking very fast/.test(m.text)) notices++;
      else if (/sorry/i.test(m.text)) apologies++;
      else other++;
    }
  const asked = users * questions;
  console.log(`\n2. 429 storm (${users} users × ${questions} questions, the API refuses above 30 messages a second, limit 10 questions a minute)`);
  console.log(`   ${seconds.toFixed(1)} s; messages sent: ${fake.received.length} (${(fake.received.length / seconds).toFixed(1)}/s); 429s answered: ${fake.floodRefusals}`);
  console.log(`   answers: ${answers} (${answers / users} per user), rate-limit notices: ${notices} (${notices / users} per user), apologies: ${apologies}, other: ${other}`);
  console.log(`   questions refused in silence after the one notice: ${asked - answers - notices}; users without their answers or notice: ${ids.filter((id) => fake.to(id).length < 11).length}`);
  if (apologies > 0 || ids.some((id) => fake.to(id).length !== 11)) bad = true;
  store.close();
  await fake.stop();
}

await diskFullAfterSend();
await floodStorm(Number(process.env.BENCH_USERS ?? 50), Number(process.env.BENCH_QUESTIONS ?? 20));
console.log(bad ? '\nFAIL' : '\nOK: every chat posted once; every user answered or told once, no apology');
process.exitCode = bad ? 1 : 0;
