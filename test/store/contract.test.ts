/**
 * One contract for the repositories, run against both stores: SQLite (embedded, one process per file) and
 * PostgreSQL (shared by several instances). Nothing here is tested on one store only. Each test gets an empty,
 * migrated store (SQLite in memory; PostgreSQL on the file's one database, emptied for it); `raw` runs SQL both
 * dialects accept, to put rows in states the repositories never write.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ChatAddress } from '../../src/core/messenger.js';
import { RateLimiter } from '../../src/core/chat/rate-limiter.js';
import { moveChat } from '../../src/core/store/chat-move.js';
import type { Store } from '../../src/core/store/store.js';
import type { QuizQuestion } from '../../src/core/study/quiz.js';
import type { StudySession } from '../../src/core/study/study-store.js';
import type { Claim } from '../../src/core/subscriptions/subscription-repository.js';
import type { LoggedQuestion } from '../../src/core/questions/question-log.js';
import { SqliteStore, openDatabase } from '../../src/infra/sqlite/sqlite-store.js';
import { emptiedPostgresStores } from '../support/postgres.js';
import { capturingLogger, type LogEntry } from '../telegram/support/logger.js';

interface Harness {
  store: Store;
  raw: (sql: string) => Promise<void>;
  close: () => Promise<void>;
  /** What the store logged. */
  logged: LogEntry[];
}

/** Small caps, so that the question log's trimming shows. */
const LIMITS = { entries: 3, tickets: 2 };

/** One PostgreSQL database for the file, emptied for each test. */
const postgres = emptiedPostgresStores();
afterAll(() => postgres.drop());

const STORES: [string, () => Promise<Harness>][] = [
  [
    'SQLite',
    () => {
      const logger = capturingLogger();
      const store = new SqliteStore(openDatabase(':memory:'), { questionLogLimits: LIMITS, logger });
      return Promise.resolve({ store, raw: (sql) => Promise.resolve(void store.db.exec(sql)), close: () => store.close(), logged: logger.entries });
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const logger = capturingLogger();
      const store = await postgres.open({ questionLogLimits: LIMITS, logger });
      return { store, raw: async (sql: string) => void (await store.db.query(sql)), close: () => store.close(), logged: logger.entries };
    },
  ],
];

const chat: ChatAddress = { platform: 'telegram', chatId: '-100' };
const other: ChatAddress = { platform: 'discord', chatId: '42' };
const question: QuizQuestion = { factId: 'referendum-june-5', kind: 'date', lang: 'en', text: 'When?', choices: ['A', 'B', 'C', 'D'], correct: 2 };

function claimOf(address: ChatAddress, localDate: string, owner: string, leaseUntil: number, extra: Partial<Claim> = {}): Claim {
  return {
    address,
    localDate,
    dueAt: Date.parse(`${localDate}T04:00:00Z`),
    plan: { kind: 'fact', factId: 'referendum-june-5' },
    claimedAt: Date.parse(`${localDate}T04:00:00Z`),
    owner,
    leaseUntil,
    shown: [{ track: 'fact', factId: 'referendum-june-5' }],
    resetTracks: [],
    ...extra,
  };
}

function sessionOf(address: ChatAddress, at = 1_000): Omit<StudySession, 'id'> {
  return { address, starterId: 'u1', chatKind: 'group', lang: 'en', questions: [question, question], current: 0, roundOpenedAt: at, status: 'active', startedAt: at };
}

describe.each(STORES)('the %s store', (_name, open) => {
  let h: Harness;
  const start = async () => (h = await open());
  afterEach(async () => {
    await h?.close();
  });

  describe('chat settings and transactions', () => {
    it('keeps settings, and moves every feature\'s rows of a chat to its new id in one step', async () => {
      const { store } = await start();
      await store.chats.setLang(chat, 'kk');
      await store.chats.setPaused(chat, true);
      expect(await store.chats.get(chat)).toEqual({ address: chat, lang: 'kk', paused: true });
      await store.subscriptions.save({ address: chat, postMinutes: 540, timeZone: 'Asia/Almaty', startDate: '2024-06-10', changedAt: 0, group: true });
      expect(await store.subscriptions.claim(claimOf(chat, '2024-06-10', 'a', 10))).toBe(true);
      const id = (await store.study.createSession(sessionOf(chat)))!;
      await moveChat(store, chat, '-100200');
      const moved = { platform: 'telegram' as const, chatId: '-100200' };
      expect(await store.chats.get(chat)).toBeUndefined();
      expect((await store.chats.get(moved))?.lang).toBe('kk');
      expect(await store.subscriptions.get(moved)).toMatchObject({ postMinutes: 540, lastLocalDate: '2024-06-10' });
      expect((await store.subscriptions.recent(moved, 5)).map((d) => d.localDate)).toEqual(['2024-06-10']);
      expect(await store.subscriptions.shown(moved, 'fact')).toEqual(new Set(['referendum-june-5']));
      expect((await store.study.activeSession(moved))?.id).toBe(id);
    });

    it('rolls a failed transaction back whole, and a transaction inside another joins it', async () => {
      const { store } = await start();
      await expect(
        store.transaction(async () => {
          await store.chats.setLang(chat, 'ru');
          await store.transaction(() => store.chats.setPaused(other, true));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.chats.get(chat)).toBeUndefined();
      expect(await store.chats.get(other)).toBeUndefined();
      await store.transaction(() => store.chats.setLang(chat, 'ru'));
      expect((await store.chats.get(chat))?.lang).toBe('ru');
    });

    it('answers a ping and a write probe, and says it cannot once closed', async () => {
      const { store } = await start();
      expect(await store.ping()).toBe(true);
      expect(await store.checkWrite()).toEqual({ ok: true });
      await store.close();
      expect(await store.ping()).toBe(false);
      expect((await store.checkWrite()).ok).toBe(false);
      h = { ...h, close: () => Promise.resolve() };
    });
  });

  describe('leases', () => {
    it('gives a lease to one owner until it expires or is released, and renews it for its owner', async () => {
      const { store } = await start();
      expect((await store.leases.acquire('daily-posts', 'a', 0, 100)).owner).toBe('a');
      expect(await store.leases.acquire('daily-posts', 'b', 50, 150)).toEqual({ name: 'daily-posts', owner: 'a', expiresAt: 100 });
      expect(await store.leases.acquire('daily-posts', 'a', 60, 160)).toEqual({ name: 'daily-posts', owner: 'a', expiresAt: 160 });
      expect((await store.leases.acquire('daily-posts', 'b', 160, 260)).owner).toBe('b');
      await store.leases.release('daily-posts', 'a');
      expect((await store.leases.acquire('daily-posts', 'a', 170, 270)).owner).toBe('b');
      await store.leases.release('daily-posts', 'b');
      expect((await store.leases.acquire('daily-posts', 'a', 171, 271)).owner).toBe('a');
    });
  });

  describe('daily-post subscriptions and deliveries', () => {
    it('saves, lists active unpaused chats, pauses and deletes', async () => {
      const { store } = await start();
      await store.subscriptions.save({ address: chat, postMinutes: 540, timeZone: 'Asia/Almaty', startDate: '2024-06-10', changedAt: 0, group: true });
      await store.subscriptions.save({ address: other, postMinutes: 60, timeZone: 'Europe/Berlin', startDate: '2024-06-11', changedAt: 5, group: false });
      expect((await store.subscriptions.listActive()).map((s) => s.address.chatId).sort()).toEqual(['-100', '42']);
      await store.chats.setPaused(other, true);
      expect((await store.subscriptions.listActive()).map((s) => s.address.chatId)).toEqual(['-100']);
      await store.subscriptions.setActive(chat, false);
      expect(await store.subscriptions.listActive()).toEqual([]);
      expect(await store.subscriptions.get(other)).toEqual({ address: other, postMinutes: 60, timeZone: 'Europe/Berlin', active: true, startDate: '2024-06-11', changedAt: 5, group: false });
      expect(await store.subscriptions.delete(other)).toBe(true);
      expect(await store.subscriptions.delete(other)).toBe(false);
    });

    it('claims a date once, never an earlier one after a later, and records the rotation with it', async () => {
      const { store } = await start();
      await store.subscriptions.save({ address: chat, postMinutes: 540, timeZone: 'Asia/Almaty', startDate: '2024-06-10', changedAt: 0, group: true });
      expect(await store.subscriptions.claim(claimOf(chat, '2024-06-11', 'a', 10))).toBe(true);
      expect(await store.subscriptions.claim(claimOf(chat, '2024-06-11', 'b', 10))).toBe(false);
      expect(await store.subscriptions.claim(claimOf(chat, '2024-06-10', 'b', 10))).toBe(false);
      const [d] = await store.subscriptions.recent(chat, 5);
      expect(d).toMatchObject({ localDate: '2024-06-11', status: 'claimed', group: true, owner: 'a', leaseUntil: 10, plan: { kind: 'fact', factId: 'referendum-june-5' } });
      expect((await store.subscriptions.get(chat))?.lastLocalDate).toBe('2024-06-11');
      expect(await store.subscriptions.claim(claimOf(chat, '2024-06-12', 'a', 10, { shown: [{ track: 'question', factId: 'q1' }], resetTracks: ['fact'] }))).toBe(true);
      expect(await store.subscriptions.shown(chat, 'fact')).toEqual(new Set());
      expect(await store.subscriptions.shown(chat, 'question')).toEqual(new Set(['q1']));
    });

    it('marks a claim sent or skipped once, and lists the unsent', async () => {
      const { store } = await start();
      await store.subscriptions.claim(claimOf(chat, '2024-06-10', 'a', 10));
      await store.subscriptions.claim(claimOf(other, '2024-06-10', 'a', 10));
      expect((await store.subscriptions.listUnsent()).length).toBe(2);
      await store.subscriptions.markSent(chat, '2024-06-10', '77', 5);
      await store.subscriptions.markSkipped(chat, '2024-06-10', 'late');
      await store.subscriptions.markSkipped(other, '2024-06-10', 'chat unavailable');
      expect(await store.subscriptions.listUnsent()).toEqual([]);
      expect((await store.subscriptions.recent(chat, 1))[0]?.status).toBe('sent');
      expect((await store.subscriptions.recent(other, 1))[0]?.status).toBe('skipped');
    });

    it('leases claims: renews its own, takes over expired ones, leaves live ones, only on the platforms asked', async () => {
      const { store } = await start();
      await store.subscriptions.claim(claimOf(chat, '2024-06-10', 'a', 100));
      await store.subscriptions.claim(claimOf(other, '2024-06-10', 'b', 100));
      expect((await store.subscriptions.leaseClaims('a', 50, 200)).map((d) => d.address.chatId)).toEqual(['-100']);
      expect(await store.subscriptions.leaseClaims('c', 150, 300, ['telegram'])).toEqual([]);
      const taken = await store.subscriptions.leaseClaims('c', 150, 300, ['discord']);
      expect(taken.map((d) => [d.address.chatId, d.owner, d.leaseUntil])).toEqual([['42', 'c', 300]]);
      await store.subscriptions.releaseClaims('a');
      expect((await store.subscriptions.leaseClaims('c', 151, 301)).map((d) => d.address.chatId).sort()).toEqual(['-100', '42']);
    });

    it('offers for claiming only the chats whose date is not claimed yet', async () => {
      const { store } = await start();
      for (const a of [chat, other]) await store.subscriptions.save({ address: a, postMinutes: 540, timeZone: 'UTC', startDate: '2024-06-10', changedAt: 0, group: false });
      await store.subscriptions.claim(claimOf(chat, '2024-06-10', 'a', 10));
      const due = [chat, other].map((address) => ({ address, localDate: '2024-06-10' }));
      expect(await store.transaction(() => store.subscriptions.lockDue(due))).toEqual([other]);
      expect((await store.transaction(() => store.subscriptions.lockDue(due.map((d) => ({ ...d, localDate: '2024-06-11' }))))).length).toBe(2);
    });

    it('leaves out, and logs, a delivery whose stored plan does not parse, and still reads the others', async () => {
      const { store, raw, logged } = await start();
      for (const date of ['2024-06-10', '2024-06-11', '2024-06-12']) {
        await store.subscriptions.claim(claimOf(chat, date, 'a', 10));
        await store.subscriptions.claim(claimOf(other, date, 'a', 10));
      }
      // A shape no version writes, and text that is not JSON (SQLite stores text; PostgreSQL's jsonb refuses it).
      await raw(`UPDATE deliveries SET plan = '{"kind":"poem"}' WHERE local_date = '2024-06-11'`);
      if (store instanceof SqliteStore) await raw(`UPDATE deliveries SET plan = '{"kind":' WHERE local_date = '2024-06-12'`);
      else await raw(`UPDATE deliveries SET plan = '[1, 2]' WHERE local_date = '2024-06-12'`);
      expect((await store.subscriptions.recent(chat, 5)).map((d) => d.localDate)).toEqual(['2024-06-10']);
      expect((await store.subscriptions.listUnsent()).map((d) => d.localDate)).toEqual(['2024-06-10', '2024-06-10']);
      expect((await store.subscriptions.leaseClaims('b', 50, 100)).map((d) => d.localDate)).toEqual(['2024-06-10', '2024-06-10']);
      const skipped = logged.filter((e) => e.level === 'error' && /stored plan does not parse/.test(e.msg ?? ''));
      expect(skipped.length).toBeGreaterThan(0);
      expect(skipped[0]?.obj).toMatchObject({ platform: 'telegram', chatId: '-100', localDate: '2024-06-12' });
    });
  });

  describe('questions of the day', () => {
    it('keeps a member\'s first press per date, reads it back, and refuses topics that are not a list', async () => {
      const { store, raw } = await start();
      const press = { platform: 'discord' as const, chatId: 'c', userId: 'u', localDate: '2024-08-20', questionId: 'q', factId: 'f', choice: 1, correct: false, topics: ['economy'], answeredAt: 5 };
      expect(await store.dailyAnswers.add(press)).toBe(true);
      expect(await store.dailyAnswers.add({ ...press, choice: 0, correct: true })).toBe(false);
      expect(await store.dailyAnswers.get('discord', 'u', '2024-08-20')).toEqual(press);
      expect(await store.dailyAnswers.get('telegram', 'u', '2024-08-20')).toBeUndefined();
      await raw(`UPDATE daily_answers SET topics = '{"not":"a list"}'`);
      await expect(store.dailyAnswers.get('discord', 'u', '2024-08-20')).rejects.toThrow(/topics/);
    });
  });

  describe('study sessions', () => {
    it('keeps one active session per chat, moves and ends it only from the round it is at', async () => {
      const { store } = await start();
      const id = (await store.study.createSession(sessionOf(chat)))!;
      expect(await store.study.createSession(sessionOf(chat))).toBeUndefined();
      expect((await store.study.session(id))?.questions).toEqual([question, question]);
      expect(await store.study.advance(id, 0, 2_000)).toBe(true);
      expect(await store.study.advance(id, 0, 2_000)).toBe(false);
      expect(await store.study.openRound(id, 1, 2_500)).toBe(true);
      expect((await store.study.activeSession(chat))?.roundOpenedAt).toBe(2_500);
      expect(await store.study.end(id, 0, 3_000)).toBe(false);
      expect(await store.study.end(id, 1, 3_000)).toBe(true);
      expect(await store.study.activeSessions()).toEqual([]);
      expect((await store.study.createSession(sessionOf(chat))) !== undefined).toBe(true);
    });

    it('counts a member\'s first answer once, and ranks scores the same way', async () => {
      const { store } = await start();
      const id = (await store.study.createSession(sessionOf(chat)))!;
      const answer = (userId: string, round: number, correct: boolean, at: number, userName?: string) => ({
        sessionId: id, round, address: chat, userId, ...(userName ? { userName } : {}), choice: correct ? 2 : 0, correct, factId: 'f', kind: 'date', topics: ['t'], answeredAt: at,
      });
      expect(await store.study.addAnswer(answer('u2', 0, true, 10, 'Bob'))).toBe(true);
      expect(await store.study.addAnswer(answer('u2', 0, false, 11))).toBe(false);
      await store.study.addAnswer(answer('u1', 0, true, 12, 'Ann'));
      await store.study.addAnswer(answer('u3', 0, false, 13));
      await store.study.addAnswer(answer('u1', 1, false, 14));
      expect((await store.study.answers(id, 0)).map((a) => a.userId)).toEqual(['u2', 'u1', 'u3']);
      expect((await store.study.answers(id)).length).toBe(4);
      expect(await store.study.scores(chat)).toEqual([
        { userId: 'u2', userName: 'Bob', correct: 1, answered: 1, firstCorrectAt: 10 },
        { userId: 'u1', userName: 'Ann', correct: 1, answered: 2, firstCorrectAt: 12 },
        { userId: 'u3', correct: 0, answered: 1 },
      ]);
      expect((await store.study.scores(chat, 13)).map((s) => s.userId)).toEqual(['u1', 'u3']);
      await store.dailyAnswers.add({ platform: 'telegram', chatId: 'x', userId: 'u1', localDate: '2024-01-01', questionId: 'q', factId: 'f', choice: 1, correct: true, topics: ['d'], answeredAt: 13 });
      expect(await store.study.userAnswers('telegram', 'u1')).toEqual([
        { correct: true, topics: ['t'], answeredAt: 12 },
        { correct: true, topics: ['d'], answeredAt: 13 },
        { correct: false, topics: ['t'], answeredAt: 14 },
      ]);
    });

    it('keeps review cards per member, fact and kind, due first', async () => {
      const { store } = await start();
      const card = { platform: 'telegram' as const, userId: 'u', factId: 'f', kind: 'date', card: '{}', due: 100, reps: 1 };
      await store.study.saveReviewCard(card);
      await store.study.saveReviewCard({ ...card, due: 50, reps: 2 });
      await store.study.saveReviewCard({ ...card, factId: 'g', due: 500 });
      const due = await store.study.dueReviews('telegram', 'u', 60, 10);
      expect(due.map((c) => [c.factId, c.reps])).toEqual([['f', 2]]);
      expect(await store.study.reviewCard('telegram', 'u', 'f', 'date')).toEqual({ ...card, id: due[0]!.id, due: 50, reps: 2 });
      expect(await store.study.nextReviewDue('telegram', 'u')).toBe(50);
      await store.study.deleteReviewCard(due[0]!.id);
      expect(await store.study.reviewCardById(due[0]!.id)).toBeUndefined();
      expect(await store.study.nextReviewDue('telegram', 'u')).toBe(500);
    });

    it('hands a session\'s timer to one owner at a time: renewed by it, taken over once its lease runs out', async () => {
      const { store } = await start();
      const id = (await store.study.createSession(sessionOf(chat)))!;
      await store.study.createSession(sessionOf(other));
      await store.study.holdTimer(id, 'a', 100);
      expect((await store.study.leaseTimers('b', 50, 150, ['telegram'])).map((s) => s.id)).toEqual([]);
      expect((await store.study.leaseTimers('a', 60, 160, ['telegram'])).map((s) => s.id)).toEqual([id]);
      expect((await store.study.leaseTimers('b', 160, 260)).map((s) => s.address.chatId)).toEqual(['-100', '42']);
      await store.study.releaseTimers('b');
      expect((await store.study.leaseTimers('a', 161, 261)).length).toBe(2);
    });

    it('ends, and does not return, a session whose stored questions do not parse, with a warning', async () => {
      const { store, raw, logged } = await start();
      const id = (await store.study.createSession(sessionOf(chat)))!;
      await raw(`UPDATE study_sessions SET questions = '[{"text":"no choices"}]'`);
      expect(await store.study.session(id)).toBeUndefined();
      expect(logged.map((e) => `${e.level}: ${e.msg ?? ''}`)).toEqual(['warn: study session skipped: its stored questions do not parse']);
      expect(await store.study.activeSessions()).toEqual([]);
      expect(await store.study.createSession(sessionOf(chat))).not.toBeUndefined();
    });

    it('skips and ends such a session in every read: the chat\'s active session, the timers\' sweep', async () => {
      const { store, raw, logged } = await start();
      const warnings = () => logged.filter((e) => e.level === 'warn' || e.level === 'error').map((e) => e.msg);
      const broken = (await store.study.createSession(sessionOf(chat)))!;
      const fine = (await store.study.createSession(sessionOf(other)))!;
      // Valid JSON of the wrong shape (both dialects store it; PostgreSQL's jsonb refuses text that is not JSON).
      await raw(`UPDATE study_sessions SET questions = '{"questions":"gone"}' WHERE id = ${broken}`);
      expect((await store.study.leaseTimers('a', 0, 100)).map((s) => s.id)).toEqual([fine]);
      expect(warnings()).toEqual(['study session skipped: its stored questions do not parse']);
      expect(await store.study.activeSession(chat)).toBeUndefined();
      expect((await store.study.activeSessions()).map((s) => s.id)).toEqual([fine]);
      // Ended the first time: not read, nor reported, again.
      expect(warnings()).toHaveLength(1);
    });
  });

  describe('the question log', () => {
    const entry = (text: string, at: number, extra: Partial<LoggedQuestion> = {}): LoggedQuestion => ({
      text, lang: 'en', status: 'unknown', score: 0.2, platform: 'telegram', chatKind: 'group', asker: 'h1', at, ...extra,
    });

    it('keeps entries oldest first, by language and time, one per ticket and asker, at most the cap', async () => {
      const { store } = await start();
      expect(await store.questionLog.add(entry('a', 10, { factId: 'f', status: 'unsure' }))).toBe(true);
      expect(await store.questionLog.add(entry('b', 20, { lang: 'kk' }))).toBe(true);
      expect(await store.questionLog.add(entry('c', 30, { status: 'wrong' }), 't1')).toBe(true);
      expect(await store.questionLog.add(entry('c', 31, { status: 'wrong' }), 't1')).toBe(false);
      expect(await store.questionLog.count()).toBe(3);
      expect(await store.questionLog.list({ since: 0, lang: 'kk' })).toEqual([entry('b', 20, { lang: 'kk' })]);
      expect(await store.questionLog.add(entry('c', 32, { status: 'wrong', asker: 'h2' }), 't1')).toBe(true);
      // The cap is 3 (counted by id, and the refused repeat took one): the oldest went.
      expect((await store.questionLog.list({ since: 0 })).map((e) => [e.text, e.asker])).toEqual([['c', 'h1'], ['c', 'h2']]);
      expect((await store.questionLog.list({ since: 31 })).map((e) => e.asker)).toEqual(['h2']);
      expect(await store.questionLog.purge(31, 0)).toBe(1);
      expect(await store.questionLog.count()).toBe(1);
    });

    it('keeps feedback tickets until they expire, at most the cap', async () => {
      const { store } = await start();
      const ticket = (id: string, expiresAt: number) => ({ id, text: `q ${id}`, lang: 'ru' as const, score: 0.9, expiresAt, factId: 'f' });
      await store.questionLog.addTicket(ticket('x', 100));
      expect(await store.questionLog.ticket('x', 50)).toEqual(ticket('x', 100));
      expect(await store.questionLog.ticket('x', 100)).toBeUndefined();
      await store.questionLog.addTicket(ticket('y', 200));
      await store.questionLog.addTicket(ticket('z', 200));
      expect(await store.questionLog.ticket('x', 50)).toBeUndefined();
      expect(await store.questionLog.ticket('y', 50)).toBeDefined();
      await store.questionLog.purge(0, 200);
      expect(await store.questionLog.ticket('z', 150)).toBeUndefined();
    });
  });

  describe('state every instance shares', () => {
    it('keeps conversation contexts with their expiry, moves and purges them', async () => {
      const { store, raw } = await start();
      await store.conversations.put('telegram:-1', { context: { factIds: ['a'] }, expiresAt: 100 });
      expect(await store.conversations.get('telegram:-1')).toEqual({ context: { factIds: ['a'] }, expiresAt: 100 });
      await store.conversations.rename('telegram:-1', 'telegram:-2');
      expect(await store.conversations.get('telegram:-1')).toBeUndefined();
      expect((await store.conversations.get('telegram:-2'))?.context).toEqual({ factIds: ['a'] });
      await store.conversations.put('telegram:-3', { context: { factIds: ['b'] }, expiresAt: 300 });
      expect(await store.conversations.purge(200)).toBe(1);
      expect(await store.conversations.get('telegram:-2')).toBeUndefined();
      await raw(`UPDATE conversations SET context = '{"facts":1}'`);
      expect(await store.conversations.get('telegram:-3')).toBeUndefined();
    });

    it('counts a user\'s events across limiters on one store (two instances), and tells the refusal once', async () => {
      const { store } = await start();
      let now = 1_000;
      const clock = { now: () => new Date(now) };
      const a = new RateLimiter(clock, 2, 60_000, store.rateWindows);
      const b = new RateLimiter(clock, 2, 60_000, store.rateWindows);
      expect(await a.take('telegram:7')).toEqual({ allowed: true });
      expect(await b.take('telegram:7')).toEqual({ allowed: true });
      expect(await a.take('telegram:7')).toEqual({ allowed: false, retryAfterMs: 60_000, notify: true });
      expect(await b.take('telegram:7')).toEqual({ allowed: false, retryAfterMs: 60_000, notify: false });
      expect(await b.take('telegram:8')).toEqual({ allowed: true });
      now += 60_000;
      expect(await b.take('telegram:7')).toEqual({ allowed: true });
      expect(await store.rateWindows.purge(now + 60_001)).toBe(2);
    });

    it('counts concurrent events exactly (a row lock, not a lost update)', async () => {
      const { store } = await start();
      const limiter = new RateLimiter({ now: () => new Date(5_000) }, 10, 60_000, store.rateWindows);
      const decisions = await Promise.all(Array.from({ length: 15 }, () => limiter.take('discord:1')));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    });

    it('records a handled update once, whoever records it', async () => {
      const { store } = await start();
      expect(await store.seenUpdates.first('telegram', 900, 100)).toBe(true);
      expect(await store.seenUpdates.first('telegram', 900, 100)).toBe(false);
      expect(await store.seenUpdates.first('discord', 900, 100)).toBe(true);
      expect(await store.seenUpdates.purge(100)).toBe(2);
      expect(await store.seenUpdates.first('telegram', 900, 200)).toBe(true);
    });

    it('hands out send slots one interval apart, never before now', async () => {
      const { store } = await start();
      expect(await store.sendPace.reserve('telegram', 1_000, 40)).toBe(1_000);
      expect(await store.sendPace.reserve('telegram', 1_000, 40)).toBe(1_040);
      expect(await store.sendPace.reserve('telegram', 1_010, 40)).toBe(1_080);
      expect(await store.sendPace.reserve('discord', 1_010, 40)).toBe(1_010);
      expect(await store.sendPace.reserve('telegram', 5_000, 40)).toBe(5_000);
      const slots = await Promise.all(Array.from({ length: 10 }, () => store.sendPace.reserve('telegram', 5_000, 40)));
      expect(new Set(slots).size).toBe(10);
    });
  });
});
