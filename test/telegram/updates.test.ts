/**
 * Update kinds the emulator cannot produce (inline queries, membership, migration) and failure paths
 * (403, errors, rate limit), fed to the real bot with handleUpdate; every API call is answered by a stub.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InlineQueryResultArticle } from 'grammy/types';
import { commandMenus, setCommandMenu } from '../../src/adapters/telegram/command-menu.js';
import { COMMANDS } from '../../src/core/commands/definitions.js';
import { testCore } from './support/core.js';
import { expectValidTelegramHtml, seen } from './support/html.js';
import { capturingLogger } from './support/logger.js';
import { BOT_INFO, offlineBot, person, textMessage } from './support/offline-bot.js';

// One core for the file (building its index takes a moment); tests use chat ids of their own.
const core = testCore();
afterEach(() => {
  vi.restoreAllMocks();
});

describe('inline mode', () => {
  it('answers a query with articles: question, short answer, escaped answer with citation', async () => {
    const { handle, calls } = await offlineBot(core, capturingLogger());
    await handle({ inline_query: { id: 'iq-1', from: person(1), query: 'referendum date', offset: '', chat_type: 'sender' } });
    const call = calls.find((c) => c.method === 'answerInlineQuery');
    expect(call?.payload).toMatchObject({ inline_query_id: 'iq-1', cache_time: 300, is_personal: false });
    const results = call!.payload.results as InlineQueryResultArticle[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    const june5 = results.find((r) => r.id === 'referendum-june-5');
    expect(june5).toBeDefined();
    expect(june5!.title).toMatch(/referendum/i);
    expect(june5!.description).toBeTruthy();
    const content = june5!.input_message_content as { message_text: string; parse_mode: string };
    expect(content.parse_mode).toBe('HTML');
    expectValidTelegramHtml(content.message_text);
    expect(seen(content.message_text)).toMatch(/5 June 2022|June 5, 2022/);
    expect(content.message_text).toMatch(/<i>Source: .+<\/i>$/);
  });

  it('offers example questions for an empty query, in the user language', async () => {
    const { handle, calls } = await offlineBot(core, capturingLogger());
    await handle({ inline_query: { id: 'iq-2', from: person(1, 'ru'), query: '', offset: '' } });
    const results = calls.find((c) => c.method === 'answerInlineQuery')!.payload.results as InlineQueryResultArticle[];
    expect(results.map((r) => r.id)).toEqual(core.resolver.examples('ru', 5).map((s) => s.factId));
    expect(results[0]!.title).toMatch(/[а-яё]/i);
  });

  it('answers in the language of the query', async () => {
    const { handle, calls } = await offlineBot(core, capturingLogger());
    await handle({ inline_query: { id: 'iq-3', from: person(1, 'en'), query: 'когда был референдум', offset: '' } });
    const results = calls.find((c) => c.method === 'answerInlineQuery')!.payload.results as InlineQueryResultArticle[];
    const text = (results[0]!.input_message_content as { message_text: string }).message_text;
    expect(text).toContain('Источник');
  });
});

describe('membership', () => {
  const member = (status: 'kicked' | 'left' | 'member') =>
    status === 'kicked'
      ? { status, user: BOT_INFO, until_date: 0 }
      : { status, user: BOT_INFO };

  it.each(['kicked', 'left'] as const)('reports a chat where the bot was %s', async (status) => {
    const onChatUnavailable = vi.fn();
    const logger = capturingLogger();
    const { handle } = await offlineBot(core, logger, { hooks: { onChatUnavailable } });
    await handle({
      my_chat_member: { chat: { id: -1001, type: 'supergroup', title: 'G' }, from: person(2), date: 1, old_chat_member: member('member'), new_chat_member: member(status) as never },
    });
    expect(onChatUnavailable).toHaveBeenCalledWith('-1001');
    expect(logger.entries.some((e) => e.level === 'info' && e.msg === 'telegram bot removed from chat')).toBe(true);
  });

  it('does not report a chat the bot joined', async () => {
    const onChatUnavailable = vi.fn();
    const { handle } = await offlineBot(core, capturingLogger(), { hooks: { onChatUnavailable } });
    await handle({
      my_chat_member: { chat: { id: -1002, type: 'group', title: 'G' }, from: person(2), date: 1, old_chat_member: member('left'), new_chat_member: member('member') },
    });
    expect(onChatUnavailable).not.toHaveBeenCalled();
  });

  it('moves a migrated group to its new id and reports it', async () => {
    const onChatMigrated = vi.fn();
    const migrate = vi.spyOn(core.chat, 'migrateChat');
    const { handle } = await offlineBot(core, capturingLogger(), { hooks: { onChatMigrated } });
    await handle({ message: { message_id: 9, date: 1, chat: { id: -55, type: 'group', title: 'G' }, from: person(3), migrate_to_chat_id: -1000000000055 } });
    expect(migrate).toHaveBeenCalledWith('telegram', '-55', '-1000000000055');
    expect(onChatMigrated).toHaveBeenCalledWith('-55', '-1000000000055');
  });

  it('carries the conversation over to the supergroup', async () => {
    const { handle, sent } = await offlineBot(core, capturingLogger());
    await handle(textMessage({ id: -56, type: 'group' }, person(3), '/ask Кто участвовал в круглом столе?'));
    await handle({ message: { message_id: 9, date: 1, chat: { id: -56, type: 'group', title: 'G' }, from: person(3), migrate_to_chat_id: -1000000000056 } });
    await handle(textMessage({ id: -1000000000056, type: 'supergroup' }, person(3), '/ask кто его открыл?'));
    // "It" is the round table asked about before the migration: a confident answer, no guess and no choices.
    const reply = seen(String(sent(-1000000000056)[0]!.payload.text));
    expect(reply).toContain('открыл посол Казахстана в России Ермек Кошербаев');
    expect(reply).not.toMatch(/Не уверен|Или вы имели в виду/);
    // The same follow-up in a chat with no conversation is only a guess.
    const cold = await core.chat.question({ platform: 'telegram', chatId: 'fresh', userId: '3', chatKind: 'group' }, 'кто его открыл?');
    expect(cold.answer?.status).toBe('unsure');
  });
});

describe('failures', () => {
  it('reports a chat that answers 403 and does not apologise into it', async () => {
    const onChatUnavailable = vi.fn();
    const logger = capturingLogger();
    const { handle, sent } = await offlineBot(core, logger, {
      hooks: { onChatUnavailable },
      override: (c) => (c.method === 'sendMessage' ? { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } : undefined),
    });
    await handle(textMessage({ id: 77, type: 'private' }, person(77), 'when was the referendum?'));
    expect(onChatUnavailable).toHaveBeenCalledWith('77');
    expect(sent(77)).toHaveLength(1);
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('logs a failed update with its ids (not its text) and apologises in the chat', async () => {
    const logger = capturingLogger();
    let first = true;
    const { handle, sent } = await offlineBot(core, logger, {
      override: (c) => {
        if (c.method !== 'sendMessage' || !first) return undefined;
        first = false;
        return { ok: false, error_code: 400, description: "Bad Request: can't parse entities" };
      },
    });
    await handle(textMessage({ id: 78, type: 'private' }, person(78, 'ru'), 'когда был референдум?'));
    const error = logger.entries.find((e) => e.level === 'error');
    expect(error?.msg).toBe('telegram update failed');
    expect(error?.obj).toMatchObject({ chatId: '78', err: { code: 400, method: 'sendMessage' } });
    expect(typeof error?.obj.updateId).toBe('number');
    expect(logger.text()).not.toContain('референдум');
    const apology = sent(78)[1]!;
    expect(seen(String(apology.payload.text))).toBe(core.i18n.t('ru', 'error-apology'));
  });

  it('survives a failing hook', async () => {
    const logger = capturingLogger();
    const { handle } = await offlineBot(core, logger, {
      hooks: {
        onChatUnavailable: () => {
          throw new Error('subscriptions store down');
        },
      },
    });
    await handle({
      my_chat_member: { chat: { id: 5, type: 'private', first_name: 'A' }, from: person(5), date: 1, old_chat_member: { status: 'member', user: BOT_INFO }, new_chat_member: { status: 'kicked', user: BOT_INFO, until_date: 0 } },
    });
    expect(logger.entries.some((e) => e.level === 'error' && e.msg === 'telegram hook failed')).toBe(true);
  });

  it('still replies in a group when the asker is rate-limited', async () => {
    const limited = testCore({ limit: 1, windowMs: 60_000 });
    const { handle, sent } = await offlineBot(limited, capturingLogger());
    await handle(textMessage({ id: -90, type: 'group' }, person(90), '/ask when was the referendum?', 1));
    await handle(textMessage({ id: -90, type: 'group' }, person(90), '/ask and what did it change?', 2));
    const replies = sent(-90);
    expect(replies).toHaveLength(2);
    expect(replies[1]!.payload.reply_parameters).toMatchObject({ message_id: 2 });
    expect(seen(String(replies[1]!.payload.text))).toMatch(/^You are asking very fast\. Please wait \d+ s and ask again\.$/);
  });

  it('sends the rate-limit notice once per window, not once per message', async () => {
    const limited = testCore({ limit: 2, windowMs: 60_000 });
    const { handle, sent } = await offlineBot(limited, capturingLogger());
    for (let i = 1; i <= 8; i++) await handle(textMessage({ id: 91, type: 'private' }, person(91), 'when was the referendum?', i));
    const replies = sent(91).map((c) => seen(String(c.payload.text)));
    expect(replies).toHaveLength(3);
    expect(replies[2]).toMatch(/^You are asking very fast/);
  });

  it('limits the daily post\'s answer button: 20 presses with a limit of 2 post 2 answers, the rest get a private toast', async () => {
    const limited = testCore({ limit: 2, windowMs: 60_000 });
    const { handle, sent, calls } = await offlineBot(limited, capturingLogger());
    const fact = limited.base.facts.find((f) => f.questions.en.length > 0)!;
    for (let i = 0; i < 20; i++)
      await handle({
        callback_query: {
          id: `cb-${i}`,
          from: person(92),
          chat_instance: 'x',
          data: `d:a:${fact.id}`,
          message: { message_id: 5, date: 1, chat: { id: -92, type: 'group', title: 'g' }, text: 'post' },
        },
      });
    expect(sent(-92)).toHaveLength(2);
    const toasts = calls.filter((c) => c.method === 'answerCallbackQuery' && /asking very fast/.test(String(c.payload.text)));
    expect(toasts).toHaveLength(18);
  });

  it('limits inline queries too: a refused one gets no results, a notice button, and is neither cached nor shared', async () => {
    const limited = testCore({ limit: 1, windowMs: 60_000 });
    const { handle, calls } = await offlineBot(limited, capturingLogger());
    await handle({ inline_query: { id: 'iq-a', from: person(93), query: '', offset: '' } }); // examples: free
    await handle(textMessage({ id: 93, type: 'private' }, person(93), 'when was the referendum?'));
    await handle({ inline_query: { id: 'iq-b', from: person(93), query: 'presidential term', offset: '' } });
    const answers = calls.filter((c) => c.method === 'answerInlineQuery');
    expect((answers[0]!.payload.results as unknown[]).length).toBeGreaterThan(0);
    expect(answers[1]!.payload).toMatchObject({ results: [], cache_time: 0, is_personal: true, button: { start_parameter: 'limit' } });
    expect(String((answers[1]!.payload.button as { text: string }).text)).toMatch(/asking very fast/);
  });
});

describe('command menu', () => {
  it('sets English (default), Russian and Kazakh menus for private chats, groups and group admins', async () => {
    const logger = capturingLogger();
    const { bot, calls } = await offlineBot(core, logger);
    await setCommandMenu(bot.api, logger);
    const menus = calls.filter((c) => c.method === 'setMyCommands').map((c) => c.payload);
    expect(menus).toHaveLength(9);
    const find = (type: string, lang?: string) => menus.find((m) => (m.scope as { type: string }).type === type && m.language_code === lang);
    for (const lang of [undefined, 'ru', 'kk']) {
      expect(find('all_private_chats', lang)).toBeDefined();
      expect(find('all_group_chats', lang)).toBeDefined();
      expect(find('all_chat_administrators', lang)).toBeDefined();
    }
    const names = (m: Record<string, unknown> | undefined) => (m?.commands as { command: string }[]).map((c) => c.command);
    expect(names(find('all_private_chats')).slice(0, 4)).toEqual(['start', 'help', 'ask', 'topics']);
    expect(names(find('all_group_chats', 'ru')).slice(0, 3)).toEqual(['help', 'ask', 'topics']);
    // Feature commands follow (daily posts, study).
    expect(names(find('all_group_chats'))).toEqual(expect.arrayContaining(['study', 'next', 'stop', 'top', 'stats', 'review']));
    expect(find('all_private_chats', 'kk')?.commands).toContainEqual({ command: 'ask', description: COMMANDS.find((c) => c.name === 'ask')!.description.kk });
    expect(find('all_group_chats', 'ru')?.commands).toContainEqual({ command: 'help', description: 'Как пользоваться ботом' });
  });

  it('keeps admin-only commands out of the group menu and in the administrators menu', () => {
    const commands = [
      ...COMMANDS,
      { name: 'groupadmin', description: { en: 'Group admin', ru: 'Админ группы', kk: 'Топ әкімшісі' }, args: [], scope: 'group' as const, adminOnly: true },
    ];
    const menus = commandMenus(commands);
    const names = (type: string) => menus.find((m) => m.scope.type === type && !m.language_code)!.commands.map((c) => c.command);
    expect(names('all_group_chats')).not.toContain('groupadmin');
    expect(names('all_chat_administrators')).toContain('groupadmin');
    expect(names('all_private_chats')).not.toContain('groupadmin');
    // The daily-post settings: admins in groups, anyone in a private chat (their own chat).
    for (const name of ['subscribe', 'unsubscribe', 'settings']) {
      expect(names('all_group_chats')).not.toContain(name);
      expect(names('all_chat_administrators')).toContain(name);
      expect(names('all_private_chats')).toContain(name);
    }
  });

  it('logs a failure and carries on', async () => {
    const logger = capturingLogger();
    const { bot } = await offlineBot(core, logger, {
      override: (c) => (c.method === 'setMyCommands' ? { ok: false, error_code: 400, description: 'Bad Request: BOT_COMMAND_INVALID' } : undefined),
    });
    await expect(setCommandMenu(bot.api, logger)).resolves.toBeUndefined();
    expect(logger.entries.find((e) => e.msg === 'telegram command menu not set')?.level).toBe('warn');
  });
});
