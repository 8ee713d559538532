import { describe, expect, it } from 'vitest';
import { createCoreServices } from '../../src/app/core-services.js';
import type { ChatRequest } from '../../src/core/chat/chat-service.js';
import { silentLogger } from '../../src/core/ports.js';
import { langOfLocale } from '../../src/adapters/discord/request.js';
import { sharedFacts } from '../support/shared-facts.js';
import { openDatabase, SqliteStore } from '../../src/infra/sqlite/sqlite-store.js';


/** A clock the test moves by hand. */
function fakeClock(start = Date.parse('2026-06-05T04:00:00Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const member: ChatRequest = { platform: 'telegram', chatId: '-1', userId: '7', chatKind: 'group', userLang: 'en' };

describe('the chat service', () => {
  it('limits questions and answer buttons per user alike, and lets them through again after the window', async () => {
    const clock = fakeClock();
    const { chat, resolver } = createCoreServices({ ...sharedFacts(), clock, logger: silentLogger, rateLimit: { limit: 2, windowMs: 60_000 } });
    const factId = resolver.examples('en', 1)[0]?.factId ?? '';
    expect((await chat.question(member, 'When was the constitutional referendum held?')).personal).toBeFalsy();
    expect((await chat.action(member, `a:${factId}`))?.personal).toBeFalsy();
    const limited = await chat.action(member, `a:${factId}`);
    expect(limited?.toast).toBe(true);
    expect(limited?.text).toMatch(/wait \d+ s/);
    expect((await chat.question(member, 'When was the constitutional referendum held?')).text).toMatch(/wait/);
    // Another member is not affected.
    expect((await chat.question({ ...member, userId: '8' }, 'When was the constitutional referendum held?')).text).toMatch(/June 5, 2022/);
    clock.advance(61_000);
    expect((await chat.question(member, 'When was the constitutional referendum held?')).text).toMatch(/June 5, 2022/);
  });

  it("reads the chat's stored language for a member's question only when the platform gave no language of theirs", async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    let reads = 0;
    const get = store.chats.get.bind(store.chats);
    store.chats.get = (address) => {
      reads += 1;
      return get(address);
    };
    const { chat } = createCoreServices({ ...sharedFacts(), clock: fakeClock(), logger: silentLogger, store });
    await chat.question(member, 'When was the constitutional referendum held?');
    expect(reads).toBe(0);
    await chat.question({ ...member, userLang: undefined }, '👍');
    expect(reads).toBe(1);
  });

  it('shows each offered question once, as a button, under a sentence that points to the buttons', async () => {
    const { chat } = createCoreServices({ ...sharedFacts(), clock: fakeClock(), logger: silentLogger });
    const cases = [
      { text: 'when did the referendum take place?', status: 'unsure', below: (n: number) => `Or did you mean ${n === 1 ? 'the question' : 'one of the questions'} below?` },
      { text: 'What is the price of bread?', status: 'unknown', below: (n: number) => `Try ${n === 1 ? 'the question' : 'one of the questions'} below.` },
      { text: 'хорошо', status: 'unknown', below: (n: number) => `Попробуйте ${n === 1 ? 'вопрос' : 'один из вопросов'} ниже.` },
    ];
    for (const { text, status, below } of cases) {
      const reply = await chat.question(member, text);
      expect(reply.answer?.status, text).toBe(status);
      const labels = reply.buttons.flat().filter((b) => b.kind !== 'feedback').map((b) => b.label);
      expect(labels.length, text).toBeGreaterThan(0);
      for (const label of labels) expect(reply.text, text).not.toContain(label);
      expect(reply.text, text).toContain(below(labels.length));
      // The resolver's own text, for readers without buttons, still lists them.
      expect(reply.answer?.answer, text).toContain(`• ${labels[0] ?? ''}`);
    }
  });

  it('answers in the user\'s language when the question does not tell, else the chat\'s', async () => {
    const { chat } = createCoreServices({ ...sharedFacts(), clock: fakeClock(), logger: silentLogger });
    expect((await chat.command({ ...member, userLang: 'kk' }, 'help', ''))?.lang).toBe('kk');
    expect((await chat.command({ ...member, userLang: undefined, chatLang: 'ru' }, 'help', ''))?.lang).toBe('ru');
    expect((await chat.question({ ...member, userLang: 'kk' }, 'Когда прошёл референдум?')).lang).toBe('ru');
  });

  it('answers Kazakh small talk typed with Russian letters in Kazakh, whatever the interface language', async () => {
    const { chat } = createCoreServices({ ...sharedFacts(), clock: fakeClock(), logger: silentLogger });
    for (const userLang of ['en', 'ru'] as const) {
      const thanks = await chat.question({ ...member, userLang }, 'рахмет');
      expect(thanks.lang).toBe('kk');
      expect(thanks.text).toMatch(/^Оқасы жоқ!/);
      // "бол" alone would read as a Russian stem; with "сау" and "кош" it is goodbye in Kazakh.
      expect((await chat.question({ ...member, userLang }, 'сау бол')).text).toMatch(/^Сау болыңыз!/);
      expect((await chat.question({ ...member, userLang }, 'кош бол')).lang).toBe('kk');
      expect((await chat.question({ ...member, userLang }, 'рахмет бол')).lang).toBe('kk');
      expect((await chat.question({ ...member, userLang }, 'жаксы')).lang).toBe('kk');
    }
    // Russian small talk stays Russian.
    expect((await chat.question(member, 'спасибо')).lang).toBe('ru');
    expect((await chat.question(member, 'пока')).lang).toBe('ru');
  });

  it('answers a pressed question in the language its button was shown in; buttons of older messages in the member\'s', async () => {
    const { chat } = createCoreServices({ ...sharedFacts(), clock: fakeClock(), logger: silentLogger });
    const asked = await chat.question(member, 'когда был референдум?');
    const data = asked.buttons.flat()[0]?.data ?? '';
    expect(data).toMatch(/^a:ru:[\w-]+$/);
    // The member's app is in English, but they read and pressed a Russian question.
    expect((await chat.action(member, data))?.lang).toBe('ru');
    expect((await chat.action(member, `a:${data.slice('a:ru:'.length)}`))?.lang).toBe('en');
  });

  it('states the language rule in /help in all three languages', async () => {
    const { chat } = createCoreServices({ ...sharedFacts(), clock: fakeClock(), logger: silentLogger });
    const help = async (userLang: 'en' | 'ru' | 'kk') => (await chat.command({ ...member, userLang }, 'help', ''))?.text ?? '';
    expect(await help('en')).toContain("I answer you in the language you write in, or else in the language of your app (then the chat's, then English). Messages for the whole chat (daily posts, group quizzes) are in the chat's language, set with /settings lang.");
    expect(await help('ru')).toContain('я отвечаю на том языке, на котором вы пишете');
    expect(await help('ru')).toContain('Сообщения для всего чата (ежедневные посты, групповые викторины) — на языке чата; его задаёт /settings lang.');
    expect(await help('kk')).toContain('сізге өзіңіз жазған тілде жауап беремін');
    expect(await help('kk')).toContain('чат тілінде болады; оны /settings lang арқылы орнатуға болады.');
  });

  it('explains how to ask in a group by what the adapter says the bot hears there, naming no platform', async () => {
    const { chat } = createCoreServices({ ...sharedFacts(), clock: fakeClock(), logger: silentLogger });
    const addressed = (await chat.command({ ...member, groupHearing: 'addressed' }, 'help', ''))?.text ?? '';
    expect(addressed).toContain('In a group I only see commands, mentions of me and replies to my messages');
    const commandsOnly = (await chat.command({ ...member, platform: 'discord', groupHearing: 'commands' }, 'help', ''))?.text ?? '';
    expect(commandsOnly).toContain('In a group, ask with /ask followed by your question.');
    expect(commandsOnly).not.toMatch(/mention/);
    // Not a platform name: a Telegram request that hears only commands gets the commands-only text.
    expect((await chat.command({ ...member, groupHearing: 'commands' }, 'help', ''))?.text).not.toMatch(/mention/);
    for (const text of [addressed, commandsOnly]) expect(text).not.toMatch(/Telegram|Discord/);
  });
});

describe('Discord locales', () => {
  it('maps Russian and English, and leaves other locales to the chat setting', () => {
    expect(langOfLocale('ru')).toBe('ru');
    expect(langOfLocale('en-GB')).toBe('en');
    expect(langOfLocale('tr')).toBeUndefined();
  });
});
