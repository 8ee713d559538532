/**
 * Review fixes of the study sessions: one player's misses come back in review like a group's, their reveals
 * have no "Right: 0 of 0" and their quiz ends with their result out of the questions asked; an out-of-range
 * number of questions is told, not silently changed; the leaderboard's tie-breaks are the same everywhere.
 */
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TerminalChat } from '../../src/adapters/terminal/terminal-chat.js';
import { ranked } from '../../src/core/study/study-service.js';
import { migrate } from '../../src/infra/sqlite/migrate.js';
import { MIGRATIONS } from '../../src/infra/sqlite/migrations/index.js';
import { FakeTime, member, press, restart, studyCore, tempDatabases } from './support.js';

const GROUP = { platform: 'telegram' as const, chatId: '-100' };
const alice = member('1', 'Alice');
const bob = member('2', 'Bob');
const carol = member('3', 'Carol');
const dave = member('4', 'Dave');
const bobDm = member('2', 'Bob', { chatId: '2', chatKind: 'private' });

describe('one player (a private chat, the terminal)', () => {
  it('queues their misses for review, and the result says so; /review in the private chat asks them again', async () => {
    const h = studyCore();
    const start = (await h.core.chat.command(bobDm, 'study', '2'))!;
    const id = (await h.store.study.activeSession({ platform: 'telegram', chatId: '2' }))!.id;
    const reveal = (await press(h, bobDm, start, false))!;
    expect(reveal.text).toContain('Not this time');
    const end = (await press(h, bobDm, reveal, false))!;
    expect(end.text).toContain('🏁 You answered 0 of 2 questions right.\nThe questions you missed come back with /review.');
    expect(end.text).not.toContain('Leaderboard');
    // Already in the private chat: no way into it to offer.
    expect(end.privateChat).toBeUndefined();
    expect((await h.store.study.session(id))!.chatKind).toBe('private');
    await h.time.advance(10 * 60_000, h.settle);
    const review = (await h.core.chat.command(bobDm, 'review', ''))!;
    expect(review.text).toContain('Review (2 due)');
    expect(review.buttons.flat().length).toBeGreaterThanOrEqual(2);
  });

  it('brings the terminal player\'s misses back with /review, and a quiz without misses does not mention it', async () => {
    const h = studyCore();
    const terminal = new TerminalChat(h.core.chat, new PassThrough(), new PassThrough());
    expect(await terminal.handleLine('/review')).toContain('Your review queue is empty');
    await terminal.handleLine('/study 3');
    const s = (await h.store.study.activeSession({ platform: 'terminal', chatId: 'terminal' }))!;
    // Every answer wrong.
    let end = '';
    for (const q of s.questions) end = await terminal.handleLine(String(((q.correct + 1) % q.choices.length) + 1));
    expect(end).toContain('You answered 0 of 3 questions right.');
    expect(end).toContain('/review');
    expect(await h.store.study.activeSession({ platform: 'terminal', chatId: 'terminal' })).toBeUndefined();
    await h.time.advance(10 * 60_000, h.settle);
    const review = await terminal.handleLine('/review');
    expect(review).toContain('Review (3 due)');
    expect(review).toContain('[1] ');

    // All right: nothing to review, and the result says only the score.
    await terminal.handleLine('/study 2');
    const next = (await h.store.study.activeSession({ platform: 'terminal', chatId: 'terminal' }))!;
    for (const q of next.questions) end = await terminal.handleLine(String(q.correct + 1));
    expect(end).toContain('You answered 2 of 2 questions right.');
    expect(end).not.toContain('/review');
  });

  it('leaves "Right: 0 of 0" out of a reveal when the time runs out', async () => {
    const h = studyCore();
    await h.core.chat.command(bobDm, 'study', '2');
    await h.time.advance(30_000, h.settle);
    const reveal = h.messenger.sent[0]!.reply.text;
    expect(reveal).toContain('Time is up');
    expect(reveal).toContain('Question 2/2');
    expect(reveal).not.toMatch(/Right: \d+ of \d+/);
    // A group's timed-out round still says how many got it right.
    await h.core.chat.command(alice, 'study', '2');
    await h.time.advance(30_000, h.settle);
    expect(h.messenger.sent[h.messenger.sent.length - 1]!.reply.text).toContain('Right: 0 of 0.');
  });
});

describe('one player after a restart', () => {
  const databasePath = tempDatabases();

  it('is still one player: the stored session knows, not the request that closes the round', async () => {
    const dbPath = databasePath();
    const first = studyCore({ time: new FakeTime(), dbPath });
    await first.core.chat.command(bobDm, 'study', '3');

    const second = await restart(first, dbPath, 45_000);
    await second.settle();
    const reveal = second.messenger.sent[0]!.reply.text;
    expect(reveal).toContain('Question 2/3');
    expect(reveal).not.toMatch(/Right: \d+ of \d+/);
    second.core.study!.close();
    await second.store.close();
  });

  it('migrates sessions stored before the flag: the terminal and Telegram private chats are one player\'s', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 3));
    const insert = db.prepare(
      `INSERT INTO study_sessions (platform, chat_id, starter_id, lang, questions, round_opened_at, status, started_at) VALUES (?, ?, '1', 'en', '[]', 0, 'ended', 0)`,
    );
    for (const [platform, chatId] of [['terminal', 'terminal'], ['telegram', '42'], ['telegram', '-100'], ['discord', '123']]) insert.run(platform, chatId);
    migrate(db, MIGRATIONS);
    const kinds = db.prepare<[], { chat_id: string; chat_kind: string }>('SELECT chat_id, chat_kind FROM study_sessions ORDER BY id').all();
    expect(kinds.map((k) => k.chat_kind)).toEqual(['private', 'private', 'group', 'group']);
    db.close();
  });
});

describe('the number of questions', () => {
  it('tells the member when the number is out of range, in every language', async () => {
    const h = studyCore();
    const many = (await h.core.chat.command(member('9', 'Dana', { chatId: '-1' }), 'study', '99'))!;
    expect(many.text).toContain('at most 30 questions: starting with 30');
    expect(many.text).toContain('Question 1/30');
    const none = (await h.core.chat.command(member('9', 'Dana', { chatId: '-2' }), 'study', '0'))!;
    expect(none.text).toContain('at least 1 question: starting with 1');
    expect(none.text).toContain('Question 1/1');
    const ru = (await h.core.chat.command(member('9', 'Dana', { chatId: '-3', userLang: 'ru' }), 'study', '99'))!;
    expect(ru.text).toContain('не больше 30 вопросов');
    const kk = (await h.core.chat.command(member('9', 'Dana', { chatId: '-4', userLang: 'kk' }), 'study', '0 2022 жылғы референдум'))!;
    expect(kk.text).toContain('кемінде 1 сұрақ');
    // A number in range, or none, says nothing of limits.
    for (const [chatId, args] of [['-5', '30'], ['-6', '1'], ['-7', '']] as const) {
      const text = (await h.core.chat.command(member('9', 'Dana', { chatId }), 'study', args))!.text;
      expect(text).not.toMatch(/at most|at least/);
    }
  });
});

describe('leaderboard order', () => {
  it('breaks equal scores by fewer answered, then the earlier first right answer, then the user id; equal scores share a rank', () => {
    const lines = ranked([
      { userId: '5', userName: 'Amy', correct: 2, answered: 4, firstCorrectAt: 100 },
      { userId: '4', userName: 'Zed', correct: 2, answered: 2, firstCorrectAt: 300 },
      { userId: '3', userName: 'Kim', correct: 2, answered: 2, firstCorrectAt: 200 },
      { userId: '2', userName: 'Bea', correct: 0, answered: 1 },
      { userId: '1', userName: 'Yul', correct: 0, answered: 1 },
      { userId: '6', userName: 'Cat', correct: 3, answered: 5, firstCorrectAt: 900 },
    ]);
    expect(lines.map((l) => l.userName)).toEqual(['Cat', 'Kim', 'Zed', 'Amy', 'Yul', 'Bea']);
    expect(lines.map((l) => l.rank)).toEqual([1, 2, 2, 2, 5, 5]);
  });

  it('is the same in the session leaderboard, in /top and in the store', async () => {
    const h = studyCore();
    // Round 1: Carol right first, then Alice right, Dave right, Bob wrong. Round 2: Alice and Dave answer, wrong; Bob right.
    let q = (await h.core.chat.command(alice, 'study', '2'))!;
    await press(h, carol, q, true);
    await h.time.advance(1000, h.settle);
    await press(h, alice, q, true);
    await h.time.advance(1000, h.settle);
    await press(h, dave, q, true);
    await press(h, bob, q, false);
    q = (await h.core.chat.command(alice, 'next', ''))!;
    await h.time.advance(1000, h.settle);
    await press(h, alice, q, false);
    await press(h, dave, q, false);
    await press(h, bob, q, true);
    const end = (await h.core.chat.command(alice, 'next', ''))!.text;
    // Carol answered 1 (right); Alice, Dave, Bob 1 of 2 — Alice and Dave right before Bob; Alice before Dave.
    // The session's board counts the 2 questions asked for everyone; /top counts the answers given.
    const order = ['Carol', 'Alice', 'Dave', 'Bob'];
    expect(end).toContain(order.map((name) => `1. ${name} — 1 of 2`).join('\n'));
    const expected = ['1. Carol — 1 of 1', '1. Alice — 1 of 2', '1. Dave — 1 of 2', '1. Bob — 1 of 2'].join('\n');
    const top = (await h.core.chat.command(bob, 'top', ''))!.text;
    const [week, all] = top.split('All time:');
    expect(week).toContain(expected);
    expect(all).toContain(expected);
    expect((await h.store.study.scores(GROUP)).map((l) => l.userName)).toEqual(['Carol', 'Alice', 'Dave', 'Bob']);
    expect(ranked(await h.store.study.scores(GROUP)).map((l) => l.userName)).toEqual(['Carol', 'Alice', 'Dave', 'Bob']);
  });
});
