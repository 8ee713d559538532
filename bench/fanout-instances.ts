/**
 * `npm run bench:fanout -- --store postgres --instances 3`: the daily post to 10,000 Telegram chats from several
 * bot processes (the real scheduler, send queue, PostgreSQL store and grammY messenger: test/faults/support/
 * fanout-process.ts) sharing one PostgreSQL database and one send pace, through a loopback fake of the Bot API.
 * The first instance is killed with SIGKILL mid-way, with a send in flight (the fake holds its requests
 * unanswered from then on: they never "reach Telegram"); the others take its claims over after its lease.
 * Prints per-instance and total messages per second against the configured rate, duplicates and losses.
 * Exits with 1 on a duplicate, a loss, or a total rate more than 5 % off the configured one.
 *
 * The server: BENCH_DATABASE_URL (or TEST_POSTGRES_URL) when set, else a throwaway cluster started with
 * .ci/postgres-cluster.sh. Options (environment): BENCH_CHATS (10000), BENCH_RATE (100 messages/s in all),
 * BENCH_LEASE_MS (5000), BENCH_KILL_AFTER (messages the first instance sends before it dies; a sixth of the chats),
 * BENCH_CONCURRENCY (messages in flight per instance, 6). Each process ticks every 2 s (renewing its
 * claims well within their lease), and again as soon as its queue has room (the production cron ticks each minute and refills the same way).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresStore } from '../src/infra/postgres/postgres-store.js';
import { FakeBotApi } from '../test/faults/support/fake-bot-api.js';
import { runTs, until, type Child } from '../test/faults/support/processes.js';

export async function runInstancesBench(instances: number): Promise<boolean> {
  const chats = Number(process.env.BENCH_CHATS ?? 10_000);
  const rate = Number(process.env.BENCH_RATE ?? 100);
  const leaseMs = Number(process.env.BENCH_LEASE_MS ?? 5_000);
  const killAfter = Number(process.env.BENCH_KILL_AFTER ?? Math.floor(chats / 6));
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 6);
  const script = join(import.meta.dirname, '..', '.ci', 'postgres-cluster.sh');

  let server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_POSTGRES_URL;
  let clusterDir: string | undefined;
  if (!server) {
    clusterDir = mkdtempSync(join(tmpdir(), 'bench-pg-'));
    server = execFileSync('bash', [script, 'start', clusterDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
  }
  const name = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const store = new PostgresStore(url.toString(), { poolSize: 4 });
  const children: Child[] = [];
  const fake = await FakeBotApi.start();
  try {
    await store.migrate();
    const ids = Array.from({ length: chats }, (_, i) => String(-1_000_000_000_000 - i));
    await store.db.query(
      `INSERT INTO subscriptions (platform, chat_id, post_minutes, time_zone, start_date, is_group)
       SELECT 'telegram', id, 540, 'Asia/Almaty', '2024-06-10', true FROM unnest($1::text[]) AS id`,
      [ids],
    );

    // The first instance dies after `killAfter` messages: from then on the fake holds its requests.
    let firstSent = 0;
    fake.holdIf = (method, via) => method === 'sendMessage' && via === 'i1' && ++firstSent > killAfter;
    const offset = String(Date.parse('2024-06-10T04:00:00Z') - Date.now());
    const names = Array.from({ length: instances }, (_, i) => `i${i + 1}`);
    for (const n of names)
      children.push(
        runTs('test/faults/support/fanout-process.ts', {
          DATABASE: url.toString(),
          API_ROOT: `${fake.url}/${n}`,
          OWNER: n,
          CLOCK_OFFSET_MS: offset,
          LEASE_MS: String(leaseMs),
          TICK_MS: '2000',
          RATE: String(rate),
          CONCURRENCY: String(concurrency),
        }),
      );
    const started = Date.now();
    // Killed once every one of its sends in flight is held: none is between the API's answer and its record
    // (a SIGKILL in that instant would post that one message twice: the Bot API has no idempotency key).
    await until(() => fake.held >= concurrency, 600_000, 'the first instance to have its sends in flight');
    children[0]!.process.kill('SIGKILL');
    await children[0]!.exited;
    const killedAt = Date.now();
    const unique = () => new Set(fake.received.map((m) => m.chatId)).size;
    await until(() => unique() === chats, 900_000, 'every chat to get its post');
    await until(async () => (await store.subscriptions.listUnsent()).length === 0, 60_000, 'every post to be recorded');

    const counts = new Map<string, number>();
    for (const m of fake.received) counts.set(m.chatId, (counts.get(m.chatId) ?? 0) + 1);
    const duplicates = [...counts.values()].reduce((n, c) => n + c - 1, 0);
    const losses = ids.filter((id) => !counts.has(id)).length;
    const times = fake.received.map((m) => m.at);
    const first = Math.min(...times);
    const last = Math.max(...times);
    const seconds = (last - first) / 1000;
    const total = fake.received.length / seconds;
    const off = (100 * (total - rate)) / rate;

    console.log(`daily-post fan-out: ${chats} chats, ${instances} processes on one PostgreSQL database, one shared pace of ${rate} messages/s; the Bot API is a loopback fake`);
    console.log(`i1 killed with SIGKILL after ${killAfter} posts, ${((killedAt - started) / 1000).toFixed(1)} s after start, with ${fake.held} sends in flight (lease ${leaseMs} ms)\n`);
    console.log('instance   messages   first (s)   last (s)   msg/s while sending');
    for (const n of names) {
      const mine = fake.received.filter((m) => m.via === n);
      if (mine.length === 0) {
        console.log(`${n.padEnd(8)} ${'0'.padStart(10)}`);
        continue;
      }
      const a = Math.min(...mine.map((m) => m.at));
      const b = Math.max(...mine.map((m) => m.at));
      console.log(
        `${n.padEnd(8)} ${String(mine.length).padStart(10)} ${((a - first) / 1000).toFixed(1).padStart(11)} ${((b - first) / 1000).toFixed(1).padStart(10)} ${(mine.length / Math.max(0.001, (b - a) / 1000)).toFixed(0).padStart(21)}`,
      );
    }
    console.log(`\ntotal: ${fake.received.length} messages in ${seconds.toFixed(1)} s = ${total.toFixed(1)} msg/s (configured ${rate}/s, ${off >= 0 ? '+' : ''}${off.toFixed(1)} %)`);
    console.log(`duplicates: ${duplicates}   losses: ${losses}   held (never reached the API): ${fake.held}`);
    const ok = duplicates === 0 && losses === 0 && Math.abs(off) <= 5;
    console.log(ok ? 'OK: no duplicates, no losses, total rate within 5 % of the configured one' : 'FAIL');
    return ok;
  } finally {
    for (const c of children) c.process.kill('SIGKILL');
    await fake.stop();
    await store.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    if (clusterDir) execFileSync('bash', [script, 'stop', clusterDir], { stdio: 'inherit' });
  }
}
