/** Unit: the spaced-repetition schedule of review cards and their stored JSON (review-cards.ts). */
import { describe, expect, it } from 'vitest';
import { readCard, scheduleCard } from '../../src/core/study/review-cards.js';

const NOW = Date.UTC(2024, 2, 20, 9);
const MINUTE = 60_000;

describe('review cards', () => {
  it('brings a fresh miss back within minutes, and a right answer days later', () => {
    const missed = scheduleCard(undefined, false, NOW);
    expect(missed.due - NOW).toBeGreaterThan(0);
    expect(missed.due - NOW).toBeLessThanOrEqual(10 * MINUTE);
    expect(missed.reps).toBe(1);
    const card = readCard(missed.card);
    expect(card?.due.getTime()).toBe(missed.due);
    const later = NOW + 10 * MINUTE;
    const right = scheduleCard(card, true, later);
    const again = scheduleCard(card, false, later);
    expect(right.reps).toBe(2);
    expect(right.due).toBeGreaterThan(again.due);
  });

  it('reads a card stored by an older ts-fsrs (no learning_steps), and refuses one that does not parse', () => {
    const stored = JSON.parse(scheduleCard(undefined, false, NOW).card) as Record<string, unknown>;
    delete stored.learning_steps;
    expect(readCard(JSON.stringify(stored))?.learning_steps).toBe(0);
    expect(readCard('not json')).toBeUndefined();
    expect(readCard(JSON.stringify({ ...stored, due: 'someday' }))).toBeUndefined();
    expect(readCard(JSON.stringify({ due: NOW }))).toBeUndefined();
  });
});
