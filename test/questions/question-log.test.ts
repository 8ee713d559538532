/**
 * The question log with the real core and a real SQLite database: what is logged, what is not, what is
 * stored about the asker, expiry, the cap, and a write that fails.
 */
import { describe, expect, it } from 'vitest';
import { capturingLogger } from '../telegram/support/logger.js';
import { injectWriteFault } from '../faults/support/faulty-db.js';
import { createCoreServices } from '../../src/app/core-services.js';
import { silentLogger } from '../../src/core/ports.js';
import { openDatabase, SqliteStore } from '../../src/infra/sqlite/sqlite-store.js';
import { systemClock } from '../../src/infra/system-clock.js';
import { sharedFacts } from '../support/shared-facts.js';
import { countingMetrics, loggingCore, member, QUESTIONS } from './support.js';

const DAY = 86_400_000;

/** Every row of both tables, as text: what a person reading the database file would see. */
function dump(store: SqliteStore): string {
  return JSON.stringify([store.db.prepare('SELECT * FROM question_log').all(), store.db.prepare('SELECT * FROM feedback_tickets').all()]);
}

describe('the question log', () => {
  it('logs declines and best guesses with their language, status, fact, score, platform and chat kind', async () => {
    const { core, store } = loggingCore();
    const unknown = await core.chat.question(member(), QUESTIONS.unknown);
    const unsure = await core.chat.question(member('5', { platform: 'discord', chatKind: 'group' }), QUESTIONS.unsure);
    expect(unknown.answer?.status).toBe('unknown');
    expect(unsure.answer?.status).toBe('unsure');
    await core.questionLog?.flush();
    const entries = await store.questionLog.list({ since: 0 });
    expect(entries).toMatchObject([
      { text: QUESTIONS.unknown, lang: 'en', status: 'unknown', platform: 'telegram', chatKind: 'private' },
      { text: QUESTIONS.unsure, lang: 'en', status: 'unsure', factId: 'referendum-june-5', platform: 'discord', chatKind: 'group' },
    ]);
    expect(entries[1]?.score).toBeCloseTo(unsure.answer?.confidence ?? -1, 2);
    expect(entries[0]?.score).toBeGreaterThan(0);
    expect(entries[0]?.factId).toBeTruthy();
  });

  it('logs neither answers, nor small talk, nor rate-limited questions', async () => {
    const { core, store } = loggingCore({ rateLimit: 2 });
    await core.chat.question(member(), QUESTIONS.answered);
    await core.chat.question(member(), 'hi!');
    await core.chat.question(member(), 'thanks 👍');
    await core.chat.question(member(), QUESTIONS.unknown);
    const refused = await core.chat.question(member(), QUESTIONS.unknown);
    expect(refused.text).toMatch(/wait/);
    await core.questionLog?.flush();
    expect((await store.questionLog.list({ since: 0 })).map((e) => e.text)).toEqual([QUESTIONS.unknown]);
  });

  it('masks the text and stores no user id, chat id or name', async () => {
    const { core, store } = loggingCore();
    const req = member('918273645', { chatId: '-100777666555', userName: 'Aigerim Nurlanovna', chatKind: 'group' });
    await core.chat.question(req, 'write to aigerim@mail.kz or +7 701 123 45 67: what is the price of bread?');
    await core.chat.question(req, QUESTIONS.answered);
    await core.questionLog?.flush();
    const [entry] = await store.questionLog.list({ since: 0 });
    expect(entry?.text).toBe('write to [email] or [phone]: what is the price of bread?');
    const everything = dump(store);
    for (const secret of ['918273645', '777666555', 'Aigerim', 'aigerim@mail.kz', '701 123']) expect(everything).not.toContain(secret);
  });

  it('counts distinct askers by a hash that is the same all day and changes the next day', async () => {
    const { core, store, clock } = loggingCore();
    await core.chat.question(member('1'), QUESTIONS.unknown);
    await core.chat.question(member('1'), QUESTIONS.entityGap);
    await core.chat.question(member('2'), QUESTIONS.unknown);
    clock.advance(DAY);
    await core.chat.question(member('1'), QUESTIONS.unknown);
    await core.questionLog?.flush();
    const [a, b, c, d] = (await store.questionLog.list({ since: 0 })).map((e) => e.asker);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(d).not.toBe(a);
    expect(a).toMatch(/^[\w-]{16}$/);
  });

  it('deletes entries older than QUESTION_LOG_DAYS when it starts and every hour', async () => {
    const { core, store, clock } = loggingCore({ days: 30 });
    await core.chat.question(member(), QUESTIONS.unknown);
    clock.advance(20 * DAY);
    await core.chat.question(member(), QUESTIONS.entityGap);
    await core.questionLog?.flush();
    clock.advance(11 * DAY);
    core.questionLog?.start();
    await core.questionLog?.stop();
    expect((await store.questionLog.list({ since: 0 })).map((e) => e.text)).toEqual([QUESTIONS.entityGap]);
  });

  it('keeps at most the cap: the oldest entries go as new ones come', async () => {
    const { core, store } = loggingCore({ limits: { entries: 5, tickets: 3 } });
    for (let i = 1; i <= 8; i++) await core.chat.question(member(String(i)), `what is the price of bread number ${i}?`);
    for (let i = 1; i <= 5; i++) await core.chat.question(member(String(i)), QUESTIONS.answered);
    await core.questionLog?.flush();
    expect(await store.questionLog.count()).toBe(5);
    expect((await store.questionLog.list({ since: 0 })).map((e) => e.text.match(/\d+/)?.[0])).toEqual(['4', '5', '6', '7', '8']);
    expect(store.db.prepare('SELECT count(*) AS n FROM feedback_tickets').get()).toEqual({ n: 3 });
  });

  it('answers as usual when the log cannot be written (a full disk), and logs and counts the failure', async () => {
    const db = openDatabase(':memory:');
    let full = true;
    injectWriteFault(db, { match: /question_log|feedback_tickets/, active: () => full });
    const logger = capturingLogger();
    const metrics = countingMetrics();
    const { core, store } = loggingCore({ db: new SqliteStore(db), logger, metrics });
    const declined = await core.chat.question(member(), QUESTIONS.unknown);
    const answered = await core.chat.question(member(), QUESTIONS.answered);
    expect(declined.text).toMatch(/does not say/);
    expect(answered.text).toMatch(/June 5, 2022/);
    await core.questionLog?.flush();
    expect(metrics.errors.get('question_log')).toBe(2);
    expect(core.questionLog?.failedWrites).toBe(2);
    expect(logger.text()).toContain('question log write failed');
    expect(logger.text()).toContain('SQLITE_FULL');
    expect(logger.text()).not.toContain('bread');
    full = false;
    await core.chat.question(member(), QUESTIONS.unknown);
    await core.questionLog?.flush();
    expect(await store.questionLog.count()).toBe(1);
  });

  it('is off unless asked for (QUESTION_LOG=off): no log, no button', async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    const plain = createCoreServices({ ...sharedFacts(), clock: systemClock, logger: silentLogger, store });
    expect(plain.questionLog).toBeUndefined();
    const reply = await plain.chat.question(member(), QUESTIONS.answered);
    await plain.chat.question(member(), QUESTIONS.unknown);
    expect(reply.buttons.flat().some((b) => b.kind === 'feedback')).toBe(false);
    expect(await store.questionLog.count()).toBe(0);
  });
});
