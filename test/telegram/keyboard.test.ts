/** Telegram's mapping of a reply's way into a private chat: a t.me link button, or the core's words without one. */
import { describe, expect, it } from 'vitest';
import { replyKeyboard, replyText } from '../../src/adapters/telegram/keyboard.js';
import type { ChatReply } from '../../src/core/chat/chat-service.js';

const reply: ChatReply = {
  lang: 'en',
  text: 'Leaderboard',
  buttons: [[{ label: 'Again', data: 's:again' }]],
  privateChat: { payload: 'review', label: 'Review my misses', otherwise: 'Review your misses with /review.' },
};

describe('a reply with a way into a private chat', () => {
  it('gets a link button that opens the private chat on the payload, under its own buttons', () => {
    expect(replyKeyboard(reply, 'ReformBot')?.inline_keyboard).toEqual([
      [{ text: 'Again', callback_data: 's:again' }],
      [{ text: 'Review my misses', url: 'https://t.me/ReformBot?start=review' }],
    ]);
    expect(replyText(reply, 'ReformBot').text).toBe('Leaderboard');
  });

  it("says the core's words instead while the bot's username is unknown", () => {
    expect(replyKeyboard(reply, undefined)?.inline_keyboard).toEqual([[{ text: 'Again', callback_data: 's:again' }]]);
    expect(replyText(reply, undefined).text).toBe('Leaderboard\n\nReview your misses with /review.');
  });
});
