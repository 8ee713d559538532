/** Unit: a member's record for /stats (member-stats.ts). */
import { describe, expect, it } from 'vitest';
import { memberRecord } from '../../src/core/study/member-stats.js';

const a = (correct: boolean, ...topics: string[]) => ({ correct, topics });

describe('a member\'s record', () => {
  it('counts answers, the current and best streaks', () => {
    const r = memberRecord([a(true), a(true), a(true), a(false), a(true)]);
    expect([r.answered, r.correct, r.streak, r.best]).toEqual([5, 4, 1, 3]);
    expect(memberRecord([])).toEqual({ answered: 0, correct: 0, streak: 0, best: 0, weakest: [] });
  });

  it('lists up to three topics with a miss, the lowest share right first, then the most answered, then by id', () => {
    const r = memberRecord([a(false, 'x'), a(true, 'x'), a(false, 'y'), a(false, 'z'), a(false, 'z'), a(true, 'w'), a(false, 'v'), a(true, 'v'), a(true, 'v')]);
    expect(r.weakest).toEqual([
      { topic: 'z', right: 0, total: 2 },
      { topic: 'y', right: 0, total: 1 },
      { topic: 'x', right: 1, total: 2 },
    ]);
  });
});
