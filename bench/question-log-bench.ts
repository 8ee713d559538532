/**
 * `npm run bench:questions`: what the question log costs, on an SQLite file in WAL mode.
 *   1. The reply path: ChatService.question() with the log on and off (answered questions get their ticket,
 *      declines and guesses their entry; the writes themselves run after the reply), p50 and p99.
 *   2. The writes, as the recorder runs them after the reply: entry and ticket, p50 and p99.
 *   3. The cap: rows and file size after 60,000 declines with the default cap of 50,000.
 *   4. questions:review over the full log (50,000 entries, 400 wordings): time to group and judge.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReview } from '../src/app/question-review.js';
import { createCoreServices } from '../src/app/core-services.js';
import type { ChatRequest } from '../src/core/chat/chat-service.js';
import { silentLogger } from '../src/core/ports.js';
import type { LoggedQuestion } from '../src/core/questions/question-log.js';
import { Resolver } from '../src/core/resolver/resolver.js';
import { loadFactBase } from '../src/infra/data-files.js';
import { openDatabase, SqliteStore } from '../src/infra/sqlite/sqlite-store.js';
import { systemClock } from '../src/infra/system-clock.js';

const QUESTIONS = ['When was the constitutional referendum held?', 'Who is Kobrinsky?', 'What is the price of bread?', 'When was Tokayev born?', 'Когда прошёл референдум?', 'сколько стоит хлеб'];
const ROUNDS = 3000;

function percentiles(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `p50 ${(at(0.5) * 1000).toFixed(0)} µs, p99 ${(at(0.99) * 1000).toFixed(0)} µs`;
}

const dir = mkdtempSync(join(tmpdir(), 'bench-qlog-'));
try {
  const base = loadFactBase();
  const resolver = new Resolver(base);
  const store = new SqliteStore(openDatabase(join(dir, 'bot.db')));
  const on = createCoreServices({ base, resolver, clock: systemClock, logger: silentLogger, store, rateLimit: { limit: 1e9, windowMs: 60_000 }, questionLog: { retentionDays: 90 } });
  const off = createCoreServices({ base, resolver, clock: systemClock, logger: silentLogger, store, rateLimit: { limit: 1e9, windowMs: 60_000 } });
  const req = (i: number): ChatRequest => ({ platform: 'telegram', chatId: String(i % 50), userId: String(i % 500), chatKind: 'private', userLang: 'en' });

  // 1. The reply path, the two cores interleaved so that both see the same warm caches.
  const times = { on: [] as number[], off: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    const q = QUESTIONS[i % QUESTIONS.length]!;
    for (const [name, core] of [['off', off], ['on', on]] as const) {
      const t = performance.now();
      await core.chat.question(req(i), q);
      times[name].push(performance.now() - t);
    }
    if (i % 100 === 0) await on.questionLog?.flush();
  }
  await on.questionLog?.flush();
  console.log(`reply path, ${ROUNDS} questions (${QUESTIONS.length} kinds): log off ${percentiles(times.off)}; log on ${percentiles(times.on)}`);

  // 2. The writes themselves.
  const writes = { entry: [] as number[], ticket: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    let t = performance.now();
    await store.questionLog.add({ text: `what is the price of bread ${i}?`, lang: 'en', status: 'unknown', score: 0.25, platform: 'telegram', chatKind: 'private', asker: `a${i % 300}`, at: Date.now() });
    writes.entry.push(performance.now() - t);
    t = performance.now();
    await store.questionLog.addTicket({ id: `t${i}`, text: 'When was the constitutional referendum held?', lang: 'en', factId: 'referendum-june-5', score: 0.79, expiresAt: Date.now() + 86_400_000 });
    writes.ticket.push(performance.now() - t);
  }
  console.log(`writes after the reply: entry ${percentiles(writes.entry)}; ticket ${percentiles(writes.ticket)}`);

  // 3. The cap.
  const wordings = Array.from({ length: 400 }, (_, i) => `${QUESTIONS[i % QUESTIONS.length]!.replace(/\?$/, '')} ${['please', 'now', 'exactly', 'again'][i % 4]} ${i}?`);
  const t3 = performance.now();
  await store.transaction(async () => {
    for (let i = 0; i < 60_000; i++) {
      const entry: LoggedQuestion = { text: wordings[i % wordings.length]!, lang: i % 6 >= 4 ? 'ru' : 'en', status: i % 3 === 0 ? 'unsure' : 'unknown', score: 0.3, platform: 'telegram', chatKind: 'group', asker: `a${i % 2000}`, at: Date.now() };
      await store.questionLog.add(entry);
    }
  });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(
    `cap: 60,000 declines added in ${((performance.now() - t3) / 1000).toFixed(1)} s; ${await store.questionLog.count()} rows kept; database file ${(statSync(join(dir, 'bot.db')).size / 1e6).toFixed(1)} MB`,
  );

  // 4. The review of the full log.
  const t4 = performance.now();
  const review = await runReview({ log: store.questionLog, resolver, now: Date.now(), retentionDays: 90, suggest: true, outDir: join(dir, 'review') });
  console.log(`questions:review over ${review.entries} entries: ${review.groups.length} groups in ${((performance.now() - t4) / 1000).toFixed(1)} s`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
