/**
 * A study session in a Telegram group through telegram-test-api: two members press buttons, answers are
 * confirmed privately (callback answers), the round closes on the (fake) clock and posts through the
 * Telegram messenger, /next ends with the leaderboard, a late press scores nothing, and /stop works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramMessenger } from '../../src/adapters/telegram/messenger.js';
import { FIXTURE_BANK } from '../study/fixture-bank.js';
import { studyCore } from '../study/support.js';
import { EMULATOR_BOT, startPollingBot, type PollingBot } from './support/emulator.js';
import { expectValidTelegramHtml, seen } from './support/html.js';
import { capturingLogger } from './support/logger.js';

// The fixture bank: real items whose explanations and citations the reveals must show.
const h = studyCore({ bank: FIXTURE_BANK });
let harness: PollingBot;

beforeAll(async () => {
  harness = await startPollingBot(h.core, capturingLogger());
  // Posts on the timer go through the real Telegram messenger to the emulator.
  h.core.messengers.register('telegram', new TelegramMessenger(harness.bot.api));
});
afterAll(async () => {
  h.core.study?.close();
  await harness.stop();
});

/** Waits until the bot has answered `count` callback queries, and returns their texts. */
async function toasts(count: number): Promise<(string | undefined)[]> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    const calls = harness.calls.filter((c) => c.method === 'answerCallbackQuery');
    if (calls.length >= count) return calls.map((c) => c.payload.text as string | undefined);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no callback answers');
}

async function openQuestion(chatId: number) {
  const s = await h.store.study.activeSession({ platform: 'telegram', chatId: String(chatId) });
  if (!s) throw new Error('no session');
  return s.questions[s.current]!;
}

describe('a study session in a Telegram group', () => {
  it('runs to its leaderboard with two members pressing buttons', async () => {
    const chatId = -3001;
    const alice = harness.emulator.user({ chatId, userId: 7001, type: 'supergroup', languageCode: 'en', name: 'Alice' });
    const bob = harness.emulator.user({ chatId, userId: 7002, type: 'supergroup', languageCode: 'en', name: 'Bob' });

    await alice.command('/study 2');
    const [question] = await harness.emulator.waitForSent(chatId, 1);
    expectValidTelegramHtml(question!.text);
    expect(seen(question!.text)).toContain('Question 1/2');
    const q1 = await openQuestion(chatId);
    const labels = question!.keyboard!.flat().map((b) => b.text);
    expect(labels).toEqual(q1.choices);
    const data = question!.keyboard!.flat().map((b) => (b as { callback_data: string }).callback_data);

    const before = harness.calls.filter((c) => c.method === 'answerCallbackQuery').length;
    await alice.press(question!, data[q1.correct]!);
    await bob.press(question!, data[(q1.correct + 1) % data.length]!);
    await bob.press(question!, data[q1.correct]!);
    const texts = (await toasts(before + 3)).slice(before);
    expect(texts[0]).toMatch(/^Your answer “.+” is in/);
    expect(texts[1]).toMatch(/^Your answer “.+” is in/);
    expect(texts[2]).toMatch(/already answered/);
    const answers = harness.calls.filter((c) => c.method === 'answerCallbackQuery').slice(before);
    for (const a of answers) expect(a.payload.show_alert).toBe(false);
    // Nothing was posted in the group for the presses.
    expect(harness.emulator.sent(chatId)).toHaveLength(1);

    // The round closes on the clock; the reveal and the next question come through the messenger.
    await h.time.advance(30_000, h.settle);
    const [, reveal] = await harness.emulator.waitForSent(chatId, 2);
    expectValidTelegramHtml(reveal!.text);
    expect(seen(reveal!.text)).toContain(`Answer: ${q1.choices[q1.correct]}`);
    expect(seen(reveal!.text)).toContain(FIXTURE_BANK.find((i) => i.id === q1.itemId)!.en.explanation);
    expect(seen(reveal!.text)).toMatch(/Source: “Birth of New Kazakhstan \(Part 1\)”, March 24, 2023, section “.+”, paragraph \d+/);
    expect(seen(reveal!.text)).toContain('Right: 1 of 2.');
    expect(seen(reveal!.text)).toContain('Question 2/2');

    // A late press on the first question scores nothing.
    await bob.press(question!, data[q1.correct]!);
    expect((await toasts(before + 4))[before + 3]).toBe('This question is closed.');

    const q2 = await openQuestion(chatId);
    const data2 = reveal!.keyboard!.flat().map((b) => (b as { callback_data: string }).callback_data);
    await bob.press(reveal!, data2[q2.correct]!);
    await toasts(before + 5);
    await alice.command('/next');
    const [, , board] = await harness.emulator.waitForSent(chatId, 3);
    expectValidTelegramHtml(board!.text);
    const text = seen(board!.text);
    expect(text).toContain('Leaderboard');
    // Alice did not answer the second question: it counts as asked.
    expect(text).toContain('1. Alice — 1 of 2');
    expect(text).toContain('1. Bob — 1 of 2');
    // The core's way into a private chat for the review, as a link button that opens it on /start review.
    expect(board!.keyboard?.flat()).toContainEqual({ text: '🔁 Review my misses', url: `https://t.me/${EMULATOR_BOT.username}?start=review` });
    expect(text).not.toContain('/review');
  });

  it('/stop ends early with the leaderboard so far', async () => {
    const chatId = -3002;
    const alice = harness.emulator.user({ chatId, userId: 7003, type: 'supergroup', languageCode: 'ru', name: 'Алия' });
    await alice.command('/study 5');
    const [question] = await harness.emulator.waitForSent(chatId, 1);
    expect(seen(question!.text)).toContain('Вопрос 1/5');
    const q = await openQuestion(chatId);
    const data = question!.keyboard!.flat().map((b) => (b as { callback_data: string }).callback_data);
    await alice.press(question!, data[(q.correct + 1) % data.length]!);
    await alice.command('/stop');
    const [, board] = await harness.emulator.waitForSent(chatId, 2);
    const text = seen(board!.text);
    expect(text).toContain('Викторина остановлена');
    expect(text).toContain('1. Алия — 0 из 1');
    expect(await h.store.study.activeSession({ platform: 'telegram', chatId: String(chatId) })).toBeUndefined();
  });

  it('plays a quiz alone in a private chat: the result counts the questions asked, and the misses come back in /review', async () => {
    const chatId = 7010;
    const erlan = harness.emulator.user({ chatId, userId: chatId, type: 'private', languageCode: 'ru', name: 'Ерлан' });
    await erlan.command('/study 2');
    const [question] = await harness.emulator.waitForSent(chatId, 1);
    const q = await openQuestion(chatId);
    const data = question!.keyboard!.flat().map((b) => (b as { callback_data: string }).callback_data);
    await erlan.press(question!, data[(q.correct + 1) % data.length]!);
    // The question turns into its reveal and the next question in place; the second is left to run out.
    const second = await harness.emulator.waitForEdit(chatId, question!.messageId, question!.text);
    expect(seen(second.text)).toContain('❌ На этот раз нет.');
    expect(seen(second.text)).toContain('Вопрос 2/2');
    await h.time.advance(30_000, h.settle);
    const [, result] = await harness.emulator.waitForSent(chatId, 2);
    expectValidTelegramHtml(result!.text);
    expect(seen(result!.text)).toContain('🏁 Вы верно ответили на 0 вопросов из 2.');
    expect(seen(result!.text)).toContain('Вопросы, в которых вы ошиблись, можно повторить командой /review.');
    await h.time.advance(10 * 60_000, h.settle);
    await erlan.command('/review');
    const [, , review] = await harness.emulator.waitForSent(chatId, 3);
    expect(seen(review!.text)).toContain('Повторение');
    expect(review!.keyboard!.flat().length).toBeGreaterThanOrEqual(2);
  });

  it('opens the review from the deep link in a private chat', async () => {
    // Bob missed a question in the first test; a minute or so later it is due.
    await h.time.advance(10 * 60_000, h.settle);
    const bob = harness.emulator.user({ chatId: 7002, userId: 7002, type: 'private', languageCode: 'en', name: 'Bob' });
    await bob.command('/start review');
    const [review] = await harness.emulator.waitForSent(7002, 1);
    expect(seen(review!.text)).toContain('Review (1 due)');
    expect(review!.keyboard!.flat().length).toBeGreaterThanOrEqual(2);
  });
});
