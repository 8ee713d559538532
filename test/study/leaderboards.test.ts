/** Unit: the end of a session and /top (leaderboards.ts), over an in-memory repository and fake time. */
import { describe, expect, it } from 'vitest';
import { Leaderboards } from '../../src/core/study/leaderboards.js';
import type { StudyAnswer, StudySession } from '../../src/core/study/study-store.js';
import { fakeContext, sessionOf } from './fakes.js';
import { FakeTime, member } from './support.js';

const DAY = 24 * 3600_000;
const answer = (userId: string, userName: string, round: number, correct: boolean, answeredAt = round): StudyAnswer => ({
  sessionId: 1, round, address: { platform: 'telegram', chatId: '-100' }, userId, userName, choice: 0, correct, factId: 'f', kind: 'date', topics: [], answeredAt,
});
const session = (extra: Partial<StudySession> = {}): StudySession => ({ id: 1, ...sessionOf(5, 0), ...extra });

describe('the end of a session', () => {
  it('ranks a group\'s members out of the questions asked, and offers the way to review only after a miss', () => {
    const boards = new Leaderboards(fakeContext(new FakeTime()));
    const end = boards.sessionEnd(session(), [answer('1', 'Alice', 0, true), answer('2', 'Bob', 0, false), answer('1', 'Alice', 2, true)], 4);
    expect(end.text).toBe('🏁 Leaderboard:\n1. Alice — 2 of 4\n2. Bob — 0 of 4');
    expect(end.privateChat).toEqual({ payload: 'review', label: '🔁 Review my misses', otherwise: 'To review your misses, send me /review in a private message.' });
    expect(boards.sessionEnd(session(), [answer('1', 'Alice', 0, true)], 1).privateChat).toBeUndefined();
    expect(boards.sessionEnd(session({ lang: 'ru' }), [], 3).text).toBe('🏁 Итоги:\nНикто не ответил.');
  });

  it('gives one player their result, pointing to /review after a miss', () => {
    const boards = new Leaderboards(fakeContext(new FakeTime()));
    const solo = session({ chatKind: 'private' });
    expect(boards.sessionEnd(solo, [answer('1', 'you', 0, true), answer('1', 'you', 1, false)], 5)).toEqual({
      text: '🏁 You answered 1 of 5 questions right.\nThe questions you missed come back with /review.',
    });
    expect(boards.sessionEnd(solo, [answer('1', 'you', 0, true)], 1)).toEqual({ text: '🏁 You answered 1 of 1 question right.' });
    expect(boards.sessionEnd({ ...solo, lang: 'kk' }, [], 3).text).toBe('🏁 Нәтижеңіз: 3 сұрақтан 0 дұрыс жауап.');
  });
});

describe('/top', () => {
  it('shows this week and all time from the store, in the chat\'s language', async () => {
    const time = new FakeTime(Date.UTC(2024, 2, 20, 9));
    const ctx = fakeContext(time);
    const boards = new Leaderboards(ctx);
    expect((await boards.top(member('1', 'Alice'), '')).text).toBe('No one has played here yet. Start with /study.');
    const now = time.now().getTime();
    for (const a of [answer('1', 'Alice', 0, true, now - 10 * DAY), answer('2', 'Bob', 1, true, now - DAY), answer('1', 'Alice', 2, false, now - DAY)]) await ctx.repo.addAnswer(a);
    const top = await boards.top(member('3', 'Carol', { chatLang: 'en', userLang: 'ru' }), '');
    expect(top.text).toBe(['🏆 Quiz leaderboard of this chat', '', 'This week:', '1. Bob — 1 of 1', '2. Alice — 0 of 1', '', 'All time:', '1. Bob — 1 of 1', '1. Alice — 1 of 2'].join('\n'));
    expect(top.personal).toBeUndefined();
  });
});
