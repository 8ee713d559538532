/**
 * The language of study replies, by the one rule (reply-language.ts): a group's quiz and its leaderboards are
 * the chat's (its chosen language, else as the member who started it typed); one player's quiz, notes, toasts,
 * /stats and /review are the member's.
 */
import { describe, expect, it } from 'vitest';
import { member, press, studyCore } from './support.js';

describe('the language of study replies', () => {
  it('runs `/study 2 Референдум 2022 года` in Russian in a chat with no chosen language', async () => {
    const h = studyCore();
    const alice = member('1', 'Alice', { userLang: 'en' });
    const start = (await h.core.chat.command(alice, 'study', '2 Референдум 2022 года'))!;
    expect(start.lang).toBe('ru');
    expect(start.text).toContain('Викторина на тему «Референдум 2022 года»');
    expect(start.text).toContain('Вопрос 1/2');
    await press(h, alice, start, false);
    // The toast is Alice's own: in her language.
    expect((await press(h, member('2', 'Bob', { userLang: 'en' }), start, true))!.text).toMatch(/^Your answer/);
    const next = (await h.core.chat.command(alice, 'next', ''))!;
    expect(next.text).toContain('Вопрос 2/2');
    const end = (await h.core.chat.command(alice, 'next', ''))!;
    expect(end.text).toContain('🏁 Итоги:');
    expect(end.privateChat?.label).toBe('🔁 Повторить мои ошибки');
  });

  it('runs a group\'s quiz in the chat\'s chosen language, whatever the member typed; notes stay the member\'s', async () => {
    const h = studyCore();
    const chat = { platform: 'telegram' as const, chatId: '-100' };
    await h.store.chats.setLang(chat, 'kk');
    const alice = member('1', 'Alice', { userLang: 'en' });
    const start = (await h.core.chat.command(alice, 'study', '2 Референдум 2022 года'))!;
    expect(start.lang).toBe('kk');
    expect(start.text).toContain('Сұрақ 1/2');
    // Personal notes are in the member's language: Dana types Russian, Bob has English.
    const dana = member('4', 'Dana', { userLang: 'en' });
    expect((await h.core.chat.command(dana, 'study', 'референдум'))!.text).toMatch(/^В этом чате уже идёт викторина/);
    expect((await h.core.chat.command(member('2', 'Bob', { userLang: 'en' }), 'next', ''))!.text).toMatch(/^Only the member who started/);
    expect((await press(h, member('3', 'Carol', { userLang: 'ru' }), start, false))!.text).toMatch(/^Ваш ответ/);
    await h.core.chat.command(alice, 'stop', '');
    // /top is for the whole chat; /stats and /review are each member's.
    expect((await h.core.chat.command(alice, 'top', ''))!.text).toContain('🏆 Осы чаттың викторина рейтингі');
    expect((await h.core.chat.command(alice, 'stats', ''))!.text).toMatch(/^You have not answered/);
    const review = (await h.core.chat.command(member('3', 'Carol', { userLang: 'ru' }), 'review', ''))!;
    expect(review.text).toMatch(/^🔁 Повторение у каждого своё/);
    expect(review.privateChat?.otherwise).toBe('Напишите мне /review в личные сообщения.');
  });

  it('runs one player\'s quiz in the language they typed, else their own', async () => {
    const h = studyCore();
    const dm = member('5', 'Erlan', { chatId: '5', chatKind: 'private', userLang: 'en' });
    await h.store.chats.setLang({ platform: 'telegram', chatId: '5' }, 'kk');
    expect((await h.core.chat.command(dm, 'study', '1 Референдум 2022 года'))!.text).toContain('Вопрос 1/1');
    await h.core.chat.command(dm, 'stop', '');
    expect((await h.core.chat.command(dm, 'study', '1'))!.text).toContain('Question 1/1');
  });
});
