/**
 * A group with the real bot through telegram-test-api: the bot answers /ask (also /ask@itself), mentions
 * and replies to its own messages, replies under the question, and ignores everything else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCore } from './support/core.js';
import { EMULATOR_BOT, startPollingBot, type PollingBot, type SentMessage, type TestUser } from './support/emulator.js';
import { expectValidTelegramHtml, seen } from './support/html.js';
import { capturingLogger } from './support/logger.js';

const core = testCore();
let harness: PollingBot;

beforeAll(async () => {
  harness = await startPollingBot(core, capturingLogger());
});
afterAll(async () => {
  await harness.stop();
});

let nextGroup = -1000;
/** A new group (its own conversation context) with one member. */
function group(languageCode = 'en'): { chatId: number; user: TestUser } {
  const chatId = nextGroup--;
  return { chatId, user: harness.emulator.user({ chatId, userId: 5000 - chatId, type: 'supergroup', languageCode }) };
}

/** Sends, waits for the bot's next message in the group, and checks it replies to what was sent. */
async function ask(chatId: number, send: () => Promise<number>): Promise<SentMessage> {
  const before = harness.emulator.sent(chatId).length;
  const messageId = await send();
  const sent = await harness.emulator.waitForSent(chatId, before + 1);
  const reply = sent[before]!;
  expectValidTelegramHtml(reply.text);
  expect(reply.replyTo).toBe(messageId);
  return reply;
}

const mention = `@${EMULATOR_BOT.username}`;

describe('group chat', () => {
  it('answers /ask with a reply to the question', async () => {
    const { chatId, user } = group();
    const reply = await ask(chatId, () => user.command('/ask when was the referendum?'));
    expect(seen(reply.text)).toMatch(/5 June 2022|June 5, 2022/);
  });

  it('answers /ask@itself', async () => {
    const { chatId, user } = group('ru');
    const reply = await ask(chatId, () => user.command(`/ask@${EMULATOR_BOT.username} когда был референдум?`));
    expect(seen(reply.text)).toContain('5 июня');
  });

  it('answers a mention, without the mention in the question', async () => {
    const { chatId, user } = group('kk');
    const text = `${mention} Референдум қашан өтті?`;
    const reply = await ask(chatId, () => user.say(text, { entities: [{ type: 'mention', offset: 0, length: mention.length }] }));
    expect(seen(reply.text)).toContain('5 маусым');
  });

  it('answers a reply to its own message, as a follow-up', async () => {
    const { chatId, user } = group();
    const first = await ask(chatId, () => user.command('/ask Кто участвовал в круглом столе?'));
    const reply = await ask(chatId, () => user.say('кто его открыл?', { replyTo: first }));
    // "It" is the round table of the message replied to: answered outright (asked cold, it is only a guess).
    expect(seen(reply.text)).toContain('открыл посол Казахстана в России Ермек Кошербаев');
    expect(seen(reply.text)).not.toMatch(/Не уверен|Или вы имели в виду/);
  });

  it('ignores chatter, commands for other bots and unknown commands', async () => {
    const { chatId, user } = group();
    await user.say('I think the referendum was in June, when was it?');
    await user.command('/ask@OtherBot when was the referendum?');
    await user.command('/frobnicate');
    await user.say(`mail me at someone${mention}.example when was the referendum?`);
    // One chat's updates are handled in order: when this question is answered, the ones before it were handled.
    const reply = await ask(chatId, () => user.command('/ask когда был референдум?'));
    expect(harness.emulator.sent(chatId)).toEqual([reply]);
  });

  it('answers a pressed button with a reply to the message that carried it', async () => {
    const { chatId, user } = group();
    const answer = await ask(chatId, () => user.command('/ask when was the referendum?'));
    const related = answer.keyboard?.flat().map((b) => (b as { callback_data?: string }).callback_data).find((d) => d?.startsWith('a:'));
    expect(related).toBeDefined();
    const before = harness.emulator.sent(chatId).length;
    await user.press(answer, related!);
    const [reply] = (await harness.emulator.waitForSent(chatId, before + 1)).slice(before);
    expect(reply!.replyTo).toBe(answer.messageId);
    expect(harness.calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
  });

  it('turns the topic list into a topic\'s questions in place, as the core says', async () => {
    const { chatId, user } = group();
    const topics = await ask(chatId, () => user.command('/topics'));
    const before = harness.emulator.sent(chatId).length;
    await user.press(topics, 't:referendum');
    const questions = await harness.emulator.waitForEdit(chatId, topics.messageId, topics.text);
    expect(seen(questions.text)).toContain('The 2022 referendum');
    expect(questions.keyboard?.flat().length).toBeGreaterThan(0);
    expect(harness.emulator.sent(chatId)).toHaveLength(before);
  });

  it('shows the group help with its privacy-mode note', async () => {
    const { chatId, user } = group();
    const reply = await ask(chatId, () => user.command(`/help@${EMULATOR_BOT.username}`));
    // The adapter says the bot hears commands, mentions and replies here; the core words it, naming no platform.
    expect(seen(reply.text)).toContain('In a group I only see commands, mentions of me and replies to my messages, so use /ask');
  });
});
