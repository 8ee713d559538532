/** "Not what I asked" in the core: the button under answers, a press, its limits. */
import { describe, expect, it } from 'vitest';
import type { ChatReply } from '../../src/core/chat/chat-service.js';
import { loggingCore, member, QUESTIONS } from './support.js';

function feedbackOf(reply: ChatReply) {
  const buttons = reply.buttons.flat().filter((b) => b.kind === 'feedback');
  expect(buttons).toHaveLength(1);
  return buttons[0]!;
}

describe('"Not what I asked"', () => {
  it('is a short translated button under each answer, whose data holds no question text', async () => {
    const { core } = loggingCore();
    const en = await core.chat.question(member(), QUESTIONS.answered);
    const ru = await core.chat.question(member(), 'Когда прошёл референдум?');
    const kk = await core.chat.question(member(), 'Референдум қашан өтті?');
    expect([en, ru, kk].map((r) => feedbackOf(r).label)).toEqual(['Not what I asked', 'Вопрос был о другом', 'Мен басқаны сұрадым']);
    for (const reply of [en, ru, kk]) {
      const { data } = feedbackOf(reply);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(data).toMatch(/^f:(en|ru|kk):[\w-]+$/);
      // The answer's own buttons stay first; feedback is the last row, alone.
      expect(reply.buttons.at(-1)).toEqual([feedbackOf(reply)]);
    }
  });

  it('is not offered under a decline, a best guess or small talk (those are logged already, or nothing was asked)', async () => {
    const { core } = loggingCore();
    for (const q of [QUESTIONS.unknown, QUESTIONS.unsure, 'hello']) expect((await core.chat.question(member(), q)).buttons.flat().some((b) => b.kind === 'feedback')).toBe(false);
  });

  it('thanks the presser privately and logs the question as wrong, once per member', async () => {
    const { core, store } = loggingCore();
    const reply = await core.chat.question(member('1'), `${QUESTIONS.answered} a@b.kz`);
    const { data } = feedbackOf(reply);
    const thanks = await core.chat.action(member('1'), data);
    expect(thanks).toMatchObject({ toast: true, personal: true, text: 'Thank you! The question is noted, so that the answers can be improved.', buttons: [] });
    await core.chat.action(member('1'), data);
    await core.chat.action(member('2', { chatKind: 'group' }), data);
    await core.questionLog?.flush();
    const entries = await store.questionLog.list({ since: 0 });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ text: `${QUESTIONS.answered} [email]`, status: 'wrong', lang: 'en', factId: reply.answer?.factIds[0], chatKind: 'private' });
    expect(entries[1]).toMatchObject({ status: 'wrong', chatKind: 'group' });
    expect(entries[0]?.asker).not.toBe(entries[1]?.asker);
  });

  it('thanks in the language of the answer', async () => {
    const { core } = loggingCore();
    const reply = await core.chat.question(member('1', { userLang: 'en' }), 'Когда прошёл референдум?');
    expect((await core.chat.action(member('1', { userLang: 'en' }), feedbackOf(reply).data))?.text).toBe('Спасибо! Вопрос записан, чтобы ответы стали лучше.');
  });

  it('logs nothing for an answer more than a day old (its ticket expired)', async () => {
    const { core, store, clock } = loggingCore();
    const { data } = feedbackOf(await core.chat.question(member(), QUESTIONS.answered));
    await core.questionLog?.flush();
    clock.advance(24 * 3600_000 + 1);
    expect((await core.chat.action(member(), data))?.toast).toBe(true);
    await core.questionLog?.flush();
    expect(await store.questionLog.count()).toBe(0);
  });

  it('counts against the rate limit like any answer button', async () => {
    const { core, store } = loggingCore({ rateLimit: 1 });
    const { data } = feedbackOf(await core.chat.question(member(), QUESTIONS.answered));
    const refused = await core.chat.action(member(), data);
    expect(refused?.toast).toBe(true);
    expect(refused?.text).toMatch(/wait \d+ s/);
    await core.questionLog?.flush();
    expect(await store.questionLog.count()).toBe(0);
  });

  it('ignores data that is not a ticket', async () => {
    const { core } = loggingCore();
    expect(await core.chat.action(member(), 'f:xx:<b>')).toBeUndefined();
    expect(await core.chat.action(member(), 'f:en:')).toBeUndefined();
  });
});
