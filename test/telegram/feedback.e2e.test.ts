/**
 * "Not what I asked" on Telegram, end to end: the real bot (createBot + runner polling) against
 * telegram-test-api, the real core with an SQLite question log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggingCore } from '../questions/support.js';
import { startPollingBot, type PollingBot } from './support/emulator.js';
import { capturingLogger } from './support/logger.js';
import type { ApiCall } from './support/api-stub.js';

const { core, store } = loggingCore();
let harness: PollingBot;

beforeAll(async () => {
  harness = await startPollingBot(core, capturingLogger());
});
afterAll(async () => {
  await harness.stop();
});

/** Waits until the bot has made a call that `match` accepts (the harness records every call as it is made). */
async function callMatching(match: (call: ApiCall) => boolean): Promise<ApiCall> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    const call = harness.calls.find(match);
    if (call) return call;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the bot never made the expected call');
}

type Key = { text: string; callback_data?: string };

describe('"Not what I asked" on Telegram', () => {
  it('shows the button under an answer; a press is thanked privately, posts nothing and logs the question', async () => {
    const chatId = 5101;
    const user = harness.emulator.user({ chatId, userId: chatId, type: 'private', languageCode: 'ru' });
    await user.say('Когда прошёл референдум?');
    const [answer] = await harness.emulator.waitForSent(chatId, 1);
    const key = answer?.keyboard?.at(-1)?.[0] as Key | undefined;
    expect(key?.text).toBe('Вопрос был о другом');
    expect(key?.callback_data).toMatch(/^f:ru:[\w-]+$/);

    await user.press(answer!, key!.callback_data!);
    const toast = await callMatching((c) => c.method === 'answerCallbackQuery' && typeof c.payload.text === 'string');
    expect(toast.payload.text).toBe('Спасибо! Вопрос записан, чтобы ответы стали лучше.');
    expect(toast.payload.show_alert).toBe(false);
    await core.questionLog?.flush();
    // The press was answered with a notification only: still one message in the chat.
    expect(harness.emulator.sent(chatId)).toHaveLength(1);
    expect(await store.questionLog.list({ since: 0 })).toMatchObject([{ text: 'Когда прошёл референдум?', lang: 'ru', status: 'wrong', platform: 'telegram', chatKind: 'private', factId: 'referendum-june-5' }]);
  });

  it('lets another member of a group mark an answer, as a group entry', async () => {
    const chatId = -5102;
    const asker = harness.emulator.user({ chatId, userId: 5103, type: 'group', languageCode: 'en' });
    const other = harness.emulator.user({ chatId, userId: 5104, type: 'group', languageCode: 'en' });
    await asker.command('/ask When was the constitutional referendum held?');
    const [answer] = await harness.emulator.waitForSent(chatId, 1);
    const key = answer?.keyboard?.flat().find((k) => (k as Key).callback_data?.startsWith('f:')) as Key | undefined;
    expect(key?.text).toBe('Not what I asked');
    const before = harness.calls.length;
    await other.press(answer!, key!.callback_data!);
    await callMatching((c) => harness.calls.indexOf(c) >= before && c.method === 'answerCallbackQuery');
    await core.questionLog?.flush();
    const entries = await store.questionLog.list({ since: 0 });
    expect(entries.at(-1)).toMatchObject({ text: 'When was the constitutional referendum held?', status: 'wrong', chatKind: 'group' });
    expect(harness.emulator.sent(chatId)).toHaveLength(1);
  });
});
