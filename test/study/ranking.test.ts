/** Unit: the order of scores and the week of /top (ranking.ts). */
import { describe, expect, it } from 'vitest';
import { ranked, scoresOf, weekStart } from '../../src/core/study/ranking.js';
import type { StudyAnswer } from '../../src/core/study/study-store.js';

const answer = (userId: string, correct: boolean, answeredAt: number, userName?: string): StudyAnswer => ({
  sessionId: 1, round: answeredAt, address: { platform: 'telegram', chatId: '-1' }, userId, ...(userName ? { userName } : {}),
  choice: 0, correct, factId: 'f', kind: 'date', topics: [], answeredAt,
});

describe('ranking', () => {
  it('gives equal scores one rank and the next a gap: 1, 1, 3', () => {
    const lines = ranked([
      { userId: 'c', correct: 1, answered: 4 },
      { userId: 'a', correct: 3, answered: 3 },
      { userId: 'b', correct: 3, answered: 4 },
    ]);
    expect(lines.map((l) => [l.userId, l.rank])).toEqual([['a', 1], ['b', 1], ['c', 3]]);
  });

  it('scores a session\'s answers per member: zero included, the first right answer kept, the latest name', () => {
    const lines = scoresOf([answer('1', false, 10, 'Al'), answer('2', true, 30, 'Bo'), answer('1', true, 20, 'Alice'), answer('3', false, 5)]);
    // Bo before Alice: the same score with fewer answers.
    expect(lines).toEqual([
      { userId: '2', userName: 'Bo', correct: 1, answered: 1, firstCorrectAt: 30, rank: 1 },
      { userId: '1', userName: 'Alice', correct: 1, answered: 2, firstCorrectAt: 20, rank: 1 },
      { userId: '3', correct: 0, answered: 1, rank: 3 },
    ]);
  });

  it('starts the week on Monday 00:00 UTC', () => {
    expect(weekStart(Date.UTC(2024, 2, 18, 0, 0))).toBe(Date.UTC(2024, 2, 18));
    expect(weekStart(Date.UTC(2024, 2, 24, 23, 59))).toBe(Date.UTC(2024, 2, 18));
    expect(weekStart(Date.UTC(2024, 2, 25, 0, 0))).toBe(Date.UTC(2024, 2, 25));
  });
});
