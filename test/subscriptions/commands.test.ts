/** The daily-post commands in the core: validation, admin rule, settings, previews, and the today CLI. */
import { describe, expect, it } from 'vitest';
import { runToday } from '../../src/cli/today.js';
import { FakeClock, postingCore, request } from './support.js';

const tg = (chatId: string) => ({ platform: 'telegram' as const, chatId });

describe('daily-post commands', () => {
  const clock = FakeClock.at('2024-06-10T02:00:00Z');

  it('subscribes with the defaults (09:00 Asia/Almaty) and in the given time and zone', async () => {
    const { core, store } = postingCore(clock);
    const reply = (await core.chat.command(request('a'), 'subscribe', ''))!;
    expect(reply.text).toContain('09:00 (Asia/Almaty)');
    expect(await store.subscriptions.get(tg('a'))).toMatchObject({ postMinutes: 540, timeZone: 'Asia/Almaty', active: true });
    await core.chat.command(request('b'), 'subscribe', 'europe/moscow 7:30');
    expect(await store.subscriptions.get(tg('b'))).toMatchObject({ postMinutes: 450, timeZone: 'Europe/Moscow' });
  });

  it('refuses 25:00 and Mars/Olympus with an example, storing nothing', async () => {
    const { core, store } = postingCore(clock);
    const time = (await core.chat.command(request('c'), 'subscribe', '25:00'))!;
    expect(time.text).toContain('25:00');
    expect(time.text).toContain('/subscribe 09:00 Asia/Almaty');
    const zone = (await core.chat.command(request('c'), 'subscribe', '09:00 Mars/Olympus'))!;
    expect(zone.text).toContain('Mars/Olympus');
    expect(zone.text).toContain('/subscribe 09:00 Asia/Almaty');
    expect((await core.chat.command(request('c'), 'subscribe', '+05:00'))!.text).toContain('/subscribe 09:00');
    expect(await store.subscriptions.get(tg('c'))).toBeUndefined();
    await core.chat.command(request('c'), 'subscribe', '10:00');
    expect((await core.chat.command(request('c'), 'settings', 'time 24:61'))!.text).toContain('24:61');
    expect((await store.subscriptions.get(tg('c')))?.postMinutes).toBe(600);
  });

  it('in a group, lets only administrators subscribe, unsubscribe or change settings', async () => {
    const { core, store } = postingCore(clock);
    for (const name of ['subscribe', 'unsubscribe', 'settings']) {
      const reply = (await core.chat.command(request('g', { admin: false }), name, ''))!;
      expect(reply.text).toMatch(/only this chat's administrators/i);
    }
    expect(await store.subscriptions.get(tg('g'))).toBeUndefined();
    // In a private chat the user is the chat's owner.
    await core.chat.command({ ...request('p', { kind: 'private' }), isAdmin: undefined }, 'subscribe', '');
    expect(await store.subscriptions.get(tg('p'))).toBeDefined();
    // Anyone may read today's post or a preview.
    expect((await core.chat.command(request('g', { admin: false }), 'today', ''))!.text.length).toBeGreaterThan(20);
  });

  it('shows and changes settings, and unsubscribes', async () => {
    const { core, store } = postingCore(clock);
    expect((await core.chat.command(request('s'), 'settings', ''))!.text).toMatch(/off/);
    await core.chat.command(request('s'), 'subscribe', '08:15 Asia/Tokyo');
    expect((await core.chat.command(request('s'), 'settings', ''))!.text).toContain('08:15 (Asia/Tokyo)');
    await core.chat.command(request('s'), 'settings', 'time 06:45');
    await core.chat.command(request('s'), 'settings', 'zone Europe/Moscow');
    expect((await core.chat.command(request('s'), 'settings', 'lang ru'))!.text).toMatch(/русском/);
    expect((await store.chats.get(tg('s')))?.lang).toBe('ru');
    expect((await core.chat.command(request('s'), 'settings', 'lang fr'))!.text).toContain('fr');
    expect(await store.subscriptions.get(tg('s'))).toMatchObject({ postMinutes: 405, timeZone: 'Europe/Moscow' });
    // Turning the posts off is news for the whole chat: in its language now.
    expect((await core.chat.command(request('s'), 'unsubscribe', ''))!.text).toMatch(/отключены/);
    expect(await store.subscriptions.get(tg('s'))).toBeUndefined();
    expect((await core.chat.command(request('s'), 'unsubscribe', ''))!.text).toMatch(/no daily posts/);
  });

  it("/settings lang sets the chat's language: shared messages use it, replies to a member keep theirs", async () => {
    const { core } = postingCore(clock);
    const admin = request('lang', { lang: 'en' });
    const set = (await core.chat.command(admin, 'settings', 'lang ru'))!;
    // The change is announced to the chat, in the chat's new language, and says what the language is for.
    expect(set.text).toMatch(/язык этого чата — русский: ежедневные посты, групповые викторины/);
    expect(set.personal).toBe(false);
    // The chat's messages: today's post, a preview and the subscription's confirmation are Russian…
    expect((await core.chat.command(admin, 'today', ''))!.lang).toBe('ru');
    expect((await core.chat.command(admin, 'preview', '2024-06-05'))!.text).toContain('В этот день');
    expect((await core.chat.command(admin, 'subscribe', ''))!.text).toMatch(/Ежедневные посты включены/);
    // …while what is the member's own follows their interface language (or what they type).
    expect((await core.chat.command(admin, 'help', ''))!.text).toMatch(/^Ask me a question/);
    const settings = (await core.chat.command(admin, 'settings', ''))!;
    expect(settings.text).toContain('Chat language (daily posts, group quizzes and other messages for the whole chat): Русский');
    expect((await core.chat.question(admin, 'when was the referendum?')).lang).toBe('en');
    expect((await core.chat.question(admin, 'референдум қашан өтті?')).lang).toBe('kk');
    // A member whose platform reports no language gets the chat's.
    expect((await core.chat.command({ ...admin, userLang: undefined }, 'help', ''))!.text).toMatch(/^Задайте вопрос/);
  });

  it('previews the post of a date, in the asker language, with a citation', async () => {
    const { core } = postingCore(clock);
    const en = (await core.chat.command(request('v'), 'preview', '2024-06-05'))!;
    expect(en.text).toContain('On this day in 2022, 2 years ago:');
    expect(en.text).toMatch(/referendum/i);
    expect(en.citation).toMatch(/^Source: /);
    const ru = (await core.chat.command(request('v', { lang: 'ru' }), 'preview', '2025-06-05'))!;
    expect(ru.text).toContain('В этот день в 2022 году, 3 года назад:');
    expect((await core.chat.command(request('v'), 'preview', '2024-02-30'))!.text).toContain('/preview 2022-06-05');
    expect((await core.chat.command(request('v'), 'preview', ''))!.text).toContain('YYYY-MM-DD');
  });

  it('on a day without events: a fact of the day and a question with its choices as buttons', async () => {
    const { core } = postingCore(clock);
    const reply = (await core.chat.command(request('q'), 'preview', '2024-08-20'))!;
    expect(reply.text).toMatch(/^Fact of the day:\n/);
    expect(reply.text).toContain('Question of the day:');
    const item = core.dailyPosts.questions.item(core.dailyPosts.composer.questionRef('2024-08-20')!.id, 'en')!;
    expect(reply.buttons.flat().map((b) => b.label)).toEqual([...item.choices, 'Show the answer']);
    // A preview's buttons answer at once and privately.
    const answer = (await core.chat.action(request('q', { kind: 'private' }), reply.buttons.at(-1)![0]!.data))!;
    expect(answer.personal).toBe(true);
    expect(answer.text).toBe(`${item.question}\nAnswer: ${item.choices[item.correct]}. ${item.explanation}`);
    expect(answer.citation).toMatch(/^Source: /);
    // Three days before an anniversary, the post announces it.
    expect((await core.chat.command(request('q'), 'preview', '2024-06-02'))!.text).toMatch(/^In 3 days, on June 5, it will be 2 years since this event:\n/);
  });

  it('counts only facts dated to the day as "on this day" (never month, season, year or vague dates)', async () => {
    const { core } = postingCore(clock);
    for (const fact of core.base.facts.filter((f) => f.date && f.date.precision !== 'day' && f.date.value.length === 10)) {
      const reply = (await core.chat.command(request('d'), 'preview', fact.date!.value))!;
      expect(reply.text).not.toContain(fact.answer.en);
    }
    const monthFact = core.base.facts.find((f) => f.date?.precision === 'month')!;
    const reply = (await core.chat.command(request('d'), 'preview', `2024-${monthFact.date!.value.slice(5, 7)}-01`))!;
    expect(reply.text).not.toMatch(/^On this day/);
  });

  it('npm run today prints the post for a date without any platform, as the terminal chat shows it', () => {
    const out: string[] = [];
    const code = runToday(['--date', '2023-06-05', '--lang', 'ru'], (t) => out.push(t), (t) => out.push(t));
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/^В этот день в 2022 году, 1 год назад:\n/);
    expect(out.join('\n')).toContain('Источник:');
    expect(out.join('\n')).toMatch(/\n {2}\[1\] .+\n(?: {2}\[\d\] .+\n)+ {2}\[\d\] Показать ответ$/);
    const bad: string[] = [];
    expect(runToday(['--date', '5 June'], () => undefined, (t) => bad.push(t))).toBe(2);
    expect(bad.join('')).toContain('YYYY-MM-DD');
    expect(runToday(['--days', '0'], () => undefined, (t) => bad.push(t))).toBe(2);
    expect(bad.join('')).toContain('--days must be');
  });

  it('npm run today --days N prints N consecutive posts, and different dates show different facts', () => {
    const out: string[] = [];
    expect(runToday(['--date', '2024-08-01', '--days', '5', '--lang', 'kk'], (t) => out.push(t), (t) => out.push(t))).toBe(0);
    const text = out.join('\n');
    expect(text.match(/^── \d{4}-\d{2}-\d{2} ──$/gm)).toEqual(['── 2024-08-01 ──', '── 2024-08-02 ──', '── 2024-08-03 ──', '── 2024-08-04 ──', '── 2024-08-05 ──']);
    // From the second day on, the post answers yesterday's question.
    expect(text.split('── 2024-08-02 ──')[1]).toContain('Кешегі сұрақ:');
    const facts = text.split(/^── .* ──$/m).slice(1).map((post) => post.split('\n')[2]);
    expect(new Set(facts).size).toBe(5);
  });
});
