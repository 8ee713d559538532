/**
 * Review fixes of the study sessions: one player's misses stay out of the review queue and their reveals have
 * no "Right: 0 of 0"; an out-of-range number of questions is told, not silently changed; the leaderboard's
 * tie-breaks are the same everywhere.
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
  it('keeps misses out of the review queue: only a group\'s misses are queued', () => {
    const h = studyCore();
    const start = h.core.chat.command(bobDm, 'study', '2')!;
    const id = h.store.study.activeSession({ platform: 'telegram', chatId: '2' })!.id;
    const reveal = press(h, bobDm, start, false)!;
    expect(reveal.text).toContain('Not this time');
    const end = press(h, bobDm, reveal, false)!;
    expect(end.text).toContain('Leaderboard');
    expect(h.store.study.nextReviewDue('telegram', '2')).toBeUndefined();
    // Nothing was queued, so the leaderboard does not point to a review.
    expect(end.text).not.toContain('start=review');
    expect(end.text).not.toContain('/review');
    expect(h.store.study.session(id)!.chatKind).toBe('private');

    // The same member missing in a group is queued.
    const group = h.core.chat.command(alice, 'study', '1')!;
    press(h, bob, group, false);
    h.core.chat.command(alice, 'stop', '');
    expect(h.store.study.nextReviewDue('telegram', '2')).toBeDefined();
  });

  it('keeps the terminal player\'s misses out of the review queue', () => {
    const h = studyCore();
    const terminal = new TerminalChat(h.core.chat, new PassThrough(), new PassThrough());
    terminal.handleLine('/study 3');
    const s = h.store.study.activeSession({ platform: 'terminal', chatId: 'terminal' })!;
    // Every answer wrong.
    for (const q of s.questions) terminal.handleLine(String(((q.correct + 1) % q.choices.length) + 1));
    expect(h.store.study.activeSession({ platform: 'terminal', chatId: 'terminal' })).toBeUndefined();
    expect(h.store.study.answers(s.id).every((a) => !a.correct)).toBe(true);
    expect(h.store.study.nextReviewDue('terminal', 'terminal')).toBeUndefined();
  });

  it('leaves "Right: 0 of 0" out of a reveal when the time runs out', async () => {
    const h = studyCore();
    h.core.chat.command(bobDm, 'study', '2');
    await h.time.advance(30_000, h.settle);
    const reveal = h.messenger.sent[0]!.reply.text;
    expect(reveal).toContain('Time is up');
    expect(reveal).toContain('Question 2/2');
    expect(reveal).not.toMatch(/Right: \d+ of \d+/);
    // A group's timed-out round still says how many got it right.
    h.core.chat.command(alice, 'study', '2');
    await h.time.advance(30_000, h.settle);
    expect(h.messenger.sent[h.messenger.sent.length - 1]!.reply.text).toContain('Right: 0 of 0.');
  });
});

describe('one player after a restart', () => {
  const databasePath = tempDatabases();

  it('is still one player: the stored session knows, not the request that closes the round', async () => {
    const dbPath = databasePath();
    const first = studyCore({ time: new FakeTime(), dbPath });
    first.core.chat.command(bobDm, 'study', '3');

    const second = await restart(first, dbPath, 45_000);
    await second.settle();
    const reveal = second.messenger.sent[0]!.reply.text;
    expect(reveal).toContain('Question 2/3');
    expect(reveal).not.toMatch(/Right: \d+ of \d+/);
    second.core.study!.close();
    second.store.close();
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
  it('tells the member when the number is out of range, in every language', () => {
    const h = studyCore();
    const many = h.core.chat.command(member('9', 'Dana', { chatId: '-1' }), 'study', '99')!;
    expect(many.text).toContain('at most 30 questions: starting with 30');
    expect(many.text).toContain('Question 1/30');
    const none = h.core.chat.command(member('9', 'Dana', { chatId: '-2' }), 'study', '0')!;
    expect(none.text).toContain('at least 1 question: starting with 1');
    expect(none.text).toContain('Question 1/1');
    const ru = h.core.chat.command(member('9', 'Dana', { chatId: '-3', userLang: 'ru' }), 'study', '99')!;
    expect(ru.text).toContain('не больше 30 вопросов');
    const kk = h.core.chat.command(member('9', 'Dana', { chatId: '-4', userLang: 'kk' }), 'study', '0 2022 жылғы референдум')!;
    expect(kk.text).toContain('кемінде 1 сұрақ');
    // A number in range, or none, says nothing of limits.
    for (const [chatId, args] of [['-5', '30'], ['-6', '1'], ['-7', '']] as const) {
      const text = h.core.chat.command(member('9', 'Dana', { chatId }), 'study', args)!.text;
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
    let q = h.core.chat.command(alice, 'study', '2')!;
    press(h, carol, q, true);
    await h.time.advance(1000, h.settle);
    press(h, alice, q, true);
    await h.time.advance(1000, h.settle);
    press(h, dave, q, true);
    press(h, bob, q, false);
    q = h.core.chat.command(alice, 'next', '')!;
    await h.time.advance(1000, h.settle);
    press(h, alice, q, false);
    press(h, dave, q, false);
    press(h, bob, q, true);
    const end = h.core.chat.command(alice, 'next', '')!.text;
    // Carol 1 of 1; then Alice, Dave, Bob 1 of 2 — Alice and Dave right before Bob; Alice before Dave.
    const expected = ['1. Carol — 1 of 1', '1. Alice — 1 of 2', '1. Dave — 1 of 2', '1. Bob — 1 of 2'].join('\n');
    expect(end).toContain(expected);
    const top = h.core.chat.command(bob, 'top', '')!.text;
    const [week, all] = top.split('All time:');
    expect(week).toContain(expected);
    expect(all).toContain(expected);
    expect(h.store.study.scores(GROUP).map((l) => l.userName)).toEqual(['Carol', 'Alice', 'Dave', 'Bob']);
    expect(ranked(h.store.study.scores(GROUP)).map((l) => l.userName)).toEqual(['Carol', 'Alice', 'Dave', 'Bob']);
  });
});
