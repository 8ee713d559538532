/**
 * Daily posts on Telegram: admin checks (getChatMember answered by the test stub, anonymous admins), the post
 * delivered through the emulator, membership hooks pausing, resuming and migrating, and the messenger's
 * mapping of 403 and 429, and a press on the question of the day answered with a private notification.
 */
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramMessenger } from '../../src/adapters/telegram/messenger.js';
import { subscriptionHooks } from '../../src/adapters/telegram/subscription-hooks.js';
import { ChatUnavailableError, RateLimitedError } from '../../src/core/messenger.js';
import { FakeClock, postingCore } from '../subscriptions/support.js';
import { apiStub, type StubResponse } from './support/api-stub.js';
import { FAKE_TOKEN } from './support/core.js';
import { startPollingBot, type PollingBot } from './support/emulator.js';
import { seen } from './support/html.js';
import { capturingLogger } from './support/logger.js';
import { offlineBot, person, textMessage } from './support/offline-bot.js';

const ADMIN = 7001;
const MEMBER = 7002;
/** A member whose membership lookup fails: the network to Telegram is down for it. */
const UNREACHABLE = 7009;
const clock = FakeClock.at('2024-06-10T01:00:00Z');
const { core, store, messenger } = postingCore(clock);
let harness: PollingBot;
const memberLookups: number[] = [];
const logger = capturingLogger();

beforeAll(async () => {
  harness = await startPollingBot(core, logger, {
    override: (call) => {
      if (call.method !== 'getChatMember') return undefined;
      const userId = Number(call.payload.user_id);
      memberLookups.push(userId);
      if (userId === UNREACHABLE) throw new Error('fetch failed: connect ECONNRESET');
      const user = { id: userId, is_bot: false, first_name: 'Test' };
      return { ok: true, result: userId === ADMIN ? { status: 'administrator', user, can_be_edited: false } : { status: 'member', user } };
    },
  });
});
afterAll(async () => {
  await harness.stop();
});

const tg = (chatId: number) => ({ platform: 'telegram' as const, chatId: String(chatId) });

describe('Telegram: who may subscribe', () => {
  it('refuses a group member politely and lets an administrator subscribe', async () => {
    const chatId = -4001;
    const member = harness.emulator.user({ chatId, userId: MEMBER, type: 'supergroup' });
    await member.command('/subscribe 08:00 Europe/Moscow');
    const [refusal] = await harness.emulator.waitForSent(chatId, 1);
    expect(seen(refusal!.text)).toMatch(/only this chat's administrators/i);
    expect(await store.subscriptions.get(tg(chatId))).toBeUndefined();

    const admin = harness.emulator.user({ chatId, userId: ADMIN, type: 'supergroup' });
    await admin.command('/subscribe 08:00 Europe/Moscow');
    const sent = await harness.emulator.waitForSent(chatId, 2);
    expect(seen(sent[1]!.text)).toContain('08:00 (Europe/Moscow)');
    expect(await store.subscriptions.get(tg(chatId))).toMatchObject({ postMinutes: 480, timeZone: 'Europe/Moscow', group: true });
    expect(memberLookups).toEqual(expect.arrayContaining([MEMBER, ADMIN]));
  });

  it('says the admin check failed when Telegram cannot be asked, logs it, and changes nothing', async () => {
    const chatId = -4010;
    const user = harness.emulator.user({ chatId, userId: UNREACHABLE, type: 'supergroup', languageCode: 'ru' });
    await user.command('/subscribe 08:00');
    const [reply] = await harness.emulator.waitForSent(chatId, 1);
    expect(seen(reply!.text)).toBe('Сейчас не удалось проверить, администратор ли вы в этом чате, поэтому команда не выполнена. Попробуйте ещё раз чуть позже.');
    expect(seen(reply!.text)).not.toMatch(/только администраторы/);
    expect(await store.subscriptions.get(tg(chatId))).toBeUndefined();
    const warning = logger.entries.find((e) => e.msg === 'telegram admin check failed');
    expect(warning).toMatchObject({ level: 'warn', obj: { chatId: String(chatId), err: { message: expect.stringContaining('ECONNRESET') as string } } });
  });

  it('lets anyone use /today and /preview without a membership lookup', async () => {
    const chatId = -4002;
    const before = memberLookups.length;
    const member = harness.emulator.user({ chatId, userId: MEMBER, type: 'supergroup' });
    await member.command('/preview 2023-06-05');
    const [post] = await harness.emulator.waitForSent(chatId, 1);
    expect(seen(post!.text)).toContain('On this day in 2022, 1 year ago:');
    expect(post!.text).toMatch(/<i>Source: /);
    expect(memberLookups.length).toBe(before);
  });

  it('delivers the daily post to the group through the Bot API at its time', async () => {
    const chatId = -4003;
    const admin = harness.emulator.user({ chatId, userId: ADMIN, type: 'supergroup' });
    await admin.command('/subscribe 09:00 Asia/Almaty');
    await harness.emulator.waitForSent(chatId, 1);
    await postThroughTheBotApi('2024-06-10T04:00:00Z');
    const sent = await harness.emulator.waitForSent(chatId, 2);
    expect(sent[1]!.parseMode).toBe('HTML');
    expect(seen(sent[1]!.text)).toMatch(/Fact of the day|On this day|it will be/);
    expect((await store.subscriptions.recent(tg(chatId), 1))[0]?.status).toBe('sent');
  });
});

/** Runs the daily posts due at `iso` through the real Telegram messenger to the emulator, instead of the recording one. */
async function postThroughTheBotApi(iso: string): Promise<void> {
  core.messengers.register('telegram', new TelegramMessenger(new Api(FAKE_TOKEN, { apiRoot: harness.emulator.apiRoot })));
  try {
    clock.set(iso);
    await core.dailyPosts.scheduler!.tick();
    await core.dailyPosts.queue!.drain();
  } finally {
    core.messengers.register('telegram', messenger);
  }
}

describe('Telegram: the question of the day', () => {
  it('answers a member\'s press with a notification only they see, and posts nothing in the group', async () => {
    const chatId = -4005;
    const admin = harness.emulator.user({ chatId, userId: ADMIN, type: 'supergroup' });
    const reader = harness.emulator.user({ chatId, userId: MEMBER, type: 'supergroup', languageCode: 'en' });
    await admin.command('/subscribe 09:00 Asia/Almaty');
    await harness.emulator.waitForSent(chatId, 1);
    await postThroughTheBotApi('2024-06-11T04:00:00Z');
    const [, post] = await harness.emulator.waitForSent(chatId, 2);
    const buttons = post!.keyboard!.flat() as { text: string; callback_data: string }[];
    const item = core.dailyPosts.questions.item((await store.subscriptions.recent(tg(chatId), 1))[0]!.plan.question!.id, 'en')!;
    expect(buttons.map((b) => b.text)).toEqual([...item.choices, 'Show the answer']);

    const answered = () => harness.calls.filter((c) => c.method === 'answerCallbackQuery');
    const before = answered().length;
    await reader.press(post!, buttons[0]!.callback_data);
    await reader.press(post!, buttons[1]!.callback_data);
    for (let waited = 0; answered().length < before + 2 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    const [first, second] = answered().slice(before);
    expect(first!.payload.text).toBe(`Your answer “${item.choices[0]}” is in. The right one comes with the next post.`);
    expect(second!.payload.text).toMatch(/already answered/);
    expect(harness.emulator.sent(chatId)).toHaveLength(2);
    expect(await store.dailyAnswers.get('telegram', String(MEMBER), '2024-06-11')).toMatchObject({ choice: 0, chatId: String(chatId) });
  });
});

describe('Telegram: anonymous admins and membership events', () => {
  it('counts a message sent on behalf of the group (anonymous admin) as an administrator', async () => {
    const { handle, calls } = await offlineBot(core, capturingLogger(), { hooks: subscriptionHooks(core) });
    const chat = { id: -4101, type: 'supergroup' as const };
    const update = textMessage(chat, { ...person(1087968824), first_name: 'Group', is_bot: true as const } as unknown as ReturnType<typeof person>, '/subscribe 10:00');
    await handle({ message: { ...update.message, sender_chat: { id: chat.id, type: 'supergroup', title: 'Reform readers' } } } as never);
    expect(calls.some((c) => c.method === 'getChatMember')).toBe(false);
    expect((await store.subscriptions.get(tg(chat.id)))?.postMinutes).toBe(600);
  });

  it('pauses on removal, resumes when re-added, and follows a group that became a supergroup', async () => {
    const { handle } = await offlineBot(core, capturingLogger(), { hooks: subscriptionHooks(core) });
    const chatId = -4102;
    await core.chat.command({ platform: 'telegram', chatId: String(chatId), userId: '1', chatKind: 'group', isAdmin: true }, 'subscribe', '');
    const membership = (status: 'kicked' | 'member') => ({
      my_chat_member: {
        chat: { id: chatId, type: 'group' as const, title: 'Reform readers' },
        from: person(1),
        date: 1_700_000_000,
        old_chat_member: { status: 'member' as const, user: { id: 777, is_bot: true, first_name: 'Bot' } },
        new_chat_member: status === 'kicked' ? { status, user: { id: 777, is_bot: true as const, first_name: 'Bot' }, until_date: 0 } : { status, user: { id: 777, is_bot: true as const, first_name: 'Bot' } },
      },
    });
    await handle(membership('kicked'));
    expect((await store.chats.get(tg(chatId)))?.paused).toBe(true);
    expect((await store.subscriptions.get(tg(chatId)))?.active).toBe(false);
    expect((await store.subscriptions.listActive()).some((s) => s.address.chatId === String(chatId))).toBe(false);
    await handle(membership('member'));
    expect((await store.chats.get(tg(chatId)))?.paused).toBe(false);
    expect((await store.subscriptions.get(tg(chatId)))?.active).toBe(true);

    await handle({ message: { message_id: 5, date: 1_700_000_000, chat: { id: chatId, type: 'group', title: 'Reform readers' }, from: person(1), migrate_to_chat_id: -1004102 } } as never);
    expect(await store.subscriptions.get(tg(chatId))).toBeUndefined();
    expect((await store.subscriptions.get(tg(-1004102)))?.postMinutes).toBe(540);
  });
});

describe('Telegram messenger errors', () => {
  const reply = { lang: 'en' as const, text: 'Fact of the day: <b>&</b>', buttons: [[{ label: 'Show the answer', data: 'd:a:referendum-june-5' }]] };
  const messengerAnswering = (answer: StubResponse | Record<string, unknown>) => {
    const stub = apiStub({ mode: 'offline', override: (call) => (call.method === 'sendMessage' ? (answer as StubResponse) : undefined) });
    const api = new Api(FAKE_TOKEN);
    api.config.use(stub.transformer);
    return { messenger: new TelegramMessenger(api), calls: stub.calls };
  };

  it('sends HTML with the buttons', async () => {
    const { messenger: m, calls } = messengerAnswering({ ok: true, result: { message_id: 42, date: 0, chat: { id: -1, type: 'group' } } });
    expect(await m.send(tg(-1), reply)).toEqual({ messageId: '42' });
    expect(calls[0]?.payload).toMatchObject({ chat_id: '-1', parse_mode: 'HTML', text: 'Fact of the day: &lt;b&gt;&amp;&lt;/b&gt;' });
    expect(calls[0]?.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Show the answer', callback_data: 'd:a:referendum-june-5' }]] });
  });

  it('splits a long post like a reply: every part sent in order, the buttons under the last, whose id it returns', async () => {
    let next = 100;
    const stub = apiStub({ mode: 'offline', override: (call) => (call.method === 'sendMessage' ? { ok: true, result: { message_id: next++, date: 0, chat: { id: -1, type: 'group' } } } : undefined) });
    const api = new Api(FAKE_TOKEN);
    api.config.use(stub.transformer);
    const long = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of a long post.`).join('\n\n');
    expect(await new TelegramMessenger(api).send(tg(-1), { ...reply, text: long })).toEqual({ messageId: String(next - 1) });
    const parts = stub.calls.filter((c) => c.method === 'sendMessage');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((c) => c.payload.reply_markup === undefined)).toEqual([...parts.slice(1).map(() => true), false]);
    expect(parts.map((c) => String(c.payload.text)).join('\n\n')).toBe(long);
  });

  it('maps 403 to ChatUnavailableError and 429 to RateLimitedError with retry_after', async () => {
    const blocked = messengerAnswering({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(blocked.messenger.send(tg(1), reply)).rejects.toBeInstanceOf(ChatUnavailableError);
    const limited = messengerAnswering({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 5', parameters: { retry_after: 5 } });
    const error = await limited.messenger.send(tg(1), reply).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(5000);
  });
});
