/**
 * A private chat with the real bot (createBot + runner polling) through telegram-test-api, with the real
 * core and fact base: what a user types, what they read back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testCore } from './support/core.js';
import { startPollingBot, type PollingBot, type SentMessage } from './support/emulator.js';
import { expectValidTelegramHtml, seen } from './support/html.js';
import { capturingLogger } from './support/logger.js';

const core = testCore();
const logger = capturingLogger();
let harness: PollingBot;

beforeAll(async () => {
  harness = await startPollingBot(core, logger);
});
afterAll(async () => {
  await harness.stop();
});
afterEach(() => {
  vi.restoreAllMocks();
});

let nextUser = 100;
/** A new person in their own private chat, so tests do not share conversation context. */
function privateUser(languageCode?: string) {
  const id = nextUser++;
  return { chatId: id, user: harness.emulator.user({ chatId: id, userId: id, type: 'private', languageCode }) };
}

/** Sends and waits for the bot's next message in the chat. */
async function ask(chatId: number, send: () => Promise<unknown>): Promise<SentMessage> {
  const before = harness.emulator.sent(chatId).length;
  await send();
  const sent = await harness.emulator.waitForSent(chatId, before + 1);
  const reply = sent[before]!;
  expect(reply.parseMode).toBe('HTML');
  expectValidTelegramHtml(reply.text);
  return reply;
}

describe('private chat', () => {
  it('answers an English question with the referendum date', async () => {
    const { chatId, user } = privateUser('en');
    const reply = await ask(chatId, () => user.say('when was the referendum?'));
    expect(seen(reply.text)).toMatch(/5 June 2022|June 5, 2022/);
    expect(reply.text).toMatch(/<i>Source: .+<\/i>/);
  });

  it('answers a Russian question in Russian', async () => {
    const { chatId, user } = privateUser('ru');
    const reply = await ask(chatId, () => user.say('когда был референдум?'));
    expect(seen(reply.text)).toContain('5 июня');
    expect(reply.text).toContain('<i>Источник:');
  });

  it('answers a Kazakh question in Kazakh, whatever the app language', async () => {
    const { chatId, user } = privateUser('en');
    const reply = await ask(chatId, () => user.say('Референдум қашан өтті?'));
    expect(seen(reply.text)).toContain('5 маусым');
  });

  it('answers a follow-up question about the previous answer', async () => {
    const { chatId, user } = privateUser('en');
    await ask(chatId, () => user.say('What event took place at the Kazakh embassy in Russia?'));
    const reply = await ask(chatId, () => user.say('and who took part?'));
    // "Who took part" in the round table just asked about; asked cold, the question finds the January amnesty.
    expect(seen(reply.text)).toMatch(/State Duma/);
    await ask(chatId, () => user.say('Кто участвовал в круглом столе?'));
    const opener = await ask(chatId, () => user.say('кто его открыл?'));
    expect(seen(opener.text)).toContain('открыл посол Казахстана в России Ермек Кошербаев');
    expect(seen(opener.text)).not.toMatch(/Не уверен|Или вы имели в виду/);
  });

  it('greets on /start, ignoring a deep-link payload, with the welcome questions as buttons and a pointer to /help', async () => {
    const { chatId, user } = privateUser('en');
    const plain = await ask(chatId, () => user.command('/start'));
    const linked = await ask(chatId, () => user.command('/start from-channel_42'));
    expect(seen(plain.text)).toContain('Hello!');
    expect(seen(plain.text)).toContain('/help');
    expect(linked.text).toBe(plain.text);
    const buttons = plain.keyboard?.flat() as { text: string; callback_data: string }[];
    expect(buttons.map((b) => b.callback_data)).toEqual(core.base.welcome.map((id) => `a:en:${id}`));
    expect(buttons.map((b) => b.text)).toContain('When was the constitutional referendum held in Kazakhstan?');
    // A button answers the question it shows.
    const answer = await ask(chatId, () => user.press(plain, buttons[0]!.callback_data));
    expect(seen(answer.text)).toMatch(/June 5, 2022/);
  });

  it('greets on /start in the user\'s language, with the questions in it', async () => {
    const { chatId, user } = privateUser('ru');
    const start = await ask(chatId, () => user.command('/start'));
    expect(seen(start.text)).toContain('Здравствуйте!');
    expect(seen(start.text)).toContain('/help');
    const labels = (start.keyboard?.flat() as { text: string }[]).map((b) => b.text);
    expect(labels).toContain('Когда в Казахстане прошёл референдум по поправкам в Конституцию?');
    expect(labels.every((l) => /[а-яё]/i.test(l) && !/[a-z]/i.test(l))).toBe(true);
  });

  it('shows /help in the user language, and answers /ask', async () => {
    const { chatId, user } = privateUser('ru');
    const help = await ask(chatId, () => user.command('/help'));
    expect(seen(help.text)).toContain('/ask <question>');
    expect(seen(help.text)).toContain('Команды');
    const answer = await ask(chatId, () => user.command('/ask когда был референдум?'));
    expect(seen(answer.text)).toContain('5 июня');
  });

  it('names an unknown command as unknown and points to /help, in the user\'s language', async () => {
    const { chatId, user } = privateUser('en');
    const reply = await ask(chatId, () => user.command('/frobnicate'));
    expect(seen(reply.text)).toBe("I don't know the command /frobnicate. Type /help to see the commands I do know.");
    const kk = privateUser('kk');
    const kazakh = await ask(kk.chatId, () => kk.user.command('/foo'));
    expect(seen(kazakh.text)).toBe('/foo командасын білмеймін. Менің командаларымды көру үшін /help деп жазыңыз.');
  });

  it('answers a pressed "did you mean" or related button, and answers the callback', async () => {
    const { chatId, user } = privateUser('en');
    const first = await ask(chatId, () => user.say('referendum'));
    const button = first.keyboard?.flat()[0];
    expect(button?.text).toBeTruthy();
    const data = (button as { callback_data: string }).callback_data;
    expect(data).toMatch(/^a:en:/);
    const answered = harness.calls.filter((c) => c.method === 'answerCallbackQuery').length;
    const reply = await ask(chatId, () => user.press(first, data));
    const expected = core.resolver.answerFact(data.slice('a:en:'.length), 'en');
    expect(seen(reply.text)).toContain(expected!.answer);
    expect(harness.calls.filter((c) => c.method === 'answerCallbackQuery').length).toBe(answered + 1);
  });

  it('lists topics, then a topic\'s questions, then answers one', async () => {
    const { chatId, user } = privateUser('en');
    const topics = await ask(chatId, () => user.command('/topics'));
    expect(seen(topics.text)).toBe(core.i18n.t('en', 'topics-intro'));
    const referendum = topics.keyboard?.flat().find((b) => (b as { callback_data?: string }).callback_data === 't:referendum');
    expect(referendum?.text).toBe('The 2022 referendum');
    // The topic list turns into the topic's questions in place: the same message, edited, and no new one.
    const before = harness.emulator.sent(chatId).length;
    await user.press(topics, 't:referendum');
    const questions = await harness.emulator.waitForEdit(chatId, topics.messageId, topics.text);
    expectValidTelegramHtml(questions.text);
    expect(seen(questions.text)).toContain('The 2022 referendum');
    expect(harness.emulator.sent(chatId)).toHaveLength(before);
    const dateButton = questions.keyboard?.flat().find((b) => (b as { callback_data?: string }).callback_data === 'a:en:referendum-june-5');
    expect(dateButton).toBeDefined();
    const answer = await ask(chatId, () => user.press(questions, 'a:en:referendum-june-5'));
    expect(seen(answer.text)).toMatch(/5 June 2022|June 5, 2022/);
  });

  it('posts nothing for a stale button (only a private notice) and keeps answering', async () => {
    const { chatId, user } = privateUser('en');
    const topics = await ask(chatId, () => user.command('/topics'));
    const before = harness.emulator.sent(chatId).length;
    await user.press(topics, 'a:no-such-fact');
    // Updates of one chat are handled in order, so once the question is answered the press was handled too.
    const reply = await ask(chatId, () => user.say('когда был референдум?'));
    expect(harness.emulator.sent(chatId)).toHaveLength(before + 1);
    expect(seen(reply.text)).toContain('5 июня');
  });

  describe('hostile input', () => {
    const hostile = ['<b>bold</b> & <script>alert(1)</script> &amp;', 'MarkdownV2 *_[]()~`>#+-=|{}.! chars', '@everyone @here', 'x'.repeat(5000)];

    it.each(hostile)('replies with valid HTML to %#', async (text) => {
      const { chatId, user } = privateUser('en');
      const reply = await ask(chatId, () => user.say(text));
      expect(reply.text).not.toContain('<b>bold');
      expect(reply.text).not.toContain('<script>');
    });

    it('escapes whatever the core says, even when it quotes the user', async () => {
      const { chatId, user } = privateUser('en');
      const text = '<b>bold</b> & *_[]()~`>#+-=|{}.! @everyone';
      vi.spyOn(core.chat, 'question').mockImplementationOnce((_req, q) => Promise.resolve({ lang: 'en', text: `You asked: ${q}`, citation: 'Source: <i> & co', buttons: [] }));
      const reply = await ask(chatId, () => user.say(text));
      expect(reply.text).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; *_[]()~`&gt;#+-=|{}.! @everyone');
      expect(reply.text).toContain('<i>Source: &lt;i&gt; &amp; co</i>');
      expect(seen(reply.text)).toBe(`You asked: ${text}\n\nSource: <i> & co`);
    });

    it('keeps answering after hostile input', async () => {
      const { chatId, user } = privateUser('ru');
      await ask(chatId, () => user.say('<b>&'));
      const reply = await ask(chatId, () => user.say('когда был референдум?'));
      expect(seen(reply.text)).toContain('5 июня');
    });
  });

  it('splits a reply longer than a message into several, buttons under the last', async () => {
    const { chatId, user } = privateUser('en');
    const paragraph = `${'Reform & <change>. '.repeat(60)}`.trim();
    const long = Array.from({ length: 8 }, () => paragraph).join('\n\n');
    vi.spyOn(core.chat, 'question').mockImplementationOnce(() => Promise.resolve({ lang: 'en', text: long, citation: 'Source: test', buttons: [[{ label: 'More', data: 'a:referendum-june-5' }]] }));
    const before = harness.emulator.sent(chatId).length;
    await user.say('tell me everything');
    await harness.emulator.waitForSent(chatId, before + 2);
    // The last part carries the keyboard, so waiting for it means all parts arrived.
    const parts = await waitForKeyboard(chatId, before);
    for (const p of parts) expectValidTelegramHtml(p.text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.slice(0, -1).every((p) => p.keyboard === undefined)).toBe(true);
    expect(parts.map((p) => seen(p.text)).join('\n\n')).toBe(`${long}\n\nSource: test`);
  });

  it('never logs the token or what users wrote', () => {
    const logs = logger.text();
    expect(logs).not.toContain('TEST-TOKEN');
    expect(logs).not.toContain('referendum?');
    expect(logs).not.toContain('<script>');
  });
});

async function waitForKeyboard(chatId: number, from: number): Promise<SentMessage[]> {
  for (let i = 0; i < 500; i++) {
    const parts = harness.emulator.sent(chatId).slice(from);
    if (parts.some((p) => p.keyboard)) return parts;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the last part never arrived');
}
