/**
 * One rate limit, in the core, for everything a user can trigger: questions, commands that answer, buttons (the
 * daily post's answer button included), inline queries. Greetings, emoji and empty lines do not count, quiz
 * choices do not count, and the notice is given once per window.
 */
import { describe, expect, it } from 'vitest';
import { createCoreServices } from '../../src/app/core-services.js';
import type { ChatRequest } from '../../src/core/chat/chat-service.js';
import { silentLogger } from '../../src/core/ports.js';
import { DAILY_ACTION } from '../../src/core/subscriptions/post-composer.js';
import { PrometheusMetrics } from '../../src/infra/metrics/prometheus-metrics.js';
import { SqliteStore, openDatabase } from '../../src/infra/sqlite/sqlite-store.js';
import { sharedFacts } from '../support/shared-facts.js';

const QUESTION = 'When was the constitutional referendum held?';

function fakeClock(start = Date.parse('2024-06-10T06:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

function core(limit = 2, options: { store?: boolean; metrics?: PrometheusMetrics } = {}) {
  const clock = fakeClock();
  const services = createCoreServices({
    ...sharedFacts(),
    clock,
    logger: silentLogger,
    rateLimit: { limit, windowMs: 60_000 },
    ...(options.store ? { store: new SqliteStore(openDatabase(':memory:')) } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  return { ...services, clock };
}

const user: ChatRequest = { platform: 'telegram', chatId: '-1', userId: '7', chatKind: 'group', userLang: 'en', isAdmin: true };

describe('the one rate limit', () => {
  it('counts commands that answer, /help and /today included', async () => {
    const { chat } = core(2);
    expect((await chat.command(user, 'help', ''))?.text).not.toMatch(/asking very fast/);
    expect((await chat.command(user, 'today', ''))?.text).not.toMatch(/asking very fast/);
    expect((await chat.command(user, 'topics', ''))?.text).toMatch(/asking very fast/);
    expect((await chat.command(user, 'preview', '2022-06-05'))?.text).toMatch(/asking very fast/);
  });

  it('does not count greetings, thanks, emoji or empty lines', async () => {
    const { chat } = core(2);
    for (const text of ['hi', 'Привет!', 'рахмет', '👍', '🙂🙂', '', '   ', '?!', 'thank you']) await chat.question(user, text);
    // A plain /start greets too.
    for (let i = 0; i < 3; i++) expect((await chat.command(user, 'start', ''))?.text).toMatch(/^Hello!/);
    expect((await chat.question(user, QUESTION)).text).toMatch(/June 5, 2022/);
    expect((await chat.question(user, QUESTION)).text).toMatch(/June 5, 2022/);
    expect((await chat.question(user, QUESTION)).text).toMatch(/asking very fast/);
  });

  it('gives the notice once per window; later messages in it are marked as repeats, and a new window tells again', async () => {
    const { chat, clock } = core(2);
    await chat.question(user, QUESTION);
    await chat.question(user, QUESTION);
    const first = await chat.question(user, QUESTION);
    expect(first.text).toMatch(/asking very fast/);
    expect(first.repeatNotice).toBeUndefined();
    expect((await chat.question(user, QUESTION)).repeatNotice).toBe(true);
    expect((await chat.command(user, 'help', ''))?.repeatNotice).toBe(true);
    clock.advance(61_000);
    expect((await chat.question(user, QUESTION)).text).toMatch(/June 5, 2022/);
    await chat.question(user, QUESTION);
    expect((await chat.question(user, QUESTION)).repeatNotice).toBeUndefined();
  });

  it('counts the daily post\'s answer button, with the refusal as a toast', async () => {
    const { chat, base: facts } = core(2, { store: true });
    const fact = facts.facts.find((f) => f.questions.en.length > 0)!;
    const presses = [];
    for (let i = 0; i < 20; i++) presses.push(await chat.action(user, `${DAILY_ACTION.answer}${fact.id}`));
    const answers = presses.filter((r) => r && !r.toast);
    expect(answers).toHaveLength(2);
    expect(presses.slice(2).every((r) => r?.toast === true && /asking very fast/.test(r.text))).toBe(true);
  });

  it('does not count the choices of a quiz (answers to the bot\'s own questions)', async () => {
    const { chat, store } = core(1, { store: true });
    const start = (await chat.command(user, 'study', '3'))!;
    expect(start.text).toContain('Question 1/3');
    const session = (await store!.study.activeSession({ platform: 'telegram', chatId: '-1' }))!;
    const right = start.buttons.flat()[session.questions[0]!.correct]!.data;
    expect((await chat.action(user, right))?.text).toMatch(/^Your answer/);
    expect((await chat.action({ ...user, userId: '8' }, right))?.text).toMatch(/^Your answer/);
  });

  it('counts inline queries like questions (a query still being typed once), with metrics', async () => {
    const metrics = new PrometheusMetrics({ processMetrics: false });
    const { chat, clock } = core(2, { metrics });
    // Four queries a second apart, as a client sends them while the user types: one question.
    for (const q of ['referendum', 'referendum in', 'referendum in June', 'referendum in June 2022']) {
      expect('suggestions' in await chat.inline(user, q, 5)).toBe(true);
      clock.advance(1_000);
    }
    clock.advance(10_000);
    expect('suggestions' in await chat.inline(user, 'presidential term', 5)).toBe(true);
    clock.advance(10_000);
    const limited = await chat.inline(user, 'death penalty', 5);
    expect('limited' in limited && limited.limited.text).toMatch(/asking very fast/);
    // An empty query shows examples and counts nothing.
    expect('suggestions' in await chat.inline(user, '', 5)).toBe(true);
    const text = (await metrics.expose()).body;
    const counted = [...text.matchAll(/bot_questions_total\{status="(?:answered|unsure|unknown)",lang="en"\} (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(counted).toBe(5);
    expect(text).toContain('bot_questions_total{status="rate_limited",lang="en"} 1');
  });
});

describe('"today" in a question', () => {
  it('is the date in the chat\'s zone (the default zone here), not in UTC', async () => {
    // 20:00 UTC on 4 June is already 5 June in Almaty: the referendum's day.
    const services = createCoreServices({ ...sharedFacts(), clock: { now: () => new Date('2022-06-04T20:00:00Z') }, logger: silentLogger, store: new SqliteStore(openDatabase(':memory:')) });
    expect((await services.chat.question(user, 'What happened on this day?')).text).toMatch(/referendum/i);
    // A chat subscribed in New York is still on 4 June.
    await services.chat.command(user, 'subscribe', '09:00 America/New_York');
    expect((await services.chat.question(user, 'What happened on this day?')).text).not.toMatch(/referendum/i);
  });
});
