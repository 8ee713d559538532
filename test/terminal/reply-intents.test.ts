/** The terminal's mapping of reply intents: a way into a private chat is a line (there is no link to follow). */
import { describe, expect, it } from 'vitest';
import { terminalText } from '../../src/adapters/terminal/terminal-text.js';

describe('terminal replies', () => {
  it("show the core's words for a private chat as a line under the text", () => {
    const text = terminalText({
      lang: 'en',
      text: 'Leaderboard:\n1. Alice — 1 of 2',
      buttons: [],
      privateChat: { payload: 'review', label: 'Review my misses', otherwise: 'Review your misses with /review.' },
    });
    expect(text).toBe('Leaderboard:\n1. Alice — 1 of 2\n\nReview your misses with /review.');
  });
});
