/**
 * Two bot processes (dist/main.js, Telegram webhook mode) on one PostgreSQL database, as behind a load
 * balancer: any instance takes any update. A follow-up works on the instance that did not see the question, a
 * press counts once whichever instance receives it (and a webhook update delivered to both is handled once),
 * and a quiz whose instance dies is revealed by another at its deadline.
 *
 * The instances start once for the file (a start costs a process its imports, migrations and index): each test
 * has chats, members and update ids of its own, and the test that kills an instance kills a third one, C,
 * started for it, so the tests do not depend on their order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/infra/postgres/postgres-store.js';
import { FakeBotApi } from '../faults/support/fake-bot-api.js';
import { until } from '../faults/support/processes.js';
import { seen } from '../telegram/support/html.js';
import { freshDatabase } from '../support/postgres.js';
import { pressUpdate, startInstance, textUpdate, type BotInstance } from './support/bot-instance.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const QUESTION_SECONDS = 5;

interface Instances {
  a: BotInstance;
  b: BotInstance;
  /** The instance the quiz test kills. */
  c: BotInstance;
  fake: FakeBotApi;
  store: PostgresStore;
  /** Every answerCallbackQuery the instances made. */
  answers: Record<string, unknown>[];
}

async function threeInstances(): Promise<Instances> {
  const db = await freshDatabase();
  const store = new PostgresStore(db.url);
  await store.migrate();
  cleanups.push(async () => {
    await store.close();
    await db.drop();
  });
  const fake = await FakeBotApi.start();
  cleanups.push(() => fake.stop());
  const answers: Record<string, unknown>[] = [];
  fake.override = (method, payload) => {
    if (method === 'answerCallbackQuery') answers.push(payload);
    return undefined;
  };
  const env = { STUDY_QUESTION_SECONDS: String(QUESTION_SECONDS), STUDY_TIMER_LEASE_SECONDS: '3' };
  const started = await Promise.allSettled(['A', 'B', 'C'].map((name) => startInstance(name, db.url, fake, env)));
  for (const s of started) if (s.status === 'fulfilled') cleanups.push(() => void s.value.child.process.kill('SIGKILL'));
  const [a, b, c] = started.map((s) => {
    if (s.status === 'rejected') throw s.reason;
    return s.value;
  });
  return { a: a!, b: b!, c: c!, fake, store, answers };
}

let instances: Instances;
beforeAll(async () => {
  instances = await threeInstances();
}, 90_000);

/** The inline keyboard's callback data of a message the fake received. */
function buttons(payload: Record<string, unknown>): string[] {
  const markup = (typeof payload.reply_markup === 'string' ? JSON.parse(payload.reply_markup) : payload.reply_markup) as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat().flatMap((b) => (b.callback_data ? [b.callback_data] : []));
}

describe('bot instances behind a load balancer', { timeout: 90_000 }, () => {
  it('answer a follow-up on the instance that did not see the question', async () => {
    const { a, b, fake } = instances;
    const chat = { id: 701, type: 'private' as const };
    expect(await a.deliver(textUpdate(1, chat, 701, 'Кто участвовал в круглом столе?'))).toBe(200);
    await until(() => fake.to(701).length === 1, 15_000, 'the answer');
    expect(await b.deliver(textUpdate(2, chat, 701, 'кто его открыл?'))).toBe(200);
    await until(() => fake.to(701).length === 2, 15_000, 'the follow-up answer');
    const followUp = fake.to(701)[1]!;
    expect(followUp.via).toBe('B');
    // "It" is the round table, known to B only through the shared conversation context: answered outright
    // (asked with no context, the question gets only a guess).
    expect(seen(followUp.text)).toContain('открыл посол Казахстана в России Ермек Кошербаев');
    expect(seen(followUp.text)).not.toMatch(/Не уверен|Или вы имели в виду/);
  });

  it('count a member\'s press once, whichever instance receives it, and handle a webhook update delivered to both once', async () => {
    const { a, b, fake, store } = instances;
    const group = -100500;
    const answers = () => instances.answers.filter((p) => ['cq-11', 'cq-12'].includes(String(p.callback_query_id)));
    expect(await a.deliver(textUpdate(10, { id: group, type: 'supergroup' }, 1, '/study 2'))).toBe(200);
    await until(() => fake.to(group).length === 1, 15_000, 'the first question');
    const question = fake.to(group)[0]!;
    const [first, second] = buttons(question.payload);
    const messageId = question.messageId;
    if (messageId === undefined) throw new Error('the fake gave the question no message id');
    // The same update (a webhook retry) to both instances, and a second press of the member to B, at once.
    const statuses = await Promise.all([
      a.deliver(pressUpdate(11, group, 42, first!, messageId)),
      b.deliver(pressUpdate(11, group, 42, first!, messageId)),
      b.deliver(pressUpdate(12, group, 42, second!, messageId)),
    ]);
    expect(statuses).toEqual([200, 200, 200]);
    await until(() => answers().length >= 2, 15_000, 'the presses to be answered');
    const texts = answers().map((p) => (typeof p.text === 'string' ? p.text : ''));
    expect(texts.filter((t) => t.startsWith('Your answer'))).toHaveLength(1);
    expect(texts.filter((t) => /already answered/i.test(t))).toHaveLength(1);
    expect(answers()).toHaveLength(2);
    const stored = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM study_answers WHERE user_id = $1', ['42']);
    expect(stored.rows[0]!.n).toBe(1);
  });

  it('reveal a quiz question at its deadline from another instance when the one that opened it dies', async () => {
    const { c, fake } = instances;
    const group = -100600;
    await c.deliver(textUpdate(20, { id: group, type: 'supergroup' }, 3, '/study 2'));
    await until(() => fake.to(group).length === 1, 15_000, 'the first question');
    const opened = fake.to(group)[0]!;
    expect(opened.via).toBe('C');
    c.child.process.kill('SIGKILL');
    await c.child.exited;
    await until(() => fake.to(group).length === 2, 30_000, 'the reveal');
    const reveal = fake.to(group)[1]!;
    expect(['A', 'B']).toContain(reveal.via);
    expect(seen(reveal.text)).toContain('Question 2/2');
    // Not before the deadline; at most a lease and a sweep after it.
    expect(reveal.at).toBeGreaterThanOrEqual(opened.at + QUESTION_SECONDS * 1000 - 100);
    expect(reveal.at).toBeLessThan(opened.at + QUESTION_SECONDS * 1000 + 6_000);
  });
});
