/** The one order of quiz scores, shared by a session's leaderboard, `/top` and the stores. */
import type { ScoreLine, StudyAnswer } from './study-store.js';

/** A score line with its place on the board. */
export type RankedLine = ScoreLine & { rank: number };

/**
 * Scores ranked. Order: more right answers first; among equal scores, fewer questions answered (the same
 * score with fewer misses), then the earlier first right answer, then the user id (a stable last key; names
 * change and repeat). `StudyRepository.scores` returns its lines in this same order. Equal scores (right
 * answers) share a rank, whatever the tie-breaks: 1, 1, 3.
 */
export function ranked(lines: readonly ScoreLine[]): RankedLine[] {
  const sorted = [...lines].sort(compareScores);
  let rank = 1;
  return sorted.map((l, i) => {
    const previous = sorted[i - 1];
    if (previous && previous.correct !== l.correct) rank = i + 1;
    return { ...l, rank };
  });
}

/** The order of {@link ranked}. */
export function compareScores(a: ScoreLine, b: ScoreLine): number {
  const firstRight = (l: ScoreLine) => l.firstCorrectAt ?? Number.POSITIVE_INFINITY;
  return (
    b.correct - a.correct ||
    a.answered - b.answered ||
    (firstRight(a) === firstRight(b) ? 0 : firstRight(a) < firstRight(b) ? -1 : 1) ||
    (a.userId === b.userId ? 0 : a.userId < b.userId ? -1 : 1)
  );
}

/** Each member's score from a session's answers (everyone who answered, zero included), ranked. */
export function scoresOf(answers: readonly StudyAnswer[]): RankedLine[] {
  const byUser = new Map<string, ScoreLine>();
  for (const a of answers) {
    const line: ScoreLine = byUser.get(a.userId) ?? { userId: a.userId, correct: 0, answered: 0 };
    line.answered += 1;
    if (a.correct) line.correct += 1;
    if (a.correct && (line.firstCorrectAt === undefined || a.answeredAt < line.firstCorrectAt)) line.firstCorrectAt = a.answeredAt;
    if (a.userName) line.userName = a.userName;
    byUser.set(a.userId, line);
  }
  return ranked([...byUser.values()]);
}

/** Monday 00:00 UTC of the week `now` falls in. */
export function weekStart(now: number): number {
  const d = new Date(now);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - day * 24 * 3600_000;
}
